package io.tidewatch.moderation;

import io.tidewatch.store.StoreException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers that the database just failed, so the next calls do not each wait for a connection that
 * will not come: for a short, growing while (up to 10 s) what can do without the database goes on at
 * once (removals are still decided and sent), and what cannot fails fast. Then one call tries again.
 */
final class DatabaseGate {
    private static final long MAX_CLOSED_NANOS = 10_000_000_000L;
    private volatile long closedUntil;
    private int failures;

    boolean open() { return System.nanoTime() >= closedUntil; }

    /** Runs {@code work} unless the gate is closed; empty when it was closed or the database failed. */
    <T> Optional<T> attempt(Supplier<T> work) {
        if (!open()) return Optional.empty();
        try {
            T result = work.get();
            answered();
            return Optional.ofNullable(result);
        } catch (StoreException e) {
            failed();
            return Optional.empty();
        }
    }

    synchronized void answered() { failures = 0; }

    synchronized void failed() {
        failures = Math.min(failures + 1, 10);
        closedUntil = System.nanoTime() + Math.min(MAX_CLOSED_NANOS, 250_000_000L << Math.min(failures, 6));
    }
}
