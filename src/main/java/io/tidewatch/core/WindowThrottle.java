package io.tidewatch.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers when each key (a user, usually) was last let through, so a repeat within the window can
 * be answered briefly or not at all (support answers, refused commands). Held in memory only: it
 * resets when the process restarts, which at worst lets one repeat through.
 */
public final class WindowThrottle {
    private static final int PRUNE_ABOVE = 10_000;
    /** Memory bound: past this many users inside one window, forget everyone (they get a full answer again). */
    private static final int FORGET_ABOVE = 200_000;
    private final Duration window;
    private final ConcurrentMap<String, Instant> lastFull = new ConcurrentHashMap<>();
    private volatile Instant nextPrune = Instant.MIN;

    public WindowThrottle(Duration window) {
        this.window = window;
    }

    /**
     * True when {@code key} was let through less than the window ago (throttle it); otherwise records
     * {@code now} as its latest pass and returns false. Blank keys are never throttled.
     */
    public boolean throttled(String key, Instant now) {
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

    public int size() { return lastFull.size(); }
}
