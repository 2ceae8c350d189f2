package io.tidewatch.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short answers for repeat askers; memory stays bounded as users come and go. */
class ReplyThrottleTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void window_counts_from_the_last_full_answer_and_blank_ids_are_never_throttled() {
        ReplyThrottle t = new ReplyThrottle(Duration.ofMinutes(10));
        assertFalse(t.shouldBeBrief("telegram:1", T0));
        assertTrue(t.shouldBeBrief("telegram:1", T0.plus(Duration.ofMinutes(9))));
        assertFalse(t.shouldBeBrief("telegram:1", T0.plus(Duration.ofMinutes(10))), "window over: full answer again");
        assertTrue(t.shouldBeBrief("telegram:1", T0.plus(Duration.ofMinutes(11))));
        assertFalse(t.shouldBeBrief("", T0));
        assertFalse(t.shouldBeBrief("", T0));
        assertFalse(new ReplyThrottle(Duration.ZERO).shouldBeBrief("x", T0));
    }

    @Test
    void users_outside_the_window_are_forgotten() {
        ReplyThrottle t = new ReplyThrottle(Duration.ofMinutes(10));
        for (int i = 0; i < 10_001; i++) t.shouldBeBrief("u" + i, T0);
        t.shouldBeBrief("late", T0.plus(Duration.ofMinutes(30)));
        assertEquals(1, t.size());
    }
}
