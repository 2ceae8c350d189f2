package io.tidewatch.moderation;

import io.tidewatch.core.Action;
import io.tidewatch.core.Platform;
import io.tidewatch.policy.Decision;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.StoreException;
import io.tidewatch.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records decided actions in the action log (the audit log's PENDING rows, leased to this instance)
 * and carries them out through the platform they belong to; alerts go to whichever platform hosts
 * the moderators' chat. Each row follows the platform's answer: done, failed, dropped, or pending
 * again with a later attempt. Rows left pending by a crash are taken over by {@link #resume}.
 */
final class ActionDispatcher {
    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);
    /** A message not delivered by then is stale: nobody needs a warning about a raid that is over. */
    static final Duration MESSAGE_STALE = Duration.ofMinutes(2);
    /** Telegram cannot delete messages older than 48 hours anyway. */
    static final Duration REMOVAL_STALE = Duration.ofHours(48);
    static final int MAX_ATTEMPTS = 50;
    /** Long enough not to hammer a platform that is down, short enough to be back soon after it recovers. */
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(15);

    /** One action as recorded: its row and what the platform needs. */
    record Recorded(long auditId, Action action, Long incident, boolean undoable, Decision.FollowUp followUp, Instant at,
                    int attempts) {
        /** Messages are sent at most once: a crash mid-send must not repeat them. */
        boolean isMessage() {
            return switch (action.type()) {
                case REPLY, DIRECT_MESSAGE, ALERT_MODERATORS -> true;
                default -> false;
            };
        }
    }

    private final Stores stores;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Map<Platform, ActionExecutor> executors = new ConcurrentHashMap<>();
    private final AtomicReference<ActionExecutor> alerts = new AtomicReference<>();

    ActionDispatcher(Stores stores, Clock clock, String owner, Duration lease) {
        this.stores = stores;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
    }

    void register(Platform platform, ActionExecutor executor) { executors.put(platform, executor); }

    void routeAlertsTo(ActionExecutor executor) { alerts.set(executor); }

    boolean hasAlerts() { return alerts.get() != null; }

    String owner() { return owner; }

    Duration lease() { return lease; }

    ActionExecutor executorFor(Action a) {
        return a.type() == Action.Type.ALERT_MODERATORS ? alerts.get() : executors.get(a.platform());
    }

    ActionExecutor executorFor(Platform platform) { return executors.get(platform); }

    /**
     * Writes the decision into the action log (call inside the caller's transaction): suppressed
     * actions as DRY_RUN, the rest as PENDING rows leased to this instance. Actions no platform here
     * can carry out (an alert with no moderators' chat running) are not recorded: the incident holds them.
     */
    List<Recorded> record(Decision decision, Long incident, String actor, Instant now) {
        for (Action a : decision.suppressed()) {
            stores.audit().recordAction(actor, a, incident, false, null, null, AuditLog.Status.DRY_RUN, now, null, null);
        }
        boolean undoable = decision.actions().stream().anyMatch(ActionDispatcher::punishes);
        List<Recorded> out = new ArrayList<>();
        for (Action a : decision.actions()) {
            if (executorFor(a) == null) continue;
            Decision.FollowUp f = decision.followUps().get(a);
            long id = stores.audit().recordAction(actor, a, incident, undoable, f == null ? null : f.ifDone(),
                    f == null ? null : f.ifNot(), AuditLog.Status.PENDING, now, owner, now.plus(lease));
            out.add(new Recorded(id, a, incident, undoable, f, now, 0));
        }
        return out;
    }

    /** Carries a recorded action out; {@code answered} is a call already under way for it (a removal), or null. */
    CompletableFuture<?> carryOut(Recorded r, CompletableFuture<?> answered) {
        CompletableFuture<?> call = answered != null ? answered : start(r);
        return call.handle((ok, err) -> {
            settle(r, err);
            return null;
        });
    }

    private CompletableFuture<?> start(Recorded r) {
        ActionExecutor executor = executorFor(r.action());
        if (executor == null) {
            return CompletableFuture.failedFuture(new ActionFailed(ActionFailed.Kind.RETRY_LATER,
                    r.action().platform().wireName() + " is not running here", Duration.ofMinutes(1), null));
        }
        Runnable beforeSend = r.isMessage() ? () -> markSending(r) : () -> { };
        try {
            return executor.execute(r.action(), new ActionExecutor.Dispatch(r.incident(), r.undoable(), r.auditId(), beforeSend));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void markSending(Recorded r) {
        try {
            stores.audit().markSending(r.auditId(), clock.instant());
        } catch (StoreException e) {
            log.debug("moderation: cannot mark {} as sending: {}", describe(r.action()), e.getMessage());
        }
    }

    /** Turns the platform's answer into the row's state; never throws (a database hiccup leaves the row to resume). */
    private void settle(Recorded r, Throwable err) {
        try {
            if (err == null) {
                stores.audit().setStatus(r.auditId(), AuditLog.Status.DONE);
                recovered();
                follow(r, true);
                return;
            }
            ActionFailed f = ActionFailed.of(err);
            switch (f.kind()) {
                case ALREADY_DONE -> {
                    stores.audit().setStatus(r.auditId(), AuditLog.Status.DONE);
                    follow(r, true);
                }
                case DROPPED -> stores.audit().setStatus(r.auditId(), AuditLog.Status.DROPPED);
                case REFUSED, UNREACHABLE -> {
                    if (f.kind() == ActionFailed.Kind.REFUSED) {
                        log.warn("moderation: {} refused by the platform: {}", describe(r.action()), f.getMessage());
                    }
                    stores.audit().setStatus(r.auditId(), AuditLog.Status.FAILED);
                    follow(r, false);
                }
                case RETRY_LATER -> retryLater(r, f);
            }
        } catch (StoreException e) {
            log.warn("moderation: cannot record the answer to {} ({}); it is retried after its lease", describe(r.action()),
                    e.getMessage());
        }
    }

    private volatile long lastPullForward;

    /**
     * The platform answers again: actions waiting out a back-off may go now rather than at their
     * scheduled time (at most every few seconds; the queue's rate limits pace them).
     */
    private void recovered() {
        long now = System.nanoTime();
        if (now - lastPullForward < Duration.ofSeconds(5).toNanos()) return;
        lastPullForward = now;
        stores.audit().retryDueNow(clock.instant());
    }

    private void retryLater(Recorded r, ActionFailed f) {
        int attempts = r.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            log.warn("moderation: giving up on {} after {} attempts: {}", describe(r.action()), attempts, f.getMessage());
            stores.audit().setStatus(r.auditId(), AuditLog.Status.FAILED);
            follow(r, false);
            return;
        }
        long backOff = Math.min(MAX_BACK_OFF.toMillis(), 1000L << Math.min(attempts, 16));
        long wait = Math.max(f.retryAfter() == null ? 0 : f.retryAfter().toMillis(), backOff);
        wait += ThreadLocalRandom.current().nextLong(wait / 4 + 1); // jitter: instances do not come back in step
        stores.audit().retryAt(r.auditId(), clock.instant().plusMillis(wait));
    }

    /** Once the outcome is known, the follow-up reply that fits it goes to the post's chat. */
    private void follow(Recorded r, boolean done) {
        if (r.followUp() == null) return;
        String text = done ? r.followUp().ifDone() : r.followUp().ifNot();
        if (text == null) return;
        Action reply = Decision.followUp(r.action(), text);
        Instant now = clock.instant();
        long id = stores.audit().recordAction(Moderation.ACTOR, reply, r.incident(), false, null, null, AuditLog.Status.PENDING,
                now, owner, now.plus(lease));
        carryOut(new Recorded(id, reply, r.incident(), false, null, now, 0), null);
    }

    /**
     * Takes over pending rows whose lease ran out (their instance died) or that wait for a later
     * attempt, and carries them out; stale messages are dropped. Returns how many were taken.
     */
    int resume(int limit) {
        Instant now = clock.instant();
        stores.audit().renewLeases(owner, now.plus(lease));
        int n = 0;
        for (AuditLog.Pending p : stores.audit().takeOverDue(owner, now, now.plus(lease), limit)) {
            n++;
            Decision.FollowUp f = p.followDone() == null && p.followFailed() == null ? null
                    : new Decision.FollowUp(p.followDone(), p.followFailed());
            Recorded r = new Recorded(p.id(), p.action(), p.incidentId(), p.undoable(), f, p.at(), p.attempts());
            if (isStale(p.action(), p.at(), now) || (r.isMessage() && p.sendingAt() != null)) {
                // stale, or handed over when its instance died: it may have arrived, and is not sent twice
                stores.audit().setStatus(p.id(), AuditLog.Status.DROPPED);
                continue;
            }
            carryOut(r, null);
        }
        return n;
    }

    static boolean isStale(Action a, Instant decidedAt, Instant now) {
        Duration age = Duration.between(decidedAt, now);
        return switch (a.type()) {
            case REPLY, DIRECT_MESSAGE, ALERT_MODERATORS -> age.compareTo(MESSAGE_STALE) > 0;
            case DELETE_MESSAGE, HIDE_REPLY -> age.compareTo(REMOVAL_STALE) > 0;
            default -> false;
        };
    }

    static boolean punishes(Action a) {
        return switch (a.type()) {
            case BAN, RESTRICT, BAN_SENDER_CHAT, BLOCK, MUTE -> true;
            default -> false;
        };
    }

    private static String describe(Action a) {
        return a.type().name().toLowerCase(java.util.Locale.ROOT) + " in " + a.chat();
    }
}
