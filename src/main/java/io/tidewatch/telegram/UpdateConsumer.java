package io.tidewatch.telegram;

import io.tidewatch.store.UpdateLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where updates enter, from long polling or the webhook. Each update is first claimed in the
 * database (a unique insert: only one instance ever acts on it), then handled on this consumer's own
 * executor — chats in parallel, each chat's updates in order. {@link #consume} returns when the
 * batch is done and the stored offset moved past it, so a restart neither loses nor repeats one.
 * It never throws: the library's polling task would stop on an exception.
 */
public final class UpdateConsumer implements LongPollingUpdateConsumer, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UpdateConsumer.class);

    private final UpdateLedger ledger;
    private final String source;
    private final Consumer<Update> handler;
    private final Clock clock;
    private final ExecutorService executor;
    private volatile long offset;
    private volatile boolean closed;

    public UpdateConsumer(UpdateLedger ledger, String source, Consumer<Update> handler, int threads, Clock clock) {
        this.ledger = ledger;
        this.source = source;
        this.handler = handler;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "telegram-updates-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.offset = ledger.lastOffset(source).orElse(0);
    }

    /** The last update id handled and stored; polling asks for the ones after it. */
    public long storedOffset() { return offset; }

    public String source() { return source; }

    @Override
    public void consume(List<Update> updates) {
        if (updates == null || updates.isEmpty() || closed) return;
        try {
            Map<String, List<Update>> byChat = new LinkedHashMap<>();
            for (Update u : updates) byChat.computeIfAbsent(chatKey(u), k -> new ArrayList<>()).add(u);
            List<Callable<Void>> tasks = new ArrayList<>();
            for (List<Update> chatUpdates : byChat.values()) {
                tasks.add(() -> {
                    for (Update u : chatUpdates) handleOnce(u);
                    return null;
                });
            }
            if (tasks.size() == 1) tasks.get(0).call();
            else for (var f : executor.invokeAll(tasks)) f.get();
            long max = updates.stream().mapToLong(Update::getUpdateId).max().orElse(offset);
            // after close some may have been skipped: they come again after a restart (claims stop repeats)
            if (max > offset && !closed) {
                ledger.advance(source, max, clock.instant());
                offset = max;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("telegram: a batch of {} updates failed: {}", updates.size(), t.toString());
        }
    }

    private void handleOnce(Update u) {
        try {
            if (closed || !ledger.claim(source, u.getUpdateId(), clock.instant())) return;
            handler.accept(u);
        } catch (RuntimeException e) {
            log.error("telegram: update {} failed: {}", u.getUpdateId(), e.toString());
        }
    }

    private static String chatKey(Update u) {
        if (u.getMessage() != null) return "c" + u.getMessage().getChatId();
        if (u.getEditedMessage() != null) return "c" + u.getEditedMessage().getChatId();
        if (u.getChannelPost() != null) return "c" + u.getChannelPost().getChatId();
        if (u.getEditedChannelPost() != null) return "c" + u.getEditedChannelPost().getChatId();
        if (u.getCallbackQuery() != null) return "u" + u.getCallbackQuery().getFrom().getId();
        return "other";
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
