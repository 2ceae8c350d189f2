package io.tidewatch.metrics;

import io.tidewatch.core.Platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each platform was last polled successfully, against how often it should be. {@code /healthz}
 * reports a platform as down once it has not been polled for {@value #TOLERANCE} times its interval
 * (a slow poll or one retry is not an outage; three missed rounds are).
 */
public final class Heartbeats {
    static final int TOLERANCE = 3;

    /** A platform that missed its polls; {@code lastBeat} is null when it never polled since it was expected. */
    public record Overdue(Platform platform, Instant lastBeat, Instant expectedSince, Duration interval) {}

    private record Expectation(Duration interval, Instant since, Instant last) {}

    private final Clock clock;
    private final Map<Platform, Expectation> expected = new ConcurrentHashMap<>();

    public Heartbeats(Clock clock) { this.clock = clock; }

    /** From now on {@code platform} should be polled every {@code interval}. */
    public void expect(Platform platform, Duration interval) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive: " + interval);
        expected.put(platform, new Expectation(interval, clock.instant(), null));
    }

    /** A poll of {@code platform} just succeeded. Beats of platforms nobody expects are ignored. */
    public void beat(Platform platform) {
        Instant now = clock.instant();
        expected.computeIfPresent(platform, (p, e) -> new Expectation(e.interval(), e.since(), now));
    }

    /** The platform no longer runs (stopped cleanly): it is no longer expected to poll. */
    public void forget(Platform platform) { expected.remove(platform); }

    public Set<Platform> platforms() { return Set.copyOf(expected.keySet()); }

    /** Platforms not polled for {@value #TOLERANCE}x their interval, now. */
    public List<Overdue> overdue() {
        Instant now = clock.instant();
        List<Overdue> out = new ArrayList<>();
        expected.forEach((platform, e) -> {
            Instant reference = e.last() != null ? e.last() : e.since();
            if (Duration.between(reference, now).compareTo(e.interval().multipliedBy(TOLERANCE)) > 0) {
                out.add(new Overdue(platform, e.last(), e.since(), e.interval()));
            }
        });
        out.sort(java.util.Comparator.comparing(Overdue::platform));
        return out;
    }

    /** The last successful poll as Unix seconds, or NaN when there was none (a gauge's "no value"). */
    double lastBeatEpochSeconds(Platform platform) {
        Expectation e = expected.get(platform);
        return e == null || e.last() == null ? Double.NaN : e.last().toEpochMilli() / 1000.0;
    }
}
