package io.tidewatch.telegram;

import io.tidewatch.store.StoreException;
import io.tidewatch.store.UpdateLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where updates enter, from long polling or the webhook. A batch is first inspected in parallel
 * (detection is pure); then each chat's updates are handled in order, chats in parallel, while
 * private chats and buttons run on a lane of their own that a group never waits for beyond a short
 * budget. Each update is claimed in the database together with what was decided about it, so only
 * one instance acts on it. {@link #consume} says whether the whole batch is settled: only then does
 * the stored offset move past it, so nothing confirmed to Telegram was left unrecorded; when the
 * database is away the batch is served again later (removals already went out and are not repeated).
 */
public final class UpdateConsumer implements UpdateSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UpdateConsumer.class);
    /** How long a batch waits for its private chats; a slower one finishes on its own. */
    static final Duration PRIVATE_BUDGET = Duration.ofSeconds(2);
    /** A message whose inspection takes longer than this is logged (by id, never content). */
    static final Duration SLOW = Duration.ofSeconds(1);

    private final UpdateLedger ledger;
    private final String source;
    private final TelegramBot bot;
    private final Clock clock;
    private final ExecutorService detection;
    private final ExecutorService chats;
    private final ExecutorService privates;
    private volatile long offset;
    private volatile boolean closed;

    public UpdateConsumer(UpdateLedger ledger, String source, TelegramBot bot, int threads, Clock clock) {
        this.ledger = ledger;
        this.source = source;
        this.bot = bot;
        this.clock = clock;
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.detection = Executors.newFixedThreadPool(cores, daemons("telegram-detect"));
        this.chats = Executors.newFixedThreadPool(threads, daemons("telegram-chats"));
        this.privates = Executors.newFixedThreadPool(Math.max(2, threads / 2), daemons("telegram-private"));
        this.offset = ledger.lastOffset(source).orElse(0);
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The last update id handled and stored; polling asks for the ones after it. */
    public long storedOffset() { return offset; }

    public String source() { return source; }

    /**
     * Handles a batch; true when every update in it is settled (handled and recorded, or another
     * instance's) and the stored offset moved past it. Never throws.
     */
    @Override
    public boolean consume(List<Update> updates) {
        if (updates == null || updates.isEmpty()) return true;
        if (closed) return false;
        try {
            long started = System.nanoTime();
            List<CompletableFuture<Boolean>> privateWork = new ArrayList<>();
            Map<String, List<TelegramBot.Prepared>> byChat = new LinkedHashMap<>();
            for (Update u : updates) {
                TelegramBot.Prepared p = bot.prepare(u, detection);
                if (p.isPrivate()) privateWork.add(CompletableFuture.supplyAsync(() -> handleAll(List.of(p)), privates));
                else byChat.computeIfAbsent(chatKey(u), k -> new ArrayList<>()).add(p);
            }
            List<CompletableFuture<Boolean>> lanes = new ArrayList<>();
            for (List<TelegramBot.Prepared> lane : byChat.values()) {
                lanes.add(lane.size() == 1 && byChat.size() == 1 ? CompletableFuture.completedFuture(handleAll(lane))
                        : CompletableFuture.supplyAsync(() -> handleAll(lane), chats));
            }
            boolean settled = true;
            for (var lane : lanes) settled &= lane.join();
            long left = PRIVATE_BUDGET.toNanos() - (System.nanoTime() - started);
            for (var p : privateWork) {
                try {
                    settled &= p.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                } catch (TimeoutException slow) {
                    // claimed and under way; it answers when done. A crash before then loses that one answer.
                    log.warn("telegram: a private chat takes longer than {} ms; the batch goes on without it", PRIVATE_BUDGET.toMillis());
                }
                left = PRIVATE_BUDGET.toNanos() - (System.nanoTime() - started);
            }
            if (!settled || closed) return false;
            long max = updates.stream().mapToLong(Update::getUpdateId).max().orElse(offset);
            if (max > offset) {
                ledger.advance(source, max, clock.instant());
                offset = max;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (StoreException e) {
            log.warn("telegram: cannot store the offset ({}); the batch is served again", e.getMessage());
            return false;
        } catch (Throwable t) {
            log.error("telegram: a batch of {} updates failed: {}", updates.size(), t.toString());
            return false;
        }
    }

    /**
     * One chat's updates in order. When the database does not take an update, the rest of the chat is
     * still judged and its leaks removed (what needs no database goes on), but nothing more is recorded:
     * the batch is served again once the database is back. An update that fails for another reason is
     * logged and skipped, so one bad update cannot stall its chat forever.
     */
    private boolean handleAll(List<TelegramBot.Prepared> lane) {
        boolean recorded = true;
        for (TelegramBot.Prepared p : lane) {
            if (closed) return false;
            long id = p.update().getUpdateId();
            long t0 = System.nanoTime();
            try {
                if (recorded) bot.handle(p, new io.tidewatch.moderation.UpdateClaim(ledger, source, id, bot.moderation()));
                else bot.removeOnly(p);
            } catch (StoreException e) {
                log.warn("telegram: update {} not recorded ({}); removals go on, recording waits for the database", id, e.getMessage());
                recorded = false;
            } catch (io.tidewatch.moderation.UpdateClaim.Busy e) {
                log.debug("telegram: {}", e.getMessage());
                return false; // another instance is deciding this chat right now: come back with the batch
            } catch (RuntimeException e) {
                log.error("telegram: update {} failed and is skipped: {}", id, e.toString());
            }
            long took = System.nanoTime() - t0;
            if (took > SLOW.toNanos()) log.warn("telegram: update {} took {} ms", id, took / 1_000_000);
        }
        return recorded;
    }

    private static String chatKey(Update u) {
        if (u.getMessage() != null) return "c" + u.getMessage().getChatId();
        if (u.getEditedMessage() != null) return "c" + u.getEditedMessage().getChatId();
        if (u.getChannelPost() != null) return "c" + u.getChannelPost().getChatId();
        if (u.getEditedChannelPost() != null) return "c" + u.getEditedChannelPost().getChatId();
        if (u.getMyChatMember() != null && u.getMyChatMember().getChat() != null) return "c" + u.getMyChatMember().getChat().getId();
        if (u.getChatMember() != null && u.getChatMember().getChat() != null) return "c" + u.getChatMember().getChat().getId();
        return "other";
    }

    @Override
    public void close() {
        closed = true;
        for (ExecutorService e : List.of(chats, privates, detection)) e.shutdown();
        try {
            for (ExecutorService e : List.of(chats, privates, detection)) e.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
