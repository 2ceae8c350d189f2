package io.tidewatch.detect.identity;

import java.util.Map;

/** A finding's reason in each language, with {placeholders}; the text lives in the rule files. */
public record ReasonTemplate(Map<String, String> byLanguage) {
    public ReasonTemplate {
        byLanguage = Map.copyOf(byLanguage);
    }

    static ReasonTemplate from(RuleFile file, String path) {
        Map<String, String> m = file.textMap(path);
        if (!m.containsKey("en") || !m.containsKey("zh")) throw file.error(path, "needs both 'en' and 'zh' texts");
        return new ReasonTemplate(m);
    }

    /** Renders in {@code language} ("zh" or "en"; anything else falls back to English). */
    public String render(String language, Map<String, String> values) {
        String t = byLanguage.getOrDefault(language == null ? "en" : language, byLanguage.get("en"));
        for (var e : values.entrySet()) t = t.replace("{" + e.getKey() + "}", e.getValue());
        return t;
    }
}
