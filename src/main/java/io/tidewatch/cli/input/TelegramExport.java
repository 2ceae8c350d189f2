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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A Telegram Desktop chat export ({@code result.json}): {@code messages} with {@code text} as a
 * string or as an array of strings and entity objects ({@code {"type":"text_link","text":..,"href":..}}),
 * {@code from}, {@code from_id} ("user123", "channel456"), {@code date}. Joins become {@code join} posts.
 * Read with Jackson's streaming parser, one message at a time, so an export of any size fits in little memory.
 */
final class TelegramExport extends JsonEntrySource {
    private String chat = "";
    private PostKind chatKind = PostKind.GROUP;
    private boolean inMessages, sawMessages, done;
    private int index;

    TelegramExport(String name, CountedInput in) throws IOException {
        super(name, in, 0, "Telegram export");
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new ConfigException(name + ": not a Telegram export (not a JSON object)");
        } catch (JsonProcessingException e) {
            throw failure(e);
        }
    }

    @Override
    public RawEntry next() {
        try {
            return advance();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Walks the top-level fields ({@code id} and {@code type} come before {@code messages} in Telegram's
     * exports) and hands out one message at a time as a small tree.
     */
    private RawEntry advance() throws IOException {
        while (!done) {
            if (inMessages) {
                if (parser.nextToken() == JsonToken.END_ARRAY) {
                    inMessages = false;
                    continue;
                }
                JsonNode m = parser.readValueAsTree();
                int n = ++index;
                String chatId = chat;
                PostKind kind = chatKind;
                return () -> entry(m, n, chatId, kind);
            }
            if (parser.nextToken() != JsonToken.FIELD_NAME) {
                done = true;
                if (!sawMessages) throw new ConfigException(name + ": Telegram export without a 'messages' array");
                break;
            }
            String field = parser.currentName();
            JsonToken v = parser.nextToken();
            if (v.isStructStart() && !field.equals("messages")) {
                parser.skipChildren();
                continue;
            }
            switch (field) {
                case "id" -> chat = v == JsonToken.VALUE_NULL ? "" : parser.getText();
                case "type" -> chatKind = switch (parser.getText()) {
                    case "personal_chat", "bot_chat", "saved_messages" -> PostKind.DM;
                    case "public_channel", "private_channel" -> PostKind.CHANNEL;
                    default -> PostKind.GROUP;
                };
                case "messages" -> {
                    if (v != JsonToken.START_ARRAY) throw new ConfigException(name + ": Telegram export without a 'messages' array");
                    inMessages = sawMessages = true;
                }
                default -> { } // another scalar header field
            }
        }
        return null;
    }

    private InputEntry entry(JsonNode m, int n, String chatId, PostKind kind) {
        try {
            Post p = message(m, chatId, kind);
            return p == null ? null : new InputPost(p, name, 0);
        } catch (IllegalArgumentException e) {
            return new InputProblem(name, 0, "message #" + n + ": " + e.getMessage());
        }
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
