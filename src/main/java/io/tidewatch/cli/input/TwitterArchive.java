package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.Author;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Twitter/X archive's {@code tweets.js}: {@code window.YTD.tweets.part0 = [{"tweet": {...}}, ...]}.
 * Text is {@code full_text} with t.co links kept; expanded URLs go to the post's links. Read with
 * Jackson's streaming parser after the assignment, one tweet at a time.
 */
final class TwitterArchive extends JsonEntrySource {
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private boolean done;
    private int index;

    TwitterArchive(String name, CountedInput in) throws IOException {
        super(name, in, skipAssignment(name, in), "Twitter archive");
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) throw new ConfigException(name + ": Twitter archive without a tweet array");
        } catch (JsonProcessingException e) {
            throw failure(e);
        }
    }

    /** Reads past {@code window.YTD.tweets.part0 =}; the lines it spanned. */
    private static int skipAssignment(String name, CountedInput in) throws IOException {
        int newlines = 0;
        for (int b = in.read(); b != '='; b = in.read()) {
            if (b < 0) throw new ConfigException(name + ": not a Twitter archive (no 'window.YTD... =' assignment)");
            if (b == '\n') newlines++;
        }
        return newlines;
    }

    @Override
    public RawEntry next() {
        if (done) return null;
        try {
            if (parser.nextToken() == JsonToken.END_ARRAY) {
                done = true;
                return null;
            }
            JsonNode item = parser.readValueAsTree();
            int n = ++index;
            return () -> entry(item, n);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private InputEntry entry(JsonNode item, int n) {
        JsonNode t = item.has("tweet") ? item.get("tweet") : item;
        try {
            return new InputPost(tweet(t), name, 0);
        } catch (IllegalArgumentException e) {
            return new InputProblem(name, 0, "tweet #" + n + ": " + e.getMessage());
        }
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
