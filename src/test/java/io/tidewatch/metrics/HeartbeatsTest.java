package io.tidewatch.metrics;

import io.tidewatch.announce.MutableClock;
import io.tidewatch.core.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

class HeartbeatsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Heartbeats beats = new Heartbeats(clock);

    @Test
    void a_platform_is_overdue_after_three_missed_intervals_not_before() {
        beats.expect(Platform.TELEGRAM, Duration.ofSeconds(10));
        beats.beat(Platform.TELEGRAM);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(beats.overdue().isEmpty(), "exactly 3 intervals is still fine");
        clock.advance(Duration.ofSeconds(1));
        var overdue = beats.overdue();
        assertEquals(1, overdue.size());
        assertEquals(Platform.TELEGRAM, overdue.get(0).platform());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), overdue.get(0).lastBeat());
        beats.beat(Platform.TELEGRAM);
        assertTrue(beats.overdue().isEmpty());
    }

    @Test
    void a_platform_that_never_polled_counts_from_when_it_was_expected() {
        beats.expect(Platform.TWITTER, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(181));
        var overdue = beats.overdue();
        assertEquals(1, overdue.size());
        assertNull(overdue.get(0).lastBeat());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), overdue.get(0).expectedSince());
    }

    @Test
    void beats_of_platforms_nobody_expects_are_ignored_and_forgotten_ones_are_never_overdue() {
        beats.beat(Platform.TWITTER);
        assertTrue(beats.platforms().isEmpty());
        beats.expect(Platform.TELEGRAM, Duration.ofSeconds(1));
        beats.forget(Platform.TELEGRAM);
        clock.advance(Duration.ofHours(1));
        assertTrue(beats.overdue().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> beats.expect(Platform.TELEGRAM, Duration.ZERO));
    }
}
