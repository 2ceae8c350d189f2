package io.tidewatch.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the YAML files under {@code rules/} with one error style: "file:line: what is wrong". */
public final class YamlFiles {
    private static final ObjectMapper TREE = new ObjectMapper(new YAMLFactory());

    private YamlFiles() {}

    /** The file as a tree; an empty file is a {@link MissingNode}. */
    public static JsonNode tree(Path file) {
        requireFile(file);
        try {
            JsonNode root = TREE.readTree(file.toFile());
            return root == null ? MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            throw error(file, e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The file bound to {@code type} by {@code yaml} (a YAML mapper configured by the caller). */
    public static <T> T value(ObjectMapper yaml, Path file, Class<T> type) {
        requireFile(file);
        try {
            return yaml.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw error(file, e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": file not found");
    }

    private static ConfigException error(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return new ConfigException(file + (loc == null ? "" : ":" + loc.getLineNr()) + ": " + e.getOriginalMessage());
    }
}
