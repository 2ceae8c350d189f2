package io.tidewatch.web;

import io.tidewatch.core.Platform;
import io.tidewatch.store.Database;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** GET /healthz and GET /metrics over HTTP. */
class HealthAndMetricsHttpTest {
    @Test
    void healthz_is_ok_once_rules_are_loaded_and_the_database_answers() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            HttpResponse<String> r = web.get("/healthz");
            assertEquals(200, r.statusCode());
            assertEquals("ok", r.body());
        }
    }

    @Test
    void healthz_is_503_while_no_rules_are_loaded() throws Exception {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", null, s -> new WebServices(s.database(), s.incidents(),
                s.audit(), s.support(), s.ledger(), null, () -> new RulesStatus(null, null), s.rulesDir(), s.undo(), null,
                s.metrics(), s.heartbeats(), s.clock()))) {
            HttpResponse<String> r = web.get("/healthz");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("rules are not loaded"), r.body());
        }
    }

    @Test
    void healthz_is_503_with_the_reason_when_the_database_went_away() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
        String password = "db-password-never-shown";
        Database db = Database.open("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:health;DB_CLOSE_DELAY=-1", "sa", password);
        try (WebHarness web = new WebHarness(db, "127.0.0.1:0", null, s -> s)) {
            assertEquals(200, web.get("/healthz").statusCode());
            h2.stop();
            HttpResponse<String> r = web.get("/healthz");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().startsWith("database"), r.body());
            assertFalse(r.body().contains(password) || r.body().contains("jdbc:"), "no connection string or credential");
        } finally {
            h2.stop();
        }
    }

    @Test
    void healthz_is_503_when_a_platform_was_not_polled_for_three_intervals() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            web.heartbeats.expect(Platform.TWITTER, Duration.ofSeconds(60));
            web.clock.advance(Duration.ofSeconds(170));
            assertEquals(200, web.get("/healthz").statusCode(), "not yet 3 intervals");
            web.clock.advance(Duration.ofSeconds(20));
            HttpResponse<String> r = web.get("/healthz");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("twitter has not been polled"), r.body());
            web.heartbeats.beat(Platform.TWITTER);
            assertEquals(200, web.get("/healthz").statusCode());
        }
    }

    @Test
    void metrics_counters_move_when_messages_are_sent() throws Exception {
        // the test engine records metrics as the pipeline does (see DetectingSandboxEngine)
        try (WebHarness web = WebHarness.start("127.0.0.1:0", null,
                s -> s.withSandbox(new DetectingSandboxEngine(WebHarness.RULES, s.metrics(), s.clock())))) {
            HttpResponse<String> before = web.get("/metrics");
            assertEquals(200, before.statusCode());
            assertTrue(before.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), before.headers().toString());
            double inspected = value(before.body(), "tidewatch_posts_inspected_total{platform=\"telegram\"}");
            web.postJson("/api/sandbox/messages", WebHarness.sandboxJson("Ivan", "ivan", "seed: " + SandboxApiTest.SEED));
            web.postJson("/api/sandbox/messages", WebHarness.sandboxJson("Nina", "nina", "gm"));
            String after = web.get("/metrics").body();
            assertEquals(inspected + 2, value(after, "tidewatch_posts_inspected_total{platform=\"telegram\"}"));
            assertEquals(1, value(after, "tidewatch_findings_total{category=\"secret\",rule=\"bip39-seed-phrase\"}"));
            assertEquals(1, value(after, "tidewatch_actions_total{outcome=\"dry_run\",type=\"DELETE_MESSAGE\"}"));
            assertTrue(after.contains("tidewatch_announcement_parts{state=\"sent\"}"), "the ledger gauge is read on scrape");
            Secrets.assertNoWordPairOf(SandboxApiTest.SEED, after);
        }
    }

    @Test
    void metrics_recorded_by_adapters_show_up() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            web.metrics.platformCall(Platform.TELEGRAM, "deleteMessage", Duration.ofMillis(40));
            web.metrics.platformRateLimited(Platform.TELEGRAM, "deleteMessage");
            web.heartbeats.expect(Platform.TELEGRAM, Duration.ofSeconds(30));
            web.heartbeats.beat(Platform.TELEGRAM);
            String text = web.get("/metrics").body();
            assertEquals(1, value(text, "tidewatch_platform_calls_total{method=\"deleteMessage\",platform=\"telegram\"}"));
            assertEquals(1, value(text, "tidewatch_platform_rate_limited_total{method=\"deleteMessage\",platform=\"telegram\"}"));
            assertEquals(web.clock.instant().toEpochMilli() / 1000.0,
                    value(text, "tidewatch_platform_last_poll_timestamp_seconds{platform=\"telegram\"}"), 0.001);
        }
    }

    /** The sample's value in Prometheus text, 0 when the series is not there yet. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
