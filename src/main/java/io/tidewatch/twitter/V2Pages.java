package io.tidewatch.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.UrlEntity2;
import twitter4j.User2;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the API's answers (as twitter4j-v2 parsed them, or as JSON for DM events) into Tidewatch's records. */
final class V2Pages {
    private V2Pages() {}

    static XPage<XTweet> tweets(TweetsResponse r) {
        Map<String, XUser> users = new LinkedHashMap<>();
        for (User2 u : r.getUsersMap().values()) users.put(String.valueOf(u.getId()), new XUser(String.valueOf(u.getId()), u.getScreenName(), u.getName()));
        List<XTweet> items = new ArrayList<>();
        for (Tweet t : r.getTweets()) items.add(tweet(t, r.getTweetsMap()));
        String next = r.getMeta() == null || r.getMeta().getNextToken() == null ? null : r.getMeta().getNextToken().getValue();
        return new XPage<>(items, users, next);
    }

    /**
     * twitter4j-v2 does not read {@code in_reply_to_user_id}; the replied-to tweet, which the
     * {@code referenced_tweets.id} expansion includes, names its author instead. When that tweet is
     * gone (deleted, protected) the reply's target is unknown (null).
     */
    private static XTweet tweet(Tweet t, Map<Long, Tweet> included) {
        Tweet parent = t.getRepliedToTweetId() == null ? null : included.get(t.getRepliedToTweetId());
        String inReplyTo = parent == null || parent.getAuthorId() == null ? null : String.valueOf(parent.getAuthorId());
        List<XTweet.Link> links = new ArrayList<>();
        if (t.getUrls() != null) {
            for (UrlEntity2 u : t.getUrls()) {
                links.add(new XTweet.Link(u.getStart(), u.getEnd(), u.getUrl(), blankToNull(u.getExpandedUrl()), blankToNull(u.getUnwoundUrl())));
            }
        }
        return new XTweet(String.valueOf(t.getId()), t.getText(), t.getAuthorId() == null ? null : String.valueOf(t.getAuthorId()),
                t.getCreatedAt() == null ? null : t.getCreatedAt().toInstant(), t.getLang(),
                t.getConversationId() == null ? null : String.valueOf(t.getConversationId()), inReplyTo,
                t.getRepliedToTweetId() == null ? null : String.valueOf(t.getRepliedToTweetId()),
                t.getQuotedTweetId() == null ? null : String.valueOf(t.getQuotedTweetId()), links);
    }

    /** {@code GET /2/dm_events}: {"data": [...], "includes": {"users": [...]}, "meta": {"next_token"}}. */
    static XPage<XDmEvent> dmEvents(JsonNode body) {
        Map<String, XUser> users = new LinkedHashMap<>();
        for (JsonNode u : body.path("includes").path("users")) {
            users.put(u.path("id").asText(), new XUser(u.path("id").asText(), text(u, "username"), text(u, "name")));
        }
        List<XDmEvent> items = new ArrayList<>();
        for (JsonNode e : body.path("data")) {
            items.add(new XDmEvent(e.path("id").asText(), text(e, "event_type"), text(e, "text"), text(e, "sender_id"),
                    text(e, "dm_conversation_id"), instant(text(e, "created_at"))));
        }
        return new XPage<>(items, users, text(body.path("meta"), "next_token"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(String s) {
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
