package io.tidewatch.twitter;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter for 5xx answers and lost connections: attempt n waits between half
 * and all of {@code first * 2^(n-1)}, capped at {@code max}, so instances that failed together do not
 * retry together.
 */
public final class Backoff {
    /** Waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Duration first;
    private final Duration max;
    private final int maxAttempts;
    private final RandomGenerator random;

    public Backoff(Duration first, Duration max, int maxAttempts, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 4, RandomGenerator.getDefault());
    }

    /** How many times a call is tried in all before its failure is reported. */
    public int maxAttempts() { return maxAttempts; }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delay(int attempt) {
        long ceiling = first.toMillis();
        for (int i = 1; i < attempt && ceiling < max.toMillis(); i++) ceiling *= 2;
        ceiling = Math.min(ceiling, max.toMillis());
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }
}
