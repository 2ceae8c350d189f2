package io.tidewatch.twitter;

import io.tidewatch.core.Author;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tweets and DM events as {@link Post}s: a reply to one of the official accounts is a {@code reply}
 * (it sits under an official tweet, where it can be hidden), any other mention a {@code mention}, a
 * DM a {@code dm}. The conversation is the post's chat; the URLs behind t.co links are its links, so
 * detectors judge where a link leads, not the shortener; the API's language guess is its language hint.
 */
public final class PostTranslator {
    private final Set<String> officialIds;

    /** @param officialIds the official accounts' numeric ids (brand profile): replies to them are {@code reply} */
    public PostTranslator(Collection<String> officialIds) {
        this.officialIds = Set.copyOf(officialIds);
    }

    public Post fromTweet(XTweet t, Map<String, XUser> users) {
        PostKind kind = t.inReplyToUserId() != null && officialIds.contains(t.inReplyToUserId()) ? PostKind.REPLY : PostKind.MENTION;
        List<String> links = new ArrayList<>();
        for (XTweet.Link l : t.links()) {
            if (l.expanded() != null) addOnce(links, l.expanded());
            if (l.unwound() != null) addOnce(links, l.unwound());
            if (l.expanded() == null && l.unwound() == null) addOnce(links, l.tco());
        }
        return new Post(t.id(), Platform.TWITTER, kind, t.conversationId() == null ? t.id() : t.conversationId(), t.createdAt(),
                author(t.authorId(), users), unescape(t.text()), links, language(t.lang()));
    }

    /** A received message as a {@code dm}; empty for the account's own messages and for non-message events. */
    public Optional<Post> fromDm(XDmEvent e, Map<String, XUser> users, String selfId) {
        if (!e.isMessage() || e.senderId() == null || e.senderId().equals(selfId)) return Optional.empty();
        return Optional.of(new Post(e.id(), Platform.TWITTER, PostKind.DM, e.conversationId(), e.createdAt(),
                author(e.senderId(), users), e.text() == null ? "" : e.text(), List.of(), null));
    }

    private static Author author(String id, Map<String, XUser> users) {
        XUser u = id == null ? null : users.get(id);
        return u == null ? new Author(id, null, null) : new Author(u.id(), u.username(), u.name());
    }

    /**
     * The API's BCP 47 guess as a bare language ("zh-cn" is "zh"); null for its non-language codes:
     * "und" (undetermined), "zxx" (no text) and the "q…" codes (only media, hashtags, mentions, cashtags…).
     */
    static String language(String lang) {
        if (lang == null || lang.isBlank()) return null;
        String l = lang.strip().toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        String primary = dash > 0 ? l.substring(0, dash) : l;
        if (primary.equals("und") || primary.equals("zxx") || (primary.length() == 3 && primary.startsWith("q"))) return null;
        return primary;
    }

    /** X escapes exactly these three in tweet text; detectors and replies want the text as written. */
    static String unescape(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) list.add(s);
    }
}
