package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.io.ByteStreams;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Webhook mode: a small endpoint on the JDK's HTTP server, listening on the one address it is given.
 * Telegram POSTs each update with the {@code X-Telegram-Bot-Api-Secret-Token} header set at
 * setWebhook; anything else gets 401. A body over the size limit gets 413, a body that is not an
 * update object with an {@code update_id} gets 400. The update goes to the same
 * {@link UpdateConsumer} as long polling, and 200 is answered after it was handled (so Telegram
 * redelivers if the process dies meanwhile; the claim prevents a double act).
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static {
        // the JDK server otherwise answers small responses ~40 ms late (Nagle + delayed ACK)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Telegram's updates are a few kilobytes (a 4,096-character text, entities, a quoted reply): 1 MiB is ample. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final byte[] secret;
    private final int maxBodyBytes;

    public WebhookServer(InetSocketAddress address, String path, String secretToken, UpdateSink consumer) throws IOException {
        this(address, path, secretToken, consumer, DEFAULT_MAX_BODY_BYTES);
    }

    public WebhookServer(InetSocketAddress address, String path, String secretToken, UpdateSink consumer,
                         int maxBodyBytes) throws IOException {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("webhook: the listen address " + address.getHostString() + " cannot be resolved");
        }
        this.secret = secretToken.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
        this.server = HttpServer.create(address, 0);
        this.server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "telegram-webhook");
            t.setDaemon(true);
            return t;
        }));
        this.server.createContext(path.isEmpty() ? "/" : path, exchange -> {
            try (exchange) {
                handle(exchange, consumer);
            } catch (RuntimeException e) {
                log.error("webhook: request failed: {}", e.getClass().getSimpleName());
            }
        });
    }

    private void handle(HttpExchange exchange, UpdateSink consumer) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            // a chunked body has no Content-Length: read one byte past the limit to know it is over
            body = length != null && declaredTooLong(length) ? null : ByteStreams.limit(in, maxBodyBytes + 1L).readAllBytes();
            if (body == null || body.length > maxBodyBytes) {
                // read (and drop) a bounded amount more, so the client gets the answer instead of a reset
                ByteStreams.exhaust(ByteStreams.limit(in, 4L * maxBodyBytes));
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(413, -1);
                return;
            }
        }
        Update update = update(body);
        if (update == null) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        boolean recorded;
        try {
            recorded = consumer.consume(List.of(update));
        } catch (RuntimeException e) {
            log.error("webhook: update {} not handled: {}", update.getUpdateId(), e.getClass().getSimpleName());
            recorded = false;
        }
        if (!recorded) {
            // not acknowledged, so Telegram delivers it again; the claim keeps a retry from acting twice
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
    }

    private boolean declaredTooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The update in {@code body}, or null when it is not a JSON object with a numeric update_id. */
    private static Update update(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject() || !tree.path("update_id").canConvertToInt()
                    || !tree.path("update_id").isIntegralNumber()) return null;
            return JSON.treeToValue(tree, Update.class);
        } catch (IOException | RuntimeException e) {
            return null; // the library's objects refuse missing required fields with NullPointerException
        }
    }

    public void start() { server.start(); }

    /** Where it listens (the configured address, never more). */
    public InetSocketAddress address() { return server.getAddress(); }

    public int port() { return server.getAddress().getPort(); }

    @Override
    public void close() { server.stop(1); }
}
