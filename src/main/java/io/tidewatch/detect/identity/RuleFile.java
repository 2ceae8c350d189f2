package io.tidewatch.detect.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML rule file read as a tree; every error names the file and the field. */
public final class RuleFile {
    private final Path file;
    private final JsonNode root;

    private RuleFile(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public static RuleFile read(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": rule file not found");
        JsonNode root = YamlFiles.tree(file);
        if (!root.isObject()) throw new ConfigException(file + ": expected a mapping at the top level");
        return new RuleFile(file, root);
    }

    public Path file() { return file; }

    public JsonNode root() { return root; }

    /** A node by dotted path, or a missing node. */
    public JsonNode at(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) n = n.path(part);
        return n;
    }

    public ConfigException error(String field, String problem) {
        return new ConfigException(file + ": field '" + field + "': " + problem);
    }

    public double number(String path, double min, double max) {
        JsonNode n = at(path);
        if (!n.isNumber()) throw error(path, "a number is required");
        double v = n.asDouble();
        if (v < min || v > max) throw error(path, "must be between " + min + " and " + max + ", was " + v);
        return v;
    }

    public int integer(String path, int min, int max) {
        JsonNode n = at(path);
        if (!n.isInt()) throw error(path, "a whole number is required");
        int v = n.asInt();
        if (v < min || v > max) throw error(path, "must be between " + min + " and " + max + ", was " + v);
        return v;
    }

    public String text(String path) {
        JsonNode n = at(path);
        if (!n.isTextual() || n.asText().isBlank()) throw error(path, "a non-empty text is required");
        return n.asText();
    }

    public List<String> texts(String path, boolean required) {
        return texts(at(path), path, required);
    }

    public List<String> texts(JsonNode n, String path, boolean required) {
        if (n.isMissingNode() || n.isNull()) {
            if (required) throw error(path, "a list of texts is required");
            return List.of();
        }
        if (!n.isArray()) throw error(path, "a list of texts is required");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isValueNode()) throw error(path + "[" + i + "]", "a text is required");
            out.add(n.get(i).asText());
        }
        return out;
    }

    public Map<String, String> textMap(String path) {
        JsonNode n = at(path);
        if (n.isMissingNode()) return Map.of();
        if (!n.isObject()) throw error(path, "a mapping of text to text is required");
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) throw error(path + "." + e.getKey(), "a text is required");
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
