package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bot API server on 127.0.0.1 for tests: serves queued updates to getUpdates in the real JSON
 * format ({"ok":true,"result":[...]}), records every call (method, raw body, arrival time), and fails
 * as Telegram does: 400 for HTML it cannot parse, a text over 4,096 characters, deleting a message
 * that is gone (or never was), an edit that changes nothing; 403 for a private message to a user who
 * never opened a chat with the bot; 409 to a getUpdates overtaken by another; 404 for an unknown
 * method; only the update types named in {@code allowed_updates} are served. Tests can script
 * failures: 429 with retry_after, any status for a method, or a whole outage.
 */
final class FakeBotApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no 40 ms Nagle/delayed-ACK stalls on loopback
    }

    record Call(String method, String body, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        /** A parameter from a JSON body, or from a multipart form (setWebhook, sendPhoto). */
        String param(String name) {
            if (!body.startsWith("{")) {
                var m = java.util.regex.Pattern.compile("name=\"" + name + "\"[^\\n]*\\r?\\n(?:[^\\n]+\\r?\\n)*?\\r?\\n(.*?)\\r?\\n--",
                        java.util.regex.Pattern.DOTALL).matcher(body);
                return m.find() ? m.group(1) : null;
            }
            JsonNode n = json().get(name);
            return n == null ? null : n.asText();
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<Call>> byMethod = new HashMap<>();
    private volatile java.util.function.Consumer<Call> listener = c -> {};
    private final List<JsonNode> updates = new ArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    /** Messages that exist, as "chat:id": pushed in updates or sent by the bot; deleting removes them. */
    private final java.util.Set<String> messages = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Users who opened a private chat with the bot (a private message of theirs was pushed). */
    private final java.util.Set<Long> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The text each sent or edited message holds now, for "message is not modified". */
    private final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
    /** Scripted answers: the first that returns non-null answers the call (status and JSON body). */
    private final List<java.util.function.Function<Call, Scripted>> scripts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long pollGeneration;

    /** A scripted answer: an HTTP status and a JSON body, or a reset connection. */
    record Scripted(int status, String json, boolean reset) {
        static Scripted error(int status, String description) {
            return new Scripted(status, "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"" + description + "\"}", false);
        }

        static Scripted connectionReset() { return new Scripted(0, null, true); }
    }
    /** The HTTP status each call was answered with. */
    private final Map<Call, Integer> answered = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether Telegram took the call (answered 200): a sendMessage that was delivered. */
    boolean delivered(Call c) { return Integer.valueOf(200).equals(answered.get(c)); }

    /** The message id each sendMessage was answered with. */
    private final Map<Call, Integer> sentIds = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile JsonNode pinned;

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", ex -> {
            try (ex) {
                handle(ex);
            }
        });
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    // ---- scripting ------------------------------------------------------------------------

    synchronized void push(JsonNode update) {
        for (String kind : new String[]{"message", "edited_message", "channel_post", "edited_channel_post"}) {
            JsonNode m = update.get(kind);
            if (m == null) continue;
            long chat = m.path("chat").path("id").asLong();
            messages.add(chat + ":" + m.path("message_id").asInt());
            if ("private".equals(m.path("chat").path("type").asText())) started.add(chat);
        }
        updates.add(update);
        notifyAll();
    }

    /** Answers calls as {@code script} says (null: as usual) until the returned handle is closed. */
    AutoCloseable script(java.util.function.Function<Call, Scripted> script) {
        scripts.add(script);
        return () -> scripts.remove(script);
    }

    /** The next {@code times} calls of {@code method} get {@code status} with {@code description}. */
    void failNext(String method, int times, int status, String description) {
        AtomicInteger left = new AtomicInteger(times);
        script(c -> c.method().equals(method) && left.getAndDecrement() > 0 ? Scripted.error(status, description) : null);
    }

    /** Method counts of the calls between {@code from} and {@code to} (nanoTime). */
    synchronized Map<String, Long> methodsBetween(long from, long to) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Call c : calls) if (c.nanos() >= from && c.nanos() < to) out.merge(c.method(), 1L, Long::sum);
        return out;
    }

    /** Whether a message still exists (was pushed or sent, and not deleted since). */
    boolean exists(long chat, int messageId) { return messages.contains(chat + ":" + messageId); }

    /** Someone else (the author, another admin) deleted a message. */
    void deletedElsewhere(long chat, int messageId) { messages.remove(chat + ":" + messageId); }

    /** The most calls that arrived within any one second (getUpdates included). */
    synchronized int busiestSecond() { return busiestSecond(0, Long.MAX_VALUE); }

    /** The most calls within any one second among those that arrived between {@code from} and {@code to} (nanoTime). */
    synchronized int busiestSecond(long from, long to) {
        int best = 0;
        List<Long> times = calls.stream().map(Call::nanos).filter(t -> t >= from && t < to).sorted().toList();
        for (int i = 0, j = 0; j < times.size(); j++) {
            while (times.get(j) - times.get(i) >= 1_000_000_000L) i++;
            best = Math.max(best, j - i + 1);
        }
        return best;
    }

    /** A user opened a private chat with the bot (so private messages to them can be delivered). */
    void started(long userId) { started.add(userId); }

    /** The next {@code times} calls of {@code method} answer 429 with retry_after seconds. */
    void tooManyRequests(String method, int times, int retryAfter) {
        AtomicInteger left = new AtomicInteger(times);
        script(c -> c.method().equals(method) && left.getAndDecrement() > 0 ? new Scripted(429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfter
                        + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}", false) : null);
    }

    void pin(JsonNode message) { pinned = message; }

    // ---- inspection -----------------------------------------------------------------------

    synchronized List<Call> calls() { return List.copyOf(calls); }

    synchronized List<Call> calls(String method) {
        return List.copyOf(byMethod.getOrDefault(method, List.of()));
    }

    /** Called on every call as it arrives (outside the recorder's lock), e.g. to time deleteMessage. */
    void onCall(java.util.function.Consumer<Call> l) { listener = l; }

    /** Waits until {@code count} calls match, or fails after {@code timeout}. */
    synchronized List<Call> await(String method, Predicate<Call> match, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Call> found = byMethod.getOrDefault(method, List.of()).stream().filter(match).toList();
            if (found.size() >= count) return found;
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("expected " + count + " " + method + " calls, got " + found.size() + "; all calls: " + summary());
            wait(Math.max(1, left / 1_000_000));
        }
    }

    List<Call> await(String method, int count) throws InterruptedException {
        return await(method, c -> true, count, Duration.ofSeconds(10));
    }

    synchronized String summary() {
        return calls.stream().filter(c -> !c.method().equals("getUpdates")).map(c -> c.method() + " " + c.body()).toList().toString();
    }

    // ---- the server -----------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();              // /bot<token>/<method>
        String method = canonical(path.substring(path.lastIndexOf('/') + 1));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long now = System.nanoTime();
        Call call = new Call(method, body, now);
        listener.accept(call);
        synchronized (this) {
            calls.add(call);
            byMethod.computeIfAbsent(method, k -> new ArrayList<>()).add(call);
            notifyAll();
        }
        for (var script : scripts) {
            Scripted answer = script.apply(call);
            if (answer == null) continue;
            if (answer.reset()) {
                ex.close();
                return;
            }
            answered.put(call, answer.status());
            respond(ex, answer.status(), answer.json());
            return;
        }
        if (!METHODS.contains(method)) {
            answered.put(call, 404);
            respond(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        String refusal = refusal(method, call);
        if (refusal != null) {
            int status = Integer.parseInt(refusal.substring(0, 3));
            answered.put(call, status);
            respond(ex, status, Scripted.error(status, refusal.substring(4)).json());
            return;
        }
        String result = switch (method) {
            case "getUpdates" -> getUpdates(body);
            case "sendMessage", "editMessageText" -> message(call);
            case "sendPhoto" -> sentMessage(-1L, "photo");
            case "getMe" -> "{\"id\":123456,\"is_bot\":true,\"first_name\":\"Tidewatch\",\"username\":\"tidewatch_bot\"}";
            case "getChat" -> chat(body);
            case "getChatAdministrators" -> "[{\"status\":\"creator\",\"is_anonymous\":false,\"user\":{\"id\":31337,\"is_bot\":false,\"first_name\":\"Anna\"}}]";
            default -> "true";
        };
        if (result == null) {
            answered.put(call, 409);
            respond(ex, 409, Scripted.error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running").json());
            return;
        }
        answered.put(call, 200);
        respond(ex, 200, "{\"ok\":true,\"result\":" + result + "}");
    }

    /** "STATUS description" when Telegram would refuse this call as it is, else null. */
    private String refusal(String method, Call call) {
        if (!call.body().startsWith("{")) return null;
        JsonNode req = call.json();
        String chat = req.path("chat_id").asText();
        switch (method) {
            case "sendMessage", "editMessageText" -> {
                String text = req.path("text").asText();
                if (text.isEmpty()) return "400 Bad Request: message text is empty";
                if ("HTML".equals(req.path("parse_mode").asText())) {
                    String bad = TelegramHtml.problem(text);
                    if (bad != null) return "400 Bad Request: can't parse entities: " + bad;
                    if (TelegramHtml.visibleLength(text) > 4096) return "400 Bad Request: message is too long";
                } else if (text.codePointCount(0, text.length()) > 4096) {
                    return "400 Bad Request: message is too long";
                }
                if (method.equals("sendMessage") && !chat.startsWith("-") && !started.contains(Long.parseLong(chat))) {
                    return "403 Forbidden: bot can't initiate conversation with a user";
                }
                if (method.equals("editMessageText")) {
                    String key = chat + ":" + req.path("message_id").asInt();
                    if (text.equals(texts.get(key))) return "400 Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
                }
            }
            case "deleteMessage" -> {
                if (!messages.remove(chat + ":" + req.path("message_id").asInt())) return "400 Bad Request: message to delete not found";
            }
            default -> { }
        }
        return null;
    }

    private static final List<String> METHODS = List.of("getUpdates", "sendMessage", "editMessageText", "sendPhoto",
            "getMe", "getChat", "getChatAdministrators", "deleteMessage", "restrictChatMember", "banChatMember",
            "banChatSenderChat", "unbanChatMember", "unbanChatSenderChat", "answerCallbackQuery", "pinChatMessage",
            "unpinChatMessage", "setWebhook", "deleteWebhook", "leaveChat");

    /** Telegram method names are case-insensitive (the long-polling session sends "getupdates"). */
    private static String canonical(String m) {
        return METHODS.stream().filter(k -> k.equalsIgnoreCase(m)).findFirst().orElse(m);
    }

    /** Serves updates after the offset, of the allowed types only; null when a newer getUpdates overtook this one (409). */
    private String getUpdates(String body) {
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            req = JSON.createObjectNode();
        }
        long offset = req.path("offset").asLong(0);
        long timeoutMs = Math.min(500, req.path("timeout").asLong(0) * 1000);
        java.util.Set<String> allowed = new java.util.HashSet<>();
        req.path("allowed_updates").forEach(n -> allowed.add(n.asText()));
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (this) {
            long generation = ++pollGeneration;
            notifyAll(); // an older poll still waiting is overtaken: it gets 409
            while (true) {
                if (generation != pollGeneration) return null;
                List<JsonNode> out = updates.stream().filter(u -> u.get("update_id").asLong() >= offset)
                        .filter(u -> allowed.isEmpty() || allowed.stream().anyMatch(u::has)).limit(100).toList();
                long left = deadline - System.currentTimeMillis();
                if (!out.isEmpty() || left <= 0) return out.toString();
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    return "[]";
                }
            }
        }
    }

    private String message(Call call) throws IOException {
        JsonNode req = JSON.readTree(call.body());
        long chat = req.path("chat_id").asLong();
        if (call.method().equals("editMessageText")) {
            texts.put(chat + ":" + req.path("message_id").asInt(), req.path("text").asText());
            return sentMessage(chat, req.path("text").asText(), req.path("message_id").asInt());
        }
        String sent = sentMessage(chat, req.path("text").asText());
        int id = JSON.readTree(sent).get("message_id").asInt();
        messages.add(chat + ":" + id);
        texts.put(chat + ":" + id, req.path("text").asText());
        sentIds.put(call, id);
        return sent;
    }

    /** The message id Telegram gave the message a sendMessage call posted. */
    int messageIdOf(Call sendMessage) throws InterruptedException {
        for (int i = 0; i < 500 && !sentIds.containsKey(sendMessage); i++) Thread.sleep(10); // answered just after recording
        return sentIds.get(sendMessage);
    }

    private String sentMessage(long chat, String text) { return sentMessage(chat, text, messageIds.incrementAndGet()); }

    private String sentMessage(long chat, String text, int messageId) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageId);
        m.put("date", System.currentTimeMillis() / 1000);
        ObjectNode c = m.putObject("chat");
        c.put("id", chat);
        c.put("type", chat < 0 ? "supergroup" : "private");
        m.put("text", text);
        return m.toString();
    }

    private String chat(String body) throws IOException {
        JsonNode req = JSON.readTree(body);
        ObjectNode c = JSON.createObjectNode();
        c.put("id", req.path("chat_id").asLong());
        c.put("type", "channel");
        c.put("title", "News");
        c.put("accent_color_id", 0);
        c.put("max_reaction_count", 11);
        if (pinned != null) c.set("pinned_message", pinned);
        return c.toString();
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() { server.stop(0); }
}
