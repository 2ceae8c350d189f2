package io.tidewatch.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers when each user last got a full answer, so asking again within the window gets the short
 * form. Keyed by platform + user id, held in memory only: it resets when the process restarts, which
 * at worst sends one user the full text twice.
 */
final class ReplyThrottle {
    private static final int PRUNE_ABOVE = 10_000;
    /** Memory bound: past this many users inside one window, forget everyone (they get a full answer again). */
    private static final int FORGET_ABOVE = 200_000;
    private final Duration window;
    private final ConcurrentMap<String, Instant> lastFull = new ConcurrentHashMap<>();
    private volatile Instant nextPrune = Instant.MIN;

    ReplyThrottle(Duration window) {
        this.window = window;
    }

    /**
     * True when {@code key} had a full answer less than the window ago (answer briefly); otherwise
     * records {@code now} as its latest full answer and returns false. Blank keys are never throttled.
     */
    boolean shouldBeBrief(String key, Instant now) {
        if (key == null || key.isBlank() || window.isZero()) return false;
        boolean[] brief = {false};
        lastFull.compute(key, (k, last) -> {
            if (last != null && now.isBefore(last.plus(window)) && !now.isBefore(last)) {
                brief[0] = true;
                return last;
            }
            return now;
        });
        if (lastFull.size() > PRUNE_ABOVE && !now.isBefore(nextPrune)) prune(now);
        return brief[0];
    }

    /** At most once per window, so a crowd of new users never makes every answer scan the map. */
    private synchronized void prune(Instant now) {
        if (now.isBefore(nextPrune)) return;
        nextPrune = now.plus(window);
        lastFull.entrySet().removeIf(e -> !now.isBefore(e.getValue().plus(window)));
        if (lastFull.size() > FORGET_ABOVE) lastFull.clear();
    }

    int size() { return lastFull.size(); }
}
