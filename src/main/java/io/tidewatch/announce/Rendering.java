package io.tidewatch.announce;

import java.util.List;
import java.util.Map;

/** An announcement as each platform will show it, per language (in the announcement's order). */
public record Rendering(Map<String, List<String>> telegram, Map<String, List<String>> twitter) {
    public Rendering {
        telegram = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(telegram));
        twitter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(twitter));
    }

    public List<String> telegramParts() { return telegram.values().stream().flatMap(List::stream).toList(); }

    public List<String> twitterParts() { return twitter.values().stream().flatMap(List::stream).toList(); }
}
