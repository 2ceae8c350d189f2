package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.Author;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Telegram Desktop chat export ({@code result.json}): {@code messages} with {@code text} as a
 * string or as an array of strings and entity objects ({@code {"type":"text_link","text":..,"href":..}}),
 * {@code from}, {@code from_id} ("user123", "channel456"), {@code date}. Joins become {@code join} posts.
 */
final class TelegramExport {
    private TelegramExport() {}

    static List<InputPost> read(String name, String content, Consumer<InputProblem> problems) {
        JsonNode root;
        try {
            root = PostReader.JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ":" + e.getLocation().getLineNr() + ": not a valid Telegram export (JSON syntax error at column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray()) throw new ConfigException(name + ": Telegram export without a 'messages' array");
        String chat = root.path("id").asText("");
        PostKind chatKind = switch (root.path("type").asText("")) {
            case "personal_chat", "bot_chat", "saved_messages" -> PostKind.DM;
            case "public_channel", "private_channel" -> PostKind.CHANNEL;
            default -> PostKind.GROUP;
        };
        List<InputPost> out = new ArrayList<>();
        int index = 0;
        for (JsonNode m : messages) {
            index++;
            try {
                Post p = message(m, chat, chatKind);
                if (p != null) out.add(new InputPost(p, name, 0));
            } catch (IllegalArgumentException e) {
                problems.accept(new InputProblem(name, 0, "message #" + index + ": " + e.getMessage()));
            }
        }
        return out;
    }

    private static Post message(JsonNode m, String chat, PostKind chatKind) {
        if (!m.isObject()) throw new IllegalArgumentException("not an object");
        if (!m.hasNonNull("id")) throw new IllegalArgumentException("field 'id' is required");
        String type = m.path("type").asText("message");
        Instant time = time(m);
        if (type.equals("service")) {
            String action = m.path("action").asText("");
            if (!action.startsWith("join") && !action.equals("invite_members")) return null;
            Author actor = new Author(accountId(m.path("actor_id").asText("")), null, textOrNull(m, "actor"));
            return new Post(m.get("id").asText(), Platform.TELEGRAM, PostKind.JOIN, chat, time, actor, "");
        }
        List<String> links = new ArrayList<>();
        String text = text(m.get("text"), links);
        Author author = new Author(accountId(m.path("from_id").asText("")), null, textOrNull(m, "from"));
        PostKind kind = m.hasNonNull("reply_to_message_id") && chatKind == PostKind.GROUP ? PostKind.REPLY : chatKind;
        return new Post(m.get("id").asText(), Platform.TELEGRAM, kind, chat, time, author, text, links, null);
    }

    /** Plain text of a message: strings and entities' text concatenated; text_link hrefs go to links. */
    static String text(JsonNode t, List<String> links) {
        if (t == null || t.isNull()) return "";
        if (t.isTextual()) return t.asText();
        if (!t.isArray()) throw new IllegalArgumentException("field 'text' must be a string or an array");
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : t) {
            if (part.isTextual()) sb.append(part.asText());
            else if (part.isObject()) {
                sb.append(part.path("text").asText(""));
                if (part.hasNonNull("href")) links.add(part.get("href").asText());
            } else throw new IllegalArgumentException("unexpected text part " + part.getNodeType());
        }
        return sb.toString();
    }

    /** "user123" -> "123"; "channel456" -> "-100456" (the Bot API form); anything else as is. */
    static String accountId(String fromId) {
        if (fromId.startsWith("user")) return fromId.substring(4);
        if (fromId.startsWith("channel")) return "-100" + fromId.substring(7);
        if (fromId.startsWith("chat")) return "-" + fromId.substring(4);
        return fromId;
    }

    private static Instant time(JsonNode m) {
        if (m.hasNonNull("date_unixtime")) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(m.get("date_unixtime").asText()));
            } catch (NumberFormatException ignored) {
                // fall through to the local date
            }
        }
        if (m.hasNonNull("date")) {
            try {
                return LocalDateTime.parse(m.get("date").asText()).toInstant(ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("field 'date' is not a date: " + m.get("date").asText());
            }
        }
        return null;
    }

    private static String textOrNull(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
