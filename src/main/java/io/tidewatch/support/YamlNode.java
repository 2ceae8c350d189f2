package io.tidewatch.support;

import io.tidewatch.core.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML node that remembers its file, line and field path, so every complaint about a rule file
 * reads "file:line: field 'a.b': what is wrong" (SnakeYAML's node graph keeps the positions).
 */
final class YamlNode {
    private final Path file;
    private final Node node;
    private final String path;

    private YamlNode(Path file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    static YamlNode parse(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": file not found");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(r);
            if (!(root instanceof MappingNode)) {
                throw new ConfigException(file + ":1: expected a mapping at the top level");
            }
            return new YamlNode(file, root, "");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file + ":" + line + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    Path file() { return file; }

    String path() { return path; }

    int line() { return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1; }

    /** "file:line: field 'path': message", the shape every rule-file error takes. */
    ConfigException error(String message) {
        String field = path.isEmpty() ? "" : " field '" + path + "':";
        return new ConfigException(file + ":" + line() + ":" + field + " " + message);
    }

    boolean isScalar() { return node instanceof ScalarNode; }

    boolean isMapping() { return node instanceof MappingNode; }

    boolean isSequence() { return node instanceof SequenceNode; }

    Optional<YamlNode> opt(String key) {
        if (!isMapping()) throw error("expected a mapping");
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(new YamlNode(file, t.getValueNode(), child(key)));
            }
        }
        return Optional.empty();
    }

    YamlNode get(String key) {
        return opt(key).orElseThrow(() -> error("missing required field '" + key + "'"));
    }

    /** Entries of a mapping in file order. */
    Map<String, YamlNode> entries() {
        if (!isMapping()) throw error("expected a mapping");
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) throw error("keys must be plain strings");
            out.put(k.getValue(), new YamlNode(file, t.getValueNode(), child(k.getValue())));
        }
        return out;
    }

    List<YamlNode> items() {
        if (!isSequence()) throw error("expected a list");
        List<YamlNode> out = new ArrayList<>();
        List<Node> values = ((SequenceNode) node).getValue();
        for (int i = 0; i < values.size(); i++) out.add(new YamlNode(file, values.get(i), path + "[" + i + "]"));
        return out;
    }

    String text() {
        if (!(node instanceof ScalarNode s)) throw error("expected a text value");
        return s.getValue();
    }

    /** A required, non-blank text value. */
    String string(String key) {
        YamlNode n = get(key);
        String s = n.text();
        if (s.isBlank()) throw n.error("must not be empty");
        return s;
    }

    Optional<String> optString(String key) {
        return opt(key).map(YamlNode::text).filter(s -> !s.isBlank());
    }

    List<String> strings(String key) {
        return opt(key).map(n -> n.items().stream().map(YamlNode::text).toList()).orElse(List.of());
    }

    double number(String key, double fallback) {
        Optional<YamlNode> n = opt(key);
        if (n.isEmpty()) return fallback;
        try {
            return Double.parseDouble(n.get().text());
        } catch (NumberFormatException e) {
            throw n.get().error("expected a number, got '" + n.get().text() + "'");
        }
    }

    private String child(String key) { return path.isEmpty() ? key : path + "." + key; }
}
