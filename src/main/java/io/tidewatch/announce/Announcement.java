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
    public Announcement {
        titles = Map.copyOf(titles);
        targets = List.copyOf(targets);
        languages = List.copyOf(languages);
        bodies = Map.copyOf(bodies);
        tags = Set.copyOf(tags);
    }

    public String title(String language) {
        String t = titles.get(language);
        return t != null ? t : titles.getOrDefault("", titles.values().stream().findFirst().orElse(""));
    }

    public String body(String language) { return bodies.getOrDefault(language, ""); }

    public boolean isExpired(Instant now) { return expiresAt != null && !expiresAt.toInstant().isAfter(now); }
}
