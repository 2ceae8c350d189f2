package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.Author;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A Twitter/X archive's {@code tweets.js}: {@code window.YTD.tweets.part0 = [{"tweet": {...}}, ...]}.
 * Text is {@code full_text} with t.co links kept; expanded URLs go to the post's links.
 */
final class TwitterArchive {
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private TwitterArchive() {}

    static List<InputPost> read(String name, String content, Consumer<InputProblem> problems) {
        int eq = content.indexOf('=');
        if (eq < 0) throw new ConfigException(name + ": not a Twitter archive (no 'window.YTD... =' assignment)");
        int prefixLines = (int) content.substring(0, eq).lines().count();
        JsonNode arr;
        try {
            arr = PostReader.JSON.readTree(content.substring(eq + 1));
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ":" + (e.getLocation().getLineNr() + prefixLines - 1) + ": not a valid Twitter archive (JSON syntax error at column " + e.getLocation().getColumnNr() + ")");
        }
        if (arr == null || !arr.isArray()) throw new ConfigException(name + ": Twitter archive without a tweet array");
        List<InputPost> out = new ArrayList<>();
        int index = 0;
        for (JsonNode item : arr) {
            index++;
            JsonNode t = item.has("tweet") ? item.get("tweet") : item;
            try {
                out.add(new InputPost(tweet(t), name, 0));
            } catch (IllegalArgumentException e) {
                problems.accept(new InputProblem(name, 0, "tweet #" + index + ": " + e.getMessage()));
            }
        }
        return out;
    }

    private static Post tweet(JsonNode t) {
        if (!t.isObject()) throw new IllegalArgumentException("not an object");
        String id = t.hasNonNull("id_str") ? t.get("id_str").asText() : t.path("id").asText("");
        if (id.isEmpty()) throw new IllegalArgumentException("field 'id_str' is required");
        String text = t.hasNonNull("full_text") ? t.get("full_text").asText() : t.path("text").asText("");
        Instant time = null;
        if (t.hasNonNull("created_at")) {
            try {
                time = ZonedDateTime.parse(t.get("created_at").asText(), CREATED_AT).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("field 'created_at' is not a Twitter date: " + t.get("created_at").asText());
            }
        }
        List<String> links = new ArrayList<>();
        for (JsonNode u : t.path("entities").path("urls")) {
            if (u.hasNonNull("expanded_url")) links.add(u.get("expanded_url").asText());
        }
        boolean reply = t.hasNonNull("in_reply_to_status_id_str") || t.hasNonNull("in_reply_to_status_id");
        Author author = new Author(t.path("user_id_str").asText(""), null, null);
        return new Post(id, Platform.TWITTER, reply ? PostKind.REPLY : PostKind.CHANNEL, "", time, author, text, links,
                t.hasNonNull("lang") ? t.get("lang").asText() : null);
    }
}
