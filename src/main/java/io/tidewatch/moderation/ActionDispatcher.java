package io.tidewatch.moderation;

import io.tidewatch.core.Action;
import io.tidewatch.policy.Decision;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Stores;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries out decisions: every action is audited (pending, then done or failed as the platform
 * answers) and handed to the post's platform; alerts go to whichever platform hosts the moderators'
 * chat. Suppressed actions (dry run) are audited as such and not carried out.
 */
final class ActionDispatcher {
    private final Stores stores;
    private final AtomicReference<ActionExecutor> alerts = new AtomicReference<>();

    ActionDispatcher(Stores stores) { this.stores = stores; }

    void routeAlertsTo(ActionExecutor executor) { alerts.set(executor); }

    boolean hasAlerts() { return alerts.get() != null; }

    /**
     * @param started actions already handed to the platform before anything was written (deletions),
     *                with their answers
     */
    void carryOut(Decision decision, Long incident, String actor, ActionExecutor executor, Instant now,
                  Map<Action, CompletableFuture<?>> started) {
        for (Action a : decision.suppressed()) {
            stores.audit().record(actor, a.type().name(), a.platform(), a.chat(), a.userId(), a.messageId(), a.rule(),
                    a.reason(), incident, AuditLog.Status.DRY_RUN, now);
        }
        boolean undoable = decision.actions().stream().anyMatch(ActionDispatcher::punishes);
        for (Action a : decision.actions()) {
            CompletableFuture<?> answered = started.get(a);
            if (answered != null) {
                track(audit(a, actor, incident, now), answered);
                continue;
            }
            execute(a, actor, incident, undoable, executor, now);
        }
    }

    /** Audits one action, then hands it to its platform; the future completes when the platform answered. */
    CompletableFuture<?> execute(Action a, String actor, Long incident, boolean undoable, ActionExecutor executor, Instant now) {
        ActionExecutor target = a.type() == Action.Type.ALERT_MODERATORS ? alerts.get() : executor;
        if (target == null) return CompletableFuture.completedFuture(null); // no moderators' chat: the incident log holds it
        long auditId = audit(a, actor, incident, now);
        CompletableFuture<?> answered;
        try {
            answered = target.execute(a, new ActionExecutor.Dispatch(incident, undoable, auditId));
        } catch (RuntimeException e) {
            answered = CompletableFuture.failedFuture(e);
        }
        return track(auditId, answered);
    }

    private long audit(Action a, String actor, Long incident, Instant now) {
        return stores.audit().record(actor, a.type().name(), a.platform(), a.chat(), a.userId(), a.messageId(),
                a.rule(), a.reason(), incident, AuditLog.Status.PENDING, now);
    }

    private CompletableFuture<?> track(long auditId, CompletableFuture<?> answered) {
        return answered.whenComplete((ok, err) ->
                stores.audit().setStatus(auditId, err == null ? AuditLog.Status.DONE : AuditLog.Status.FAILED));
    }

    static boolean punishes(Action a) {
        return switch (a.type()) {
            case BAN, RESTRICT, BAN_SENDER_CHAT, BLOCK, MUTE -> true;
            default -> false;
        };
    }
}
