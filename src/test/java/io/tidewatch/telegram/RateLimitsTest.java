package io.tidewatch.telegram;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class RateLimitsTest {
    static final long S = TimeUnit.SECONDS.toNanos(1);

    @Test
    void about_thirty_calls_a_second_overall() {
        RateLimits l = new RateLimits(RateLimits.Config.telegramDefaults(), 0);
        int went = 0;
        for (int i = 0; i < 100; i++) if (l.reserve("c" + i, "c" + i, false, 0) == 0) went++;
        assertEquals(30, went);
        long wait = l.reserve("x", "x", false, 0);
        assertTrue(wait > 0 && wait <= S / 30 + 1, "next token in ~33 ms: " + wait);
        assertEquals(0, l.reserve("x", "x", false, S));
    }

    @Test
    void about_twenty_messages_a_minute_into_one_group() {
        RateLimits l = new RateLimits(RateLimits.Config.telegramDefaults(), 0);
        int went = 0;
        for (int i = 0; i < 25; i++) if (l.reserve("-100", "-100", true, 0) == 0) went++;
        assertEquals(20, went);
        assertTrue(l.reserve("-100", "-100", true, S) > 0, "the next one waits ~3 s");
        assertEquals(0, l.reserve("-100", "-100", true, 3 * S));
        assertTrue(l.reserve("-100", "-100", true, 3 * S) > 0);
        assertEquals(0, l.reserve("-200", "-200", true, 3 * S), "another group has its own budget");
        assertEquals(0, l.reserve("-100", "-100", false, 3 * S), "calls that post nothing only count overall");
    }

    @Test
    void a_429_blocks_that_chat_until_retry_after() {
        RateLimits l = new RateLimits(RateLimits.Config.telegramDefaults(), 0);
        l.block("-100", 5 * S);
        assertEquals(5 * S - S, l.reserve("-100", "-100", false, S));
        assertEquals(0, l.reserve("-200", "-200", false, S));
        assertEquals(0, l.reserve("-100", "-100", false, 5 * S));
    }
}
