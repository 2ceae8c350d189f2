package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.Author;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Post JSONL (DESIGN.md): one object per line; blank lines are ignored, bad lines reported and skipped. */
final class PostJsonl {
    private PostJsonl() {}

    static List<InputPost> read(String name, String content, Consumer<InputProblem> problems) {
        List<InputPost> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : content.split("\r?\n", -1)) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                out.add(new InputPost(parse(PostReader.JSON.readTree(line)), name, lineNo));
            } catch (JsonProcessingException e) {
                // the parser's message may quote the line, and the line may hold a secret: position only
                problems.accept(new InputProblem(name, lineNo, "not valid JSON (column " + e.getLocation().getColumnNr() + ")"));
            } catch (IllegalArgumentException e) {
                problems.accept(new InputProblem(name, lineNo, e.getMessage()));
            }
        }
        return out;
    }

    /** One post object; throws IllegalArgumentException naming the bad field. */
    static Post parse(JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON object");
        JsonNode id = n.get("id");
        if (id == null || id.isNull() || id.asText().isEmpty() || id.isContainerNode()) throw new IllegalArgumentException("field 'id' is required");
        JsonNode text = n.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) throw new IllegalArgumentException("field 'text' must be a string");
        Platform platform = enumField(n, "platform", Platform.LOCAL, Platform::fromWire);
        PostKind kind = enumField(n, "kind", PostKind.GROUP, PostKind::fromWire);
        Instant time = null;
        if (n.hasNonNull("time")) {
            try {
                time = Instant.parse(n.get("time").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("field 'time' is not an ISO-8601 instant: " + n.get("time").asText());
            }
        }
        Author author = Author.anonymous();
        JsonNode a = n.get("author");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) throw new IllegalArgumentException("field 'author' must be an object");
            author = new Author(a.path("id").asText(""), textOrNull(a, "username"), textOrNull(a, "name"));
        }
        List<String> links = new ArrayList<>();
        if (n.has("links") && n.get("links").isArray()) n.get("links").forEach(l -> links.add(l.asText()));
        return new Post(id.asText(), platform, kind, n.path("chat").asText(""), time, author,
                text == null || text.isNull() ? "" : text.asText(), links, textOrNull(n, "language"));
    }

    private static <E> E enumField(JsonNode n, String field, E fallback, java.util.function.Function<String, E> parse) {
        if (!n.hasNonNull(field)) return fallback;
        try {
            return parse.apply(n.get(field).asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' has unknown value '" + n.get(field).asText() + "'");
        }
    }

    private static String textOrNull(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
