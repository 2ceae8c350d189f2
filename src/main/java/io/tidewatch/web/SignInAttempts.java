package io.tidewatch.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong dashboard tokens per minute, counted per client address and in all. Past either limit every
 * token attempt (form or Bearer) is refused with 429 until the minute is over, without being compared,
 * so a token cannot be guessed online; sessions already signed in are not affected. In memory: a
 * restart forgets the counts, which at worst grants one more minute of attempts.
 */
final class SignInAttempts {
    static final int PER_ADDRESS = 5;
    static final int IN_ALL = 50;
    /** More addresses than this in one minute is itself an attack: the limit in all applies at once. */
    private static final int MAX_ADDRESSES = 10_000;
    private static final long MINUTE = 60_000;

    private final Clock clock;
    private final Map<String, Integer> wrongByAddress = new HashMap<>();
    private int wrongInAll;
    private long minute = Long.MIN_VALUE;

    SignInAttempts(Clock clock) { this.clock = clock; }

    /** Throws a 429 {@link Refusal} when {@code address} or everyone has used up this minute's wrong tokens. */
    synchronized void checkAllowed(String address) {
        roll();
        if (wrongInAll >= IN_ALL || wrongByAddress.getOrDefault(address, 0) >= PER_ADDRESS) {
            long retry = Math.max(1, (minute + MINUTE - clock.millis() + 999) / 1000);
            throw new Refusal(429, "access.too_many", Map.of("seconds", Long.toString(retry)));
        }
    }

    synchronized void wrong(String address) {
        roll();
        wrongInAll++;
        if (wrongByAddress.size() >= MAX_ADDRESSES) wrongInAll = IN_ALL;
        else wrongByAddress.merge(address, 1, Integer::sum);
    }

    private void roll() {
        long now = clock.millis() / MINUTE * MINUTE;
        if (now != minute) {
            minute = now;
            wrongByAddress.clear();
            wrongInAll = 0;
        }
    }
}
