package io.tidewatch.moderation;

import io.tidewatch.core.Action;

import java.util.concurrent.CompletableFuture;

/**
 * How one platform carries out a decided {@link Action}: the Telegram adapter calls the Bot API, the
 * Twitter adapter the X API, the sandbox records what it would have done. The returned future
 * completes when the platform answered and fails when it refused; {@link Moderation} audits either.
 */
@FunctionalInterface
public interface ActionExecutor {
    CompletableFuture<?> execute(Action action, Dispatch dispatch);

    /**
     * What an adapter may need besides the action itself.
     *
     * @param incident   the incident the action answers, or null (a moderator's own action)
     * @param undoable   the decision punished someone, so an alert should offer undo
     * @param auditId    the audit row that tracks this action
     * @param beforeSend to run right before each call that carries the action out: it records that the
     *                   action may have reached the platform, so a crash never sends a message twice
     */
    record Dispatch(Long incident, boolean undoable, long auditId, Runnable beforeSend) {
        public Dispatch(Long incident, boolean undoable, long auditId) {
            this(incident, undoable, auditId, () -> { });
        }
    }
}
