package io.tidewatch.web;

import io.tidewatch.announce.MutableClock;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.detect.Detectors;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.support.SupportResponder;
import io.tidewatch.metrics.Heartbeats;
import io.tidewatch.metrics.Metrics;
import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A web server on 127.0.0.1 (a free port) over an in-memory database, wired as {@code run} wires the
 * sandbox: the real moderation pipeline and undo ({@link WebServices#sandbox}).
 */
final class WebHarness implements AutoCloseable {
    static final Path RULES = Path.of("rules");

    final MutableClock clock = new MutableClock(Instant.now());
    final Database db;
    final Metrics metrics = new Metrics();
    final Heartbeats heartbeats = new Heartbeats(clock);
    final Moderation moderation;
    final WebServices services;
    final WebServer server;
    final String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Open loopback server with the sandbox and undo. */
    static WebHarness start() { return start("127.0.0.1:0", null, s -> s); }

    static WebHarness start(String address, String token, UnaryOperator<WebServices> adjust) {
        return new WebHarness(TestDatabases.h2(), address, token, adjust);
    }

    WebHarness(Database db, String address, String token, UnaryOperator<WebServices> adjust) {
        this.db = db;
        BrandProfile brand = BrandProfileReader.read(RULES.resolve("brand.yaml"));
        this.moderation = new Moderation(brand, () -> new ModerationRules(Detectors.standard(RULES, brand, List.of()),
                Policy.load(RULES, brand), ChatDirectory.load(RULES.resolve("chats.yaml")), clock.instant()),
                db, clock, false);
        this.services = adjust.apply(WebServices.sandbox(moderation, () -> SupportResponder.load(RULES, brand), db, RULES,
                metrics, heartbeats));
        this.server = WebServer.start(HttpAddress.parse(address), token, services);
        this.base = "http://127.0.0.1:" + server.port(); // also reaches a server bound to 0.0.0.0
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) throws IOException, InterruptedException {
        return post(path, "application/json", json, headers);
    }

    /** The session cookie ("tidewatch_session=…") a response set, or null. */
    static String sessionCookie(HttpResponse<?> r) {
        List<String> cookies = r.headers().allValues("Set-Cookie");
        for (String c : cookies) if (c.startsWith(Sessions.COOKIE + "=")) return c.substring(0, c.indexOf(';'));
        return null;
    }

    /** The CSRF token a page carries. */
    static String csrf(String html) {
        return org.jsoup.Jsoup.parse(html).selectFirst("meta[name=csrf-token]").attr("content");
    }

    static String sandboxJson(String name, String username, String text) {
        return sandboxJson("telegram", "group", name, username, text);
    }

    static String sandboxJson(String platform, String chat, String name, String username, String text) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = json.createObjectNode().put("platform", platform).put("chat", chat).put("text", text);
            root.putObject("user").put("id", "7000000042").put("name", name).put("username", username);
            return json.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
