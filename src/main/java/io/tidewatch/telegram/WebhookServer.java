package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * Webhook mode: a small endpoint on the JDK's HTTP server. Telegram POSTs each update with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header set at setWebhook; anything else gets 401. The
 * update goes to the same {@link UpdateConsumer} as long polling, and 200 is answered after it was
 * handled (so Telegram redelivers if the process dies meanwhile; the claim prevents a double act).
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static {
        // the JDK server otherwise answers small responses ~40 ms late (Nagle + delayed ACK)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final byte[] secret;

    public WebhookServer(InetSocketAddress address, String path, String secretToken, UpdateConsumer consumer) throws IOException {
        this.secret = secretToken.getBytes(StandardCharsets.UTF_8);
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
                log.error("webhook: {}", e.toString());
            }
        });
    }

    private void handle(HttpExchange exchange, UpdateConsumer consumer) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        Update update;
        try (InputStream in = exchange.getRequestBody()) {
            update = JSON.readValue(in, Update.class);
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        if (!consumer.consume(List.of(update))) {
            exchange.sendResponseHeaders(503, -1); // not recorded: Telegram delivers it again
            return;
        }
        byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
    }

    public void start() { server.start(); }

    public int port() { return server.getAddress().getPort(); }

    @Override
    public void close() { server.stop(1); }
}
