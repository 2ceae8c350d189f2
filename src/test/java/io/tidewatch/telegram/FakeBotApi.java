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
 * format ({"ok":true,"result":[...]}), answers every other method like Telegram does, records every
 * call (method, raw body, arrival time), and can answer 429 with parameters.retry_after.
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
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Integer> failureRetryAfter = new HashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
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
        updates.add(update);
        notifyAll();
    }

    /** The next {@code times} calls of {@code method} answer 429 with retry_after seconds. */
    synchronized void tooManyRequests(String method, int times, int retryAfter) {
        failures.put(method, times);
        failureRetryAfter.put(method, retryAfter);
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
        Integer retryAfter = null;
        Call call = new Call(method, body, now);
        listener.accept(call);
        synchronized (this) {
            calls.add(call);
            byMethod.computeIfAbsent(method, k -> new ArrayList<>()).add(call);
            notifyAll();
            Integer left = failures.get(method);
            if (left != null && left > 0) {
                failures.put(method, left - 1);
                retryAfter = failureRetryAfter.get(method);
            }
        }
        if (retryAfter != null) {
            respond(ex, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
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
        respond(ex, 200, "{\"ok\":true,\"result\":" + result + "}");
    }

    private static final List<String> METHODS = List.of("getUpdates", "sendMessage", "editMessageText", "sendPhoto",
            "getMe", "getChat", "getChatAdministrators", "deleteMessage", "restrictChatMember", "banChatMember",
            "banChatSenderChat", "unbanChatMember", "unbanChatSenderChat", "answerCallbackQuery", "pinChatMessage",
            "unpinChatMessage", "setWebhook", "deleteWebhook");

    /** Telegram method names are case-insensitive (the long-polling session sends "getupdates"). */
    private static String canonical(String m) {
        return METHODS.stream().filter(k -> k.equalsIgnoreCase(m)).findFirst().orElse(m);
    }

    private String getUpdates(String body) {
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            req = JSON.createObjectNode();
        }
        long offset = req.path("offset").asLong(0);
        long timeoutMs = Math.min(500, req.path("timeout").asLong(0) * 1000);
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (this) {
            while (true) {
                List<JsonNode> out = updates.stream().filter(u -> u.get("update_id").asLong() >= offset).limit(100).toList();
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
        String sent = sentMessage(chat, req.path("text").asText());
        sentIds.put(call, JSON.readTree(sent).get("message_id").asInt());
        return sent;
    }

    /** The message id Telegram gave the message a sendMessage call posted. */
    int messageIdOf(Call sendMessage) throws InterruptedException {
        for (int i = 0; i < 500 && !sentIds.containsKey(sendMessage); i++) Thread.sleep(10); // answered just after recording
        return sentIds.get(sendMessage);
    }

    private String sentMessage(long chat, String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageIds.incrementAndGet());
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
