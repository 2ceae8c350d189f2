package io.tidewatch.telegram;

import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import io.tidewatch.store.UpdateLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tidewatch.telegram.Updates.groupText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook endpoint on its own: what it accepts, what it refuses, where it listens. */
class WebhookServerTest {
    static final String SECRET = "s".repeat(40);
    Database db;
    UpdateSink consumer;
    final List<Update> handled = new CopyOnWriteArrayList<>();
    WebhookServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        db = TestDatabases.h2();
        consumer = updates -> handled.addAll(updates) || true;
        server = new WebhookServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/hook", SECRET, consumer, 64 * 1024);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private int post(HttpRequest.BodyPublisher body) throws Exception {
        URI hook = URI.create("http://127.0.0.1:" + server.port() + "/hook");
        return http.send(HttpRequest.newBuilder(hook).header(WebhookServer.SECRET_HEADER, SECRET).POST(body).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int post(String body) throws Exception { return post(HttpRequest.BodyPublishers.ofString(body)); }

    @Test
    void an_update_is_handled_and_answered_200() throws Exception {
        assertEquals(200, post(groupText(7, 3000, 42, "Alice", "hello").toString()));
        assertEquals(1, handled.size());
        assertEquals(7, handled.get(0).getUpdateId());
    }

    @Test
    void null_empty_and_malformed_bodies_get_400_and_reach_nothing() throws Exception {
        for (String body : new String[]{"null", "{}", "", "[]", "42", "\"text\"", "{\"update_id\": \"7\"}",
                "{\"update_id\": 1.5}", "{\"update_id\": 7, \"message\": {\"chat\": {\"type\": \"group\"}}}", "{\"update_id\": 7,",
                "{\"update_id\": 99999999999}"}) {
            assertEquals(400, post(body), "body: " + body);
        }
        assertTrue(handled.isEmpty(), "nothing handled: " + handled);
        assertEquals(200, post("{\"update_id\": 8}"), "an update of a kind this bot does not read is still acknowledged");
    }

    @Test
    void a_body_over_the_limit_gets_413_with_or_without_a_content_length() throws Exception {
        String big = groupText(9, 3001, 42, "Alice", "x".repeat(70 * 1024)).toString();
        assertEquals(413, post(big));
        // chunked: no Content-Length, so the limit is enforced while reading
        assertEquals(413, post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        InputStream endless = new InputStream() {
            @Override public int read() { return ' '; }
        };
        try {
            assertEquals(413, post(HttpRequest.BodyPublishers.ofInputStream(() -> endless)));
        } catch (IOException closedWhileSending) {
            // the server read what it allows, answered and closed; a client still sending may see the close first
        }
        assertTrue(handled.isEmpty());
        assertEquals(200, post(groupText(10, 3002, 42, "Alice", "still serving").toString()));
    }

    @Test
    void it_listens_on_the_configured_address_only() throws Exception {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        InetAddress other = nonLoopbackAddress();
        if (other != null) {
            assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(
                    URI.create("http://" + other.getHostAddress() + ":" + server.port() + "/hook")).POST(
                    HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()),
                    "not reachable on " + other);
        }
        assertThrows(IllegalArgumentException.class, () -> new WebhookServer(
                InetSocketAddress.createUnresolved("no-such-host.invalid", 0), "/hook", SECRET, consumer));
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (var a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address) return a;
            }
        }
        return null;
    }
}
