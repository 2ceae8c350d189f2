package io.tidewatch.web;

import io.tidewatch.moderation.Moderation;
import io.tidewatch.store.AuditLog;

import java.util.Locale;
import java.util.Set;

/**
 * Undo from the dashboard through {@link Moderation#undo}: the inverse action (unban, unmute, unhide,
 * unblock) goes to the platform that took the action (its registered executor), and the audit log
 * records it once.
 */
public final class ModerationUndo implements UndoService {
    /** The actions {@link Moderation#undo} has an inverse for. */
    private static final Set<String> REVERSIBLE = Set.of("BAN", "RESTRICT", "BAN_SENDER_CHAT", "HIDE_REPLY", "BLOCK", "MUTE");

    private final Moderation moderation;

    public ModerationUndo(Moderation moderation) { this.moderation = moderation; }

    @Override
    public boolean undoable(AuditLog.Entry e) {
        return REVERSIBLE.contains(e.action()) && !e.undone() && e.status() == AuditLog.Status.DONE;
    }

    @Override
    public UndoResult undo(long auditId, String moderator) {
        var found = moderation.stores().audit().find(auditId);
        if (found.isEmpty()) return new UndoResult(UndoResult.Outcome.NOT_FOUND, null);
        AuditLog.Entry e = found.get();
        String what = e.action().toLowerCase(Locale.ROOT) + " of " + e.target() + " in " + e.platform().wireName() + " " + e.chat();
        if (e.undone()) return new UndoResult(UndoResult.Outcome.ALREADY_UNDONE, what);
        if (!undoable(e)) return new UndoResult(UndoResult.Outcome.NOT_UNDOABLE, what);
        if (!moderation.undo(e, moderator)) {
            return new UndoResult(UndoResult.Outcome.ALREADY_UNDONE, what); // another moderator was quicker
        }
        return new UndoResult(UndoResult.Outcome.UNDONE, what);
    }
}
