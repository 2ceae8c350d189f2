package io.tidewatch.announce;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One announcement as its file(s) describe it. {@code publishAt} null means "only on
 * {@code /announce publish}"; {@code bodies} maps a language code to its Markdown body.
 */
public record Announcement(String id, String file, Map<String, String> titles, ZonedDateTime publishAt,
                           ZonedDateTime expiresAt, List<Target> targets, boolean pin, List<String> languages,
                           Map<String, String> bodies, Set<String> tags, String image, String url) {
    /**
     * The language of a body with no {@code ## LANG} sections and no {@code languages}: one text published
     * as written (often bilingual), to every target whatever its languages. ISO 639-2 "mul": multiple languages.
     */
    public static final String AS_WRITTEN = "mul";

    public Announcement {
        titles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(titles));
        targets = List.copyOf(targets);
        languages = List.copyOf(languages);
        bodies = Map.copyOf(bodies);
        tags = Set.copyOf(tags);
    }

    /** The title in {@code language}; for a text as written with titles per language, all of them joined. */
    public String title(String language) {
        String t = titles.get(language);
        if (t != null) return t;
        if (titles.containsKey("")) return titles.get("");
        if (AS_WRITTEN.equals(language)) return String.join(" / ", titles.values());
        return titles.values().stream().findFirst().orElse("");
    }

    public String body(String language) { return bodies.getOrDefault(language, ""); }

    public boolean isExpired(Instant now) { return expiresAt != null && !expiresAt.toInstant().isAfter(now); }
}
