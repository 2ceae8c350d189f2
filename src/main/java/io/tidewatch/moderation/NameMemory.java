package io.tidewatch.moderation;

import io.tidewatch.core.Author;
import io.tidewatch.core.Platform;
import io.tidewatch.store.SeenNames;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which names each account has used: a name not seen before on an account is judged as if it had
 * just joined. Remembered in the store (across restarts and instances) and in a bounded cache, so
 * the common case, a known name, costs no database round trip.
 */
final class NameMemory {
    private static final int MAX_CACHED = 200_000;

    private final SeenNames names;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    NameMemory(SeenNames names) { this.names = names; }

    /** Records the author's current name; true when this account had not used it before. */
    boolean firstSighting(Platform platform, Author a, Instant now) {
        if (a.id().isEmpty()) return false;
        String key = (a.name() == null ? "" : a.name()) + "|" + (a.username() == null ? "" : a.username());
        String cacheKey = platform.wireName() + "|" + a.id() + "|" + key;
        if (known.contains(cacheKey)) return false;
        boolean first = names.firstSighting(platform, a.id(), key, now);
        if (known.size() > MAX_CACHED) known.clear();
        known.add(cacheKey);
        return first;
    }
}
