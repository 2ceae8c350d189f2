package io.tidewatch.twitter;

import io.tidewatch.core.Platform;

import io.tidewatch.moderation.UpdateClaim;

import io.tidewatch.core.Post;
import io.tidewatch.store.StoreException;
import io.tidewatch.store.UpdateLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the official account's mentions ({@code since_id}) and DM events every few seconds and hands
 * each, oldest first, to the {@link TwitterBot}. The last id settled is kept in the database
 * ({@code polling_offset}), so a restart neither misses nor repeats one; an id is passed only once
 * everything up to it is recorded (or another instance's). The first start on a database answers only
 * what is newer than the configured look-back. An endpoint X closed (429, or no calls left in the
 * window) is not called before its reset; the other one goes on.
 */
public final class TwitterPolling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TwitterPolling.class);
    /** Pages of 100 read per round: a backlog beyond this (after a long outage) is skipped, with a warning. */
    static final int MAX_PAGES = 10;

    /** What one round did, for logs and tests. */
    public record Round(int mentions, int dms, boolean mentionsRead, boolean dmsRead) {}

    private final XApi api;
    private final TwitterBot bot;
    private final PostTranslator translator;
    private final UpdateLedger ledger;
    private final io.tidewatch.moderation.Moderation moderation;
    private final XUser me;
    private final Clock clock;
    private final Duration firstStartLookback;
    private final String mentionsSource;
    private final String dmSource;
    private ScheduledExecutorService timer;
    private volatile String lastProblem;
    private volatile io.tidewatch.metrics.Heartbeats heartbeats;

    TwitterPolling(XApi api, TwitterBot bot, PostTranslator translator, io.tidewatch.moderation.Moderation moderation, XUser me,
                   Duration firstStartLookback) {
        this.api = api;
        this.bot = bot;
        this.translator = translator;
        this.moderation = moderation;
        this.ledger = moderation.stores().updates();
        this.me = me;
        this.clock = moderation.clock();
        this.firstStartLookback = firstStartLookback;
        this.mentionsSource = "twitter-mentions:" + me.id();
        this.dmSource = "twitter-dm:" + me.id();
    }

    /** Told after every round that read the mentions, so /healthz sees polling stall. */
    void watchedBy(io.tidewatch.metrics.Heartbeats heartbeats, Duration every) {
        this.heartbeats = heartbeats;
        heartbeats.expect(Platform.TWITTER, every);
    }

    io.tidewatch.metrics.Heartbeats heartbeats() { return heartbeats; }

    /** Reads and handles what is new, once. Never throws. */
    public synchronized Round pollOnce() {
        int mentions = -1;
        int dms = -1;
        try {
            mentions = mentions();
        } catch (XApiException e) {
            problem(e);
        } catch (RuntimeException e) {
            log.error("twitter: reading mentions failed: {}", e.toString());
        }
        try {
            dms = directMessages();
        } catch (XApiException e) {
            problem(e);
        } catch (RuntimeException e) {
            log.error("twitter: reading DM events failed: {}", e.toString());
        }
        if (mentions >= 0 && heartbeats != null) heartbeats.beat(Platform.TWITTER);
        return new Round(Math.max(0, mentions), Math.max(0, dms), mentions >= 0, dms >= 0);
    }

    private int mentions() throws XApiException {
        OptionalLong since = ledger.lastOffset(mentionsSource);
        XPage<XTweet> page = api.mentionsSince(since.isPresent() ? String.valueOf(since.getAsLong()) : null,
                since.isPresent() ? MAX_PAGES : 1);
        if (page.nextToken() != null && since.isPresent()) {
            log.warn("twitter: more than {} mentions since the last round (an outage?); older ones are skipped", MAX_PAGES * 100);
        }
        Instant notBefore = since.isPresent() ? null : clock.instant().minus(firstStartLookback);
        List<XTweet> tweets = page.items().stream().sorted(Comparator.comparing((XTweet t) -> Long.parseLong(t.id()))).toList();
        int handled = 0;
        for (XTweet t : tweets) {
            long id = Long.parseLong(t.id());
            boolean fresh = notBefore == null || (t.createdAt() != null && !t.createdAt().isBefore(notBefore));
            if (fresh && !me.id().equals(t.authorId())) {
                Post post = translator.fromTweet(t, page.users());
                if (!settle(id, () -> bot.handleTweet(post, new UpdateClaim(ledger, TwitterBot.TWEETS, id, moderation)))) break;
                handled++;
            }
            ledger.advance(mentionsSource, id, clock.instant());
        }
        return handled;
    }

    private int directMessages() throws XApiException {
        OptionalLong after = ledger.lastOffset(dmSource);
        XPage<XDmEvent> page = api.dmEventsSince(after.isPresent() ? String.valueOf(after.getAsLong()) : null, after.isPresent() ? 3 : 1);
        Instant notBefore = after.isPresent() ? null : clock.instant().minus(firstStartLookback);
        int handled = 0;
        for (XDmEvent e : page.items().stream().sorted(Comparator.comparing((XDmEvent x) -> Long.parseLong(x.id()))).toList()) {
            long id = Long.parseLong(e.id());
            boolean fresh = notBefore == null || (e.createdAt() != null && !e.createdAt().isBefore(notBefore));
            Optional<Post> post = fresh ? translator.fromDm(e, page.users(), me.id()) : Optional.empty(); // never our own
            if (post.isPresent()) {
                if (!settle(id, () -> bot.handleDm(post.get(), new UpdateClaim(ledger, TwitterBot.DM_EVENTS, id, moderation)))) break;
                handled++;
            }
            ledger.advance(dmSource, id, clock.instant());
        }
        if (page.items().isEmpty() && after.isEmpty()) ledger.advance(dmSource, 0, clock.instant()); // started: nothing before counts
        return handled;
    }

    /**
     * Runs one handler; false when the post must be read again (database away, or another instance
     * still deciding it). A post that fails for another reason is logged (by id, never its text) and
     * passed, so one bad post cannot stop the account's mentions.
     */
    private static boolean settle(long id, java.util.function.BooleanSupplier handle) {
        try {
            return handle.getAsBoolean();
        } catch (UpdateClaim.Busy e) {
            log.debug("twitter: {}", e.getMessage());
            return false;
        } catch (StoreException e) {
            log.warn("twitter: {} not recorded ({}); read again next round", id, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.error("twitter: {} failed and is skipped: {}", id, e.toString());
            return true;
        }
    }

    private void problem(XApiException e) {
        String what = e.kind() + " " + e.endpoint();
        if (e.kind() == XApiException.Kind.RATE_LIMITED) {
            log.info("twitter: {}", e.getMessage());
        } else if (!what.equals(lastProblem)) {
            log.error("twitter: {}", e.getMessage()); // 401/403 say what to fix; logged once until something else happens
        }
        lastProblem = what;
    }

    /** Polls every {@code every} in the background until {@link #close()}. */
    public synchronized void start(Duration every) {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "twitter-polling");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t == null) return;
        t.shutdown();
        try {
            t.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
