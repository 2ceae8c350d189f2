package io.tidewatch.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User-facing texts in several languages, read from {@code DIR/<lang>.yaml} files (flat key: text).
 * Every language must define the same keys as English. Placeholders {@code {name}} are filled with
 * HTML-escaped values; {@code {{name}}} inserts a value as is (already HTML).
 */
public final class TextCatalog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}|\\{(\\w+)}");
    public static final String FALLBACK = "en";

    private final Map<String, Map<String, String>> byLanguage;

    private TextCatalog(Map<String, Map<String, String>> byLanguage) { this.byLanguage = byLanguage; }

    /** Loads every {@code *.yaml} in {@code dir}; English is required and the reference key set. */
    public static TextCatalog load(Path dir) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) throw new ConfigException(dir + ": text directory not found");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String lang = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                all.put(lang, read(f));
            }
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot read: " + e.getMessage());
        }
        Map<String, String> en = all.get(FALLBACK);
        if (en == null) throw new ConfigException(dir + ": en.yaml is required (the reference language)");
        for (var e : all.entrySet()) {
            for (String key : en.keySet()) {
                if (!e.getValue().containsKey(key)) {
                    throw new ConfigException(dir.resolve(e.getKey() + ".yaml") + ": key '" + key + "' is missing (en.yaml has it)");
                }
            }
        }
        return new TextCatalog(all);
    }

    private static Map<String, String> read(Path f) {
        Map<?, ?> raw = YamlFiles.value(YAML, f, Map.class);
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (var e : raw.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new ConfigException(f + ": key '" + e.getKey() + "' must be a text");
            }
            out.put(String.valueOf(e.getKey()), s);
        }
        return out;
    }

    public Set<String> languages() { return byLanguage.keySet(); }

    /** The best supported language for a hint like "zh-hans" or "en-US"; English otherwise. */
    public String language(String hint) {
        if (hint == null) return FALLBACK;
        String h = hint.toLowerCase(java.util.Locale.ROOT);
        if (byLanguage.containsKey(h)) return h;
        int dash = h.indexOf('-');
        if (dash > 0 && byLanguage.containsKey(h.substring(0, dash))) return h.substring(0, dash);
        return FALLBACK;
    }

    public boolean has(String key) { return byLanguage.get(FALLBACK).containsKey(key); }

    /** The text for {@code key} in {@code language} (falling back to English) with placeholders filled. */
    public String render(String language, String key, Map<String, String> vars) {
        String template = byLanguage.getOrDefault(language(language), Map.of()).get(key);
        if (template == null) template = byLanguage.get(FALLBACK).get(key);
        if (template == null) throw new IllegalArgumentException("no text for key " + key);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String raw = m.group(1), escaped = m.group(2);
            String value = raw != null ? vars.get(raw) : vars.get(escaped);
            String replacement = value == null ? m.group() : raw != null ? value : escapeHtml(value);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public String render(String language, String key) { return render(language, key, Map.of()); }

    /** Like {@link #render}, for plain-text platforms (X): values are inserted as they are, nothing is escaped. */
    public String renderPlain(String language, String key, Map<String, String> vars) {
        String template = byLanguage.getOrDefault(language(language), Map.of()).get(key);
        if (template == null) template = byLanguage.get(FALLBACK).get(key);
        if (template == null) throw new IllegalArgumentException("no text for key " + key);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1) != null ? m.group(1) : m.group(2));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public static String escapeHtml(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
