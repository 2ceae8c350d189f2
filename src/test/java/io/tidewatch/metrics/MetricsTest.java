package io.tidewatch.metrics;

import io.tidewatch.announce.MutableClock;
import io.tidewatch.core.Action;
import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every series the operators' issue lists is in the Prometheus text, named tidewatch_…, with its labels. */
class MetricsTest {
    @Test
    void every_series_is_in_the_text_output() {
        Metrics m = new Metrics();
        m.postInspected(Platform.TELEGRAM);
        m.finding(Category.SECRET, "bip39-seed-phrase");
        m.action(Action.Type.DELETE_MESSAGE, Metrics.Outcome.DONE);
        m.action(Action.Type.BAN, Metrics.Outcome.FAILED);
        m.platformCall(Platform.TWITTER, "POST /2/tweets", Duration.ofMillis(120));
        m.platformError(Platform.TWITTER, "POST /2/tweets");
        m.platformRateLimited(Platform.TWITTER, "GET /2/users/:id/mentions");
        m.leakActed(Platform.TELEGRAM, Duration.ofMillis(700));
        m.supportAnswered("deposit", "zh");
        m.announcementPartsFrom(() -> Map.of("sent", 3L, "unknown", 1L));
        Heartbeats beats = new Heartbeats(new MutableClock(Instant.parse("2026-11-25T10:00:00Z")));
        beats.expect(Platform.TELEGRAM, Duration.ofSeconds(30));
        beats.beat(Platform.TELEGRAM);
        m.watch(beats);

        String text = m.scrape();
        for (String sample : new String[]{
                "tidewatch_posts_inspected_total{platform=\"telegram\"} 1.0",
                "tidewatch_findings_total{category=\"secret\",rule=\"bip39-seed-phrase\"} 1.0",
                "tidewatch_actions_total{outcome=\"done\",type=\"DELETE_MESSAGE\"} 1.0",
                "tidewatch_actions_total{outcome=\"failed\",type=\"BAN\"} 1.0",
                "tidewatch_platform_calls_total{method=\"POST /2/tweets\",platform=\"twitter\"} 1.0",
                "tidewatch_platform_errors_total{method=\"POST /2/tweets\",platform=\"twitter\"} 1.0",
                "tidewatch_platform_rate_limited_total{method=\"GET /2/users/:id/mentions\",platform=\"twitter\"} 1.0",
                "tidewatch_platform_call_duration_seconds_count{method=\"POST /2/tweets\",platform=\"twitter\"} 1",
                "tidewatch_leak_to_action_seconds_bucket{platform=\"telegram\",le=\"1.0\"} 1",
                "tidewatch_leak_to_action_seconds_bucket{platform=\"telegram\",le=\"0.5\"} 0",
                "tidewatch_leak_to_action_seconds_count{platform=\"telegram\"} 1",
                "tidewatch_support_answers_total{language=\"zh\",topic=\"deposit\"} 1.0",
                "tidewatch_announcement_parts{state=\"sent\"} 3.0",
                "tidewatch_announcement_parts{state=\"unknown\"} 1.0",
                "tidewatch_platform_last_poll_timestamp_seconds{platform=\"telegram\"} 1.7956008E9"}) {
            assertTrue(text.contains(sample), "missing " + sample + " in\n" + text);
        }
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            assertTrue(line.startsWith("tidewatch_"), "every series is named tidewatch_…: " + line);
        }
    }

    @Test
    void the_announcement_gauge_follows_its_source_on_every_scrape() {
        Metrics m = new Metrics();
        var counts = new java.util.concurrent.atomic.AtomicReference<Map<String, Long>>(Map.of("unknown", 2L));
        m.announcementPartsFrom(counts::get);
        assertTrue(m.scrape().contains("tidewatch_announcement_parts{state=\"unknown\"} 2.0"));
        counts.set(Map.of("sent", 5L));
        String text = m.scrape();
        assertTrue(text.contains("tidewatch_announcement_parts{state=\"unknown\"} 0.0"), "a state that emptied reads 0");
        assertTrue(text.contains("tidewatch_announcement_parts{state=\"sent\"} 5.0"));
    }
}
