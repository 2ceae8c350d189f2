package io.tidewatch.web;

import io.tidewatch.store.AuditLog;

/**
 * Undoes a recorded action for a moderator on the dashboard (unban, unmute, unhide, unblock) through
 * the platform that took it, and records the undo in the audit log. Implemented by moderation.
 */
public interface UndoService {
    /** Whether the dashboard should offer an undo button for this entry. */
    boolean undoable(AuditLog.Entry entry);

    /** Undoes audit entry {@code auditId} on behalf of {@code moderator}; says what was done or why not. */
    UndoResult undo(long auditId, String moderator);
}
