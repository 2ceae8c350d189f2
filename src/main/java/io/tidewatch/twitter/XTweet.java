package io.tidewatch.twitter;

import java.time.Instant;
import java.util.List;

/**
 * A tweet with what Tidewatch reads from it. {@code text} is as the API returns it (t.co links, HTML
 * entities); {@code links} are the expanded URLs behind the t.co links. {@code inReplyToUserId} is the
 * author of the tweet it replies to, or null; {@code lang} is the API's BCP 47 guess ("und" when unsure).
 */
public record XTweet(String id, String text, String authorId, Instant createdAt, String lang, String conversationId,
                     String inReplyToUserId, String repliedToId, String quotedId, List<Link> links) {
    public XTweet {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** One t.co link: where it sits in {@code text} (code points), the t.co URL and where it leads. */
    public record Link(int start, int end, String tco, String expanded, String unwound) {}

    public boolean isReply() { return repliedToId != null; }
}
