package io.tidewatch.telegram;

import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's published limits as token buckets: about 30 calls a second overall and about 20
 * messages a minute into one group. Not thread-safe: only the queue's sender thread uses it.
 */
public final class RateLimits {
    public record Config(double perSecond, int groupMessagesPerMinute) {
        public static Config telegramDefaults() { return new Config(30, 20); }

        /** No limits: for benchmarks against a local fake server only. */
        public static Config unlimited() { return new Config(1e9, 1_000_000_000); }
    }

    private final Config config;
    private final Bucket global;
    private final Map<String, Bucket> groups = new HashMap<>();
    private final Map<String, Long> blockedUntil = new HashMap<>();

    public RateLimits(Config config, long nowNanos) {
        this.config = config;
        this.global = new Bucket(config.perSecond(), config.perSecond(), nowNanos);
    }

    /**
     * Nanoseconds to wait before this call may go; 0 means it may go now (and its tokens are taken).
     * {@code lane} is what a 429 blocks: a chat's messages, or its deletions, separately.
     */
    long reserve(String chat, String lane, boolean groupMessage, long now) {
        Long blocked = blockedUntil.get(lane);
        if (blocked != null) {
            if (blocked > now) return blocked - now;
            blockedUntil.remove(lane);
        }
        long wait = global.waitFor(now);
        Bucket group = null;
        if (groupMessage) {
            group = groups.computeIfAbsent(chat, c -> new Bucket(config.groupMessagesPerMinute(),
                    config.groupMessagesPerMinute() / 60.0, now));
            wait = Math.max(wait, group.waitFor(now));
        }
        if (wait > 0) return wait;
        global.take();
        if (group != null) group.take();
        return 0;
    }

    /** After a 429 in {@code lane}: nothing goes there until {@code untilNanos}. */
    void block(String lane, long untilNanos) {
        blockedUntil.merge(lane, untilNanos, Math::max);
    }

    /** How many messages a group can take in the next minute: what its bucket holds now plus a minute's refill. */
    int budgetNextMinute(String chat, long now) {
        Bucket group = groups.get(chat);
        double held = group == null ? config.groupMessagesPerMinute() : group.available(now);
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(held) + config.groupMessagesPerMinute());
    }

    private static final class Bucket {
        private final double capacity, perNano;
        private double tokens;
        private long last;

        Bucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
            this.last = now;
        }

        long waitFor(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        }

        void take() { tokens -= 1; }

        double available(long now) { return Math.min(capacity, tokens + (now - last) * perNano); }
    }
}
