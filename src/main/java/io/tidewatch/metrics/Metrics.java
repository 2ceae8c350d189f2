package io.tidewatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tidewatch.core.Action;
import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The numbers operators watch, one named method per series, over Micrometer's Prometheus registry.
 * Recorders (moderation, the adapters, the web) call the methods; {@code /metrics} serves
 * {@link #scrape()}. Every series is named {@code tidewatch_…}; label values are wire names (never
 * message content, user names or secrets), so cardinality stays bounded by the rules and platforms.
 */
public final class Metrics {
    /** What became of a decided action. */
    public enum Outcome {
        /** The platform carried it out. */
        DONE,
        /** The platform refused or the call failed for good. */
        FAILED,
        /** Decided but not carried out: the chat (or the whole run) is in dry run. */
        DRY_RUN,
        /** Not allowed: e.g. the bot lacks the right in that chat. */
        REFUSED,
        /** Not sent on purpose: stale, folded into a summary, or uncertain after a crash. */
        DROPPED,
        /** The platform could not take it now (rate limit, outage); it is tried again later. */
        RETRIED;

        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Leak-to-action latency buckets: a leak should be gone within seconds. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicLong> announcementParts = new ConcurrentHashMap<>();
    private volatile Supplier<Map<String, Long>> announcementPartSource;
    private volatile Heartbeats heartbeats;

    /** Counted on every message: built once per platform, not looked up each time. */
    private final Map<Platform, Counter> inspected = new ConcurrentHashMap<>();

    /** A post went through the detectors. */
    public void postInspected(Platform platform) {
        inspected.computeIfAbsent(platform, p -> Counter.builder("tidewatch.posts.inspected")
                .description("Posts run through the detectors").tag("platform", p.wireName()).register(registry)).increment();
    }

    /** A detector found something; {@code rule} is the rule id (bounded by the rule files). */
    public void finding(Category category, String rule) {
        Counter.builder("tidewatch.findings").description("Findings by category and rule")
                .tag("category", category.wireName()).tag("rule", rule == null ? "" : rule).register(registry).increment();
    }

    /** A decided action and what became of it. */
    public void action(Action.Type type, Outcome outcome) {
        Counter.builder("tidewatch.actions").description("Actions by type and outcome")
                .tag("type", type.name()).tag("outcome", outcome.wireName()).register(registry).increment();
    }

    /**
     * One call to a platform's API ({@code method}: "deleteMessage", "POST /2/tweets"; a fixed name,
     * never with ids in it) and how long it took.
     */
    public void platformCall(Platform platform, String method, Duration took) {
        Counter.builder("tidewatch.platform.calls").description("Calls to a platform's API")
                .tags("platform", platform.wireName(), "method", method).register(registry).increment();
        Timer.builder("tidewatch.platform.call.duration").description("How long platform calls took")
                .tags("platform", platform.wireName(), "method", method).register(registry).record(took);
    }

    /** A platform call that failed (after it was counted by {@link #platformCall}). */
    public void platformError(Platform platform, String method) {
        Counter.builder("tidewatch.platform.errors").description("Platform calls that failed")
                .tags("platform", platform.wireName(), "method", method).register(registry).increment();
    }

    /** The platform answered 429 (Too Many Requests): the call waits for the reset. */
    public void platformRateLimited(Platform platform, String method) {
        Counter.builder("tidewatch.platform.rate.limited").description("Platform calls answered with 429")
                .tags("platform", platform.wireName(), "method", method).register(registry).increment();
    }

    /** From a leaked secret's post time to the moment the removing action was carried out. */
    public void leakActed(Platform platform, Duration sincePosted) {
        Timer.builder("tidewatch.leak.to.action").description("Time from a leak being posted to Tidewatch acting on it")
                .tag("platform", platform.wireName()).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(sincePosted.isNegative() ? Duration.ZERO : sincePosted);
    }

    /** A support question answered, by topic and language (counts only, never content). */
    public void supportAnswered(String topic, String language) {
        Counter.builder("tidewatch.support.answers").description("Support answers by topic and language")
                .tags("topic", topic, "language", language == null ? "" : language).register(registry).increment();
    }

    /**
     * Where announcement parts stand (state -> number of parts, e.g. from the publish ledger); read on
     * every scrape, so the gauge is current without anyone pushing updates.
     */
    public void announcementPartsFrom(Supplier<Map<String, Long>> countsByState) {
        this.announcementPartSource = countsByState;
    }

    /** Sets the announcement parts gauge directly (for recorders that count themselves). */
    public void announcementParts(String state, long parts) {
        announcementParts.computeIfAbsent(state, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("tidewatch.announcement.parts", value, AtomicLong::get)
                    .description("Announcement parts by ledger state").tag("state", s).register(registry);
            return value;
        }).set(parts);
    }

    /** Exposes each expected platform's last successful poll as a gauge (Unix seconds), refreshed on scrape. */
    public void watch(Heartbeats heartbeats) { this.heartbeats = heartbeats; }

    /** The Prometheus text exposition of every series. */
    public String scrape() {
        Supplier<Map<String, Long>> source = announcementPartSource;
        if (source != null) {
            Map<String, Long> counts = source.get();
            announcementParts.keySet().forEach(state -> { if (!counts.containsKey(state)) announcementParts(state, 0); });
            counts.forEach(this::announcementParts);
        }
        Heartbeats beats = heartbeats;
        if (beats != null) {
            for (Platform platform : beats.platforms()) { // registering again returns the existing gauge
                Gauge.builder("tidewatch.platform.last.poll.timestamp", beats, h -> h.lastBeatEpochSeconds(platform)).baseUnit("seconds")
                        .description("When the platform was last polled successfully (Unix time, seconds)")
                        .tag("platform", platform.wireName()).register(registry);
            }
        }
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static String contentType() { return "text/plain; version=0.0.4; charset=utf-8"; }

    /** The registry, for recorders that need a meter this class does not name yet. */
    public PrometheusMeterRegistry registry() { return registry; }
}
