package io.tidewatch.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.core.Action;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code POST /api/sandbox/messages} (DESIGN.md, "HTTP surface"): reads a request, checking
 * each field, and writes the answer: {@code findings}, {@code actions} and {@code replies} as the
 * contract says, plus what the page shows ({@code format}, {@code shown_text}: the message with its
 * secrets masked, {@code messages}: each text the bot would send, as safe HTML, and to whom).
 */
final class SandboxJson {
    static final int MAX_TEXT = 4096;
    private static final int MAX_NAME = 256;

    record FindingJson(String category, String rule, String severity, int start, int end, String excerpt, String reason) {}

    record ActionJson(String type, String reason) {}

    /** A text the bot would send: {@code to} is {@code chat}, {@code member} (privately) or {@code moderators}. */
    record MessageJson(String to, String html) {}

    record Answer(List<FindingJson> findings, List<ActionJson> actions, List<String> replies, String format,
                  @JsonProperty("shown_text") String shownText, List<MessageJson> messages) {}

    private SandboxJson() {}

    /** Parses a request; a {@link Refusal} (400) names the field that is wrong. */
    static SandboxRequest read(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Refusal(400, "api.bad_json", Map.of("line", String.valueOf(at == null ? 1 : at.getLineNr()),
                    "column", String.valueOf(at == null ? 1 : at.getColumnNr())));
        }
        if (root == null || !root.isObject()) throw new Refusal(400, "api.bad_json", Map.of("line", "1", "column", "1"));
        Platform platform = switch (root.path("platform").asText("")) {
            case "telegram" -> Platform.TELEGRAM;
            case "twitter" -> Platform.TWITTER;
            default -> throw new Refusal(400, "api.bad_platform");
        };
        SandboxRequest.Chat chat = switch (root.path("chat").asText("")) {
            case "group" -> SandboxRequest.Chat.GROUP;
            case "private" -> SandboxRequest.Chat.PRIVATE;
            default -> throw new Refusal(400, "api.bad_chat");
        };
        JsonNode user = root.path("user");
        if (!user.isObject() || !optionalText(user, "id") || !optionalText(user, "name") || !optionalText(user, "username")) {
            throw new Refusal(400, "api.bad_user");
        }
        JsonNode text = root.path("text");
        if (!text.isTextual() || text.asText().isBlank() || text.asText().length() > MAX_TEXT) {
            throw new Refusal(400, "api.bad_text", Map.of("max", String.valueOf(MAX_TEXT)));
        }
        return new SandboxRequest(platform, chat, new SandboxRequest.User(textOrNull(user, "id"), textOrNull(user, "name"),
                textOrNull(user, "username")), text.asText());
    }

    private static boolean optionalText(JsonNode object, String field) {
        JsonNode v = object.path(field);
        return v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().length() <= MAX_NAME);
    }

    private static String textOrNull(JsonNode object, String field) {
        JsonNode v = object.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    static Answer answer(SandboxRequest request, SandboxReply reply) {
        List<FindingJson> findings = reply.findings().stream().map(SandboxJson::finding).toList();
        List<ActionJson> actions = reply.actions().stream().map(a -> new ActionJson(a.type().name(), a.reason())).toList();
        List<MessageJson> messages = new ArrayList<>();
        List<String> spoken = new ArrayList<>();
        for (Action a : reply.actions()) {
            String to = switch (a.type()) {
                case REPLY -> "chat";
                case DIRECT_MESSAGE -> "member";
                case ALERT_MODERATORS -> "moderators";
                default -> null;
            };
            if (to == null || a.text() == null) continue;
            messages.add(new MessageJson(to, ReplyHtml.render(a.text(), reply.format())));
            spoken.add(a.text());
        }
        for (String r : reply.replies()) { // support answers: said where the member asked
            if (spoken.contains(r)) continue;
            messages.add(new MessageJson(request.chat() == SandboxRequest.Chat.PRIVATE ? "member" : "chat",
                    ReplyHtml.render(r, reply.format())));
        }
        String format = reply.format() == SandboxReply.Format.TELEGRAM_HTML ? "html" : "text";
        return new Answer(findings, actions, reply.replies(), format, MaskedText.of(request.text(), reply.findings()), messages);
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.category().wireName(), f.rule(), f.severity().wireName(), f.start(), f.end(),
                f.excerpt(), f.reason());
    }
}
