package io.tidewatch.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short answers for repeat askers; memory stays bounded as users come and go. */
class WindowThrottleTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void window_counts_from_the_last_full_answer_and_blank_ids_are_never_throttled() {
        WindowThrottle t = new WindowThrottle(Duration.ofMinutes(10));
        assertFalse(t.throttled("telegram:1", T0));
        assertTrue(t.throttled("telegram:1", T0.plus(Duration.ofMinutes(9))));
        assertFalse(t.throttled("telegram:1", T0.plus(Duration.ofMinutes(10))), "window over: full answer again");
        assertTrue(t.throttled("telegram:1", T0.plus(Duration.ofMinutes(11))));
        assertFalse(t.throttled("", T0));
        assertFalse(t.throttled("", T0));
        assertFalse(new WindowThrottle(Duration.ZERO).throttled("x", T0));
    }

    @Test
    void users_outside_the_window_are_forgotten() {
        WindowThrottle t = new WindowThrottle(Duration.ofMinutes(10));
        for (int i = 0; i < 10_001; i++) t.throttled("u" + i, T0);
        t.throttled("late", T0.plus(Duration.ofMinutes(30)));
        assertEquals(1, t.size());
    }
}
