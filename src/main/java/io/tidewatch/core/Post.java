package io.tidewatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: what every adapter turns an event into and every detector reads.
 *
 * @param links URLs the platform carries beside the text (Telegram {@code text_link} entities,
 *              Twitter expanded URLs), which never appear in {@code text} itself
 * @param language a language hint from the platform or chat settings ("zh", "en"), or null
 */
public record Post(String id, Platform platform, PostKind kind, String chat, Instant time,
                   Author author, String text, List<String> links, String language) {
    public Post {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        author = author == null ? Author.anonymous() : author;
        text = text == null ? "" : text;
        links = links == null ? List.of() : List.copyOf(links);
    }

    public Post(String id, Platform platform, PostKind kind, String chat, Instant time, Author author, String text) {
        this(id, platform, kind, chat, time, author, text, List.of(), null);
    }

    /** A local post with just text, as the CLI and tests make them. */
    public static Post ofText(String id, String text) {
        return new Post(id, Platform.LOCAL, PostKind.GROUP, "local", Instant.EPOCH, Author.anonymous(), text);
    }

    public Post withText(String newText) {
        return new Post(id, platform, kind, chat, time, author, newText, links, language);
    }
}
