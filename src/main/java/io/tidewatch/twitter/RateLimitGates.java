package io.tidewatch.twitter;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each endpoint may be called again. X limits every endpoint separately per 15-minute window and
 * says when the window resets ({@code x-rate-limit-reset}, epoch seconds); after a 429, or an answer
 * saying no calls remain, the endpoint is closed until then and no call is made to it before.
 */
final class RateLimitGates {
    private final Map<String, Instant> closedUntil = new ConcurrentHashMap<>();

    /** The reset time if {@code endpoint} is closed at {@code now}. */
    Optional<Instant> closedAt(String endpoint, Instant now) {
        Instant until = closedUntil.get(endpoint);
        return until != null && now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    void closeUntil(String endpoint, Instant until) {
        closedUntil.merge(endpoint, until, (a, b) -> a.isAfter(b) ? a : b);
    }
}
