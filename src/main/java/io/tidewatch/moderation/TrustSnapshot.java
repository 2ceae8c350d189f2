package io.tidewatch.moderation;

import io.tidewatch.core.Platform;
import io.tidewatch.store.ChatSettingsStore;
import io.tidewatch.store.StoreException;
import io.tidewatch.store.Stores;
import io.tidewatch.store.TrustList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What moderators changed at run time (trusted and allowed accounts, per-chat overrides), held in
 * memory: every post needs it, so it must cost no database round trip, and moderation must go on
 * deciding while the database is away. Reloaded after every local change and periodically (to see
 * another instance's changes); a failed reload keeps the last good copy.
 */
final class TrustSnapshot {
    private static final Logger log = LoggerFactory.getLogger(TrustSnapshot.class);

    private final Stores stores;
    private volatile Set<String> accounts = Set.of();
    private volatile Map<String, ChatSettingsStore.Override> overrides = Map.of();
    private volatile long loadedAt = Long.MIN_VALUE;
    /** How often another instance's changes are picked up; local changes reload at once. */
    private static final long RELOAD_EVERY_NANOS = 30_000_000_000L;

    TrustSnapshot(Stores stores) { this.stores = stores; }

    /** Reads both lists; false (keeping the old ones) when the database did not answer. */
    boolean refresh() {
        try {
            Set<String> fresh = new HashSet<>();
            for (TrustList.Entry e : stores.trust().all()) fresh.add(key(e.platform(), e.account(), e.kind()));
            Map<String, ChatSettingsStore.Override> chats = stores.chatSettings().all();
            accounts = Set.copyOf(fresh);
            overrides = Map.copyOf(chats);
            loadedAt = System.nanoTime();
            return true;
        } catch (StoreException e) {
            log.warn("moderation: cannot reload trust lists and chat overrides ({}); using the last copy", e.getMessage());
            return false;
        }
    }

    /** Reloads when the last load is older than the reload period (the resume loop calls this often). */
    void refreshIfOld() {
        if (loadedAt == Long.MIN_VALUE || System.nanoTime() - loadedAt >= RELOAD_EVERY_NANOS) refresh();
    }

    boolean has(Platform platform, String account, TrustList.Kind kind) {
        return account != null && !account.isEmpty() && accounts.contains(key(platform, TrustList.normalize(account), kind));
    }

    ChatSettingsStore.Override override(Platform platform, String chat) {
        return overrides.get(platform.wireName() + ":" + chat);
    }

    private static String key(Platform p, String account, TrustList.Kind kind) {
        return p.wireName() + "|" + kind + "|" + account;
    }
}
