package io.tidewatch.web;

import io.tidewatch.store.AuditLog;

import java.time.Clock;
import java.util.Set;

/**
 * A test {@link UndoService} (the production one is moderation's, through the platform): marks the
 * entry undone once and records the undo in the audit log, as the real one must.
 */
final class AuditUndo implements UndoService {
    private static final Set<String> UNDOABLE = Set.of("BAN", "RESTRICT", "BAN_SENDER_CHAT");

    private final AuditLog audit;
    private final Clock clock;

    AuditUndo(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean undoable(AuditLog.Entry e) {
        return UNDOABLE.contains(e.action()) && e.status() == AuditLog.Status.DONE;
    }

    @Override
    public UndoResult undo(long auditId, String moderator) {
        var entry = audit.find(auditId);
        if (entry.isEmpty()) return new UndoResult(UndoResult.Outcome.NOT_FOUND, null);
        AuditLog.Entry e = entry.get();
        String what = e.action().toLowerCase(java.util.Locale.ROOT) + " of " + e.target() + " in " + e.chat();
        if (!undoable(e)) return new UndoResult(UndoResult.Outcome.NOT_UNDOABLE, what);
        if (!audit.markUndone(auditId)) return new UndoResult(UndoResult.Outcome.ALREADY_UNDONE, what);
        audit.record(moderator, "UNBAN", e.platform(), e.chat(), e.target(), null, "undo", "undo of audit #" + auditId,
                e.incidentId(), AuditLog.Status.DONE, clock.instant());
        return new UndoResult(UndoResult.Outcome.UNDONE, what);
    }
}
