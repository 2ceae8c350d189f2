package io.tidewatch.announce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words Tidewatch adds around announcements, per language, from {@code rules/announce.yaml}. */
public final class AnnouncementTexts {
    private final Map<String, Map<String, String>> texts;

    public AnnouncementTexts(Map<String, Map<String, String>> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static AnnouncementTexts read(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": announcement texts not found");
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        YamlFiles.tree(file).fields().forEachRemaining(e -> {
            Map<String, String> byLang = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(l -> byLang.put(l.getKey(), l.getValue().asText()));
            if (!byLang.containsKey("en")) throw new ConfigException(file + ": " + e.getKey() + ": needs an 'en' text");
            texts.put(e.getKey(), byLang);
        });
        if (!texts.containsKey("full_text")) throw new ConfigException(file + ": field 'full_text' is required");
        return new AnnouncementTexts(texts);
    }

    public String get(String key, String language) {
        Map<String, String> byLang = texts.get(key);
        if (byLang == null) throw new IllegalArgumentException("no text '" + key + "'");
        String base = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
        return byLang.getOrDefault(language, byLang.getOrDefault(base, byLang.get("en")));
    }
}
