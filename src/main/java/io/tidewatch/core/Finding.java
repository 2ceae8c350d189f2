package io.tidewatch.core;

import java.util.Objects;

/**
 * One thing a detector found in a post. It never holds the secret itself: {@code excerpt} is
 * redacted and {@code fingerprint} is a salted hash that recognizes a repeat of the same secret.
 *
 * @param start UTF-16 offset in the post's text where the finding begins (0 for name findings)
 * @param end   UTF-16 offset where it ends, exclusive
 * @param reason a short human-readable why ("imitates 'Example Exchange' via homoglyphs, score 0.93")
 * @param fingerprint salted hash of the matched value, or null when not a secret
 */
public record Finding(Category category, String rule, Severity severity, int start, int end,
                      String excerpt, String reason, String fingerprint) {
    public Finding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        excerpt = excerpt == null ? "" : excerpt;
        reason = reason == null ? "" : reason;
    }
}
