package io.tidewatch.moderation;

import io.tidewatch.core.Action;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Removals (deletions, hidden replies) started or done lately, by message. A removal goes out before
 * anything is written; when the same post comes again (the database was away and the update is
 * served again, or two instances judge it) the removal is not sent twice, and the action row that
 * records it later follows the first call's answer.
 */
final class RecentRemovals {
    private static final int CAPACITY = 20_000;

    private final Map<String, CompletableFuture<?>> byMessage = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<?>> eldest) {
            return size() > CAPACITY;
        }
    };

    static boolean isRemoval(Action a) {
        return a.type() == Action.Type.DELETE_MESSAGE || a.type() == Action.Type.HIDE_REPLY;
    }

    /** The removal's answer: the one already under way (unless it failed), else a new one from {@code start}. */
    synchronized CompletableFuture<?> start(Action a, Supplier<CompletableFuture<?>> start) {
        String key = key(a);
        CompletableFuture<?> known = byMessage.get(key);
        if (known != null && (!known.isCompletedExceptionally() || alreadyDone(known))) return known;
        CompletableFuture<?> started = start.get();
        byMessage.put(key, started);
        return started;
    }

    synchronized CompletableFuture<?> find(Action a) { return byMessage.get(key(a)); }

    private static boolean alreadyDone(CompletableFuture<?> failed) {
        try {
            failed.join();
            return true;
        } catch (RuntimeException e) {
            return ActionFailed.of(e).kind() == ActionFailed.Kind.ALREADY_DONE;
        }
    }

    private static String key(Action a) {
        return a.type() + "|" + a.platform().wireName() + "|" + a.chat() + "|" + a.messageId();
    }
}
