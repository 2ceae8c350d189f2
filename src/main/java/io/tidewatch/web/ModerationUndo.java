package io.tidewatch.web;

import io.tidewatch.core.Platform;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.store.AuditLog;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Undo from the dashboard through {@link Moderation#undo}: the inverse action (unban, unmute, unhide,
 * unblock) goes to the platform that took the action, and the audit log records it once.
 */
public final class ModerationUndo implements UndoService {
    /** The actions {@link Moderation#undo} has an inverse for. */
    private static final Set<String> REVERSIBLE = Set.of("BAN", "RESTRICT", "BAN_SENDER_CHAT", "HIDE_REPLY", "BLOCK", "MUTE");

    private final Moderation moderation;
    private final Map<Platform, ActionExecutor> executors;

    /** @param executors how each running platform carries out actions (the sandbox: {@link ModerationSandbox#executor()}) */
    public ModerationUndo(Moderation moderation, Map<Platform, ActionExecutor> executors) {
        this.moderation = moderation;
        this.executors = Map.copyOf(executors);
    }

    @Override
    public boolean undoable(AuditLog.Entry e) {
        return REVERSIBLE.contains(e.action()) && !e.undone() && e.status() == AuditLog.Status.DONE
                && executors.containsKey(e.platform());
    }

    @Override
    public UndoResult undo(long auditId, String moderator) {
        var found = moderation.stores().audit().find(auditId);
        if (found.isEmpty()) return new UndoResult(UndoResult.Outcome.NOT_FOUND, null);
        AuditLog.Entry e = found.get();
        String what = e.action().toLowerCase(Locale.ROOT) + " of " + e.target() + " in " + e.platform().wireName() + " " + e.chat();
        if (e.undone()) return new UndoResult(UndoResult.Outcome.ALREADY_UNDONE, what);
        ActionExecutor executor = executors.get(e.platform());
        if (executor == null || !REVERSIBLE.contains(e.action()) || e.status() != AuditLog.Status.DONE) {
            return new UndoResult(UndoResult.Outcome.NOT_UNDOABLE, what);
        }
        if (!moderation.undo(e, moderator, executor, moderation.clock().instant())) {
            return new UndoResult(UndoResult.Outcome.ALREADY_UNDONE, what); // another moderator was quicker
        }
        return new UndoResult(UndoResult.Outcome.UNDONE, what);
    }
}
