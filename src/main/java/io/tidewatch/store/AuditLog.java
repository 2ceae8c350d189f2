package io.tidewatch.store;

import io.tidewatch.core.Action;
import io.tidewatch.core.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every action taken or refused: who, what, why, which rule, where, on whom, and whether it was
 * undone. It is also the action log: a decided action is a PENDING row holding everything needed to
 * carry it out (see {@link #recordAction}), so an action still pending when the process dies is
 * carried out after a restart ({@link #takeOverDue}).
 */
public final class AuditLog {
    /** DROPPED: not carried out on purpose (stale, or folded into a summary). */
    public enum Status { PENDING, DONE, FAILED, DRY_RUN, REFUSED, DROPPED }

    /** A pending action as the log holds it. */
    public record Pending(long id, String actor, Action action, Long incidentId, boolean undoable, Instant at, int attempts,
                          String followDone, String followFailed, Instant sendingAt) {}

    public record Entry(long id, Instant at, String actor, String action, Platform platform, String chat,
                        String target, String messageId, String rule, String reason, Long incidentId,
                        Status status, boolean undone) {}

    private final Jdbc jdbc;

    public AuditLog(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    public long record(String actor, String action, Platform platform, String chat, String target, String messageId,
                       String rule, String reason, Long incidentId, Status status, Instant at) {
        return jdbc.insertReturningId("INSERT INTO audit_log (at, actor, action, platform, chat, target, message_id,"
                        + " rule_id, reason, incident_id, status, undone) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                at, actor, action, platform.wireName(), chat, target, messageId, IncidentLog.cut(rule, 120),
                IncidentLog.cut(reason, 500), incidentId, status.name(), false);
    }

    public void setStatus(long id, Status status) {
        jdbc.update("UPDATE audit_log SET status = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?", status.name(), id);
    }

    /**
     * Records a decided action with what it takes to carry it out again. A PENDING row is leased to
     * {@code owner} until {@code leaseUntil}; other statuses take no lease.
     */
    public long recordAction(String actor, Action a, Long incidentId, boolean undoable, String followDone, String followFailed,
                             Status status, Instant at, String owner, Instant leaseUntil) {
        boolean pending = status == Status.PENDING;
        return jdbc.insertReturningId("INSERT INTO audit_log (at, actor, action, platform, chat, target, message_id,"
                        + " rule_id, reason, incident_id, status, undone, text, duration_seconds, undoable, attempts,"
                        + " lease_owner, lease_until, follow_done_text, follow_failed_text)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                at, actor, a.type().name(), a.platform().wireName(), a.chat(), a.userId(), a.messageId(),
                IncidentLog.cut(a.rule(), 120), IncidentLog.cut(a.reason(), 500), incidentId, status.name(), false,
                IncidentLog.cut(a.text(), 4096), a.duration() == null ? null : a.duration().toSeconds(), undoable, 0,
                pending ? owner : null, pending ? leaseUntil : null, IncidentLog.cut(followDone, 4096),
                IncidentLog.cut(followFailed, 4096));
    }

    /**
     * Takes over up to {@code limit} pending actions that are due and leased by nobody alive (no lease,
     * or one that ran out): each is leased to {@code owner} until {@code leaseUntil} by a conditional
     * update, so two instances never take the same row.
     */
    public List<Pending> takeOverDue(String owner, Instant now, Instant leaseUntil, int limit) {
        List<Pending> due = jdbc.query("SELECT * FROM audit_log WHERE status = 'PENDING'"
                + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", AuditLog::pending, now, now);
        List<Pending> taken = new java.util.ArrayList<>();
        for (Pending p : due) {
            if (jdbc.update("UPDATE audit_log SET lease_owner = ?, lease_until = ? WHERE id = ? AND status = 'PENDING'"
                    + " AND (lease_until IS NULL OR lease_until < ?)", owner, leaseUntil, p.id(), now) == 1) taken.add(p);
        }
        return taken;
    }

    /** Keeps {@code owner}'s pending rows leased (it is alive and still carrying them out). */
    public int renewLeases(String owner, Instant leaseUntil) {
        return jdbc.update("UPDATE audit_log SET lease_until = ? WHERE lease_owner = ? AND status = 'PENDING'", leaseUntil, owner);
    }

    /** The platform could not take it now: try again at {@code next}, by whichever instance is alive then. */
    public void retryAt(long id, Instant next) {
        jdbc.update("UPDATE audit_log SET attempts = attempts + 1, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL,"
                + " sending_at = NULL WHERE id = ? AND status = 'PENDING'", next, id);
    }

    /** The action is being handed to the platform now (until its answer is recorded, nobody knows whether it arrived). */
    public void markSending(long id, Instant now) {
        jdbc.update("UPDATE audit_log SET sending_at = ? WHERE id = ? AND status = 'PENDING'", now, id);
    }

    /** Pending actions waiting out a back-off become due now (the platform answers again). */
    public int retryDueNow(Instant now) {
        return jdbc.update("UPDATE audit_log SET next_attempt_at = ? WHERE status = 'PENDING' AND next_attempt_at > ?", now, now);
    }

    /** How many actions are pending (for health and metrics). */
    public int countPending() {
        return jdbc.query("SELECT COUNT(*) FROM audit_log WHERE status = 'PENDING'", rs -> rs.getInt(1)).get(0);
    }

    private static Pending pending(java.sql.ResultSet rs) throws java.sql.SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        long seconds = rs.getLong("duration_seconds");
        java.time.Duration duration = rs.wasNull() ? null : java.time.Duration.ofSeconds(seconds);
        Action a = new Action(Action.Type.valueOf(rs.getString("action")), Platform.fromWire(rs.getString("platform")),
                rs.getString("chat"), rs.getString("message_id"), rs.getString("target"), rs.getString("text"), duration,
                rs.getString("rule_id"), rs.getString("reason"));
        return new Pending(rs.getLong("id"), rs.getString("actor"), a, incidentId, rs.getBoolean("undoable"),
                Jdbc.instant(rs, "at"), rs.getInt("attempts"), rs.getString("follow_done_text"), rs.getString("follow_failed_text"),
                Jdbc.instant(rs, "sending_at"));
    }

    /** Marks an entry undone; false when it was already undone (so an undo is carried out once). */
    public boolean markUndone(long id) {
        return jdbc.update("UPDATE audit_log SET undone = ? WHERE id = ? AND undone = ?", true, id, false) == 1;
    }

    public Optional<Entry> find(long id) {
        return jdbc.query("SELECT * FROM audit_log WHERE id = ?", AuditLog::map, id).stream().findFirst();
    }

    /** The {@code n} newest entries, newest first (at most {@link IncidentLog#MAX_PAGE}); only those rows are read. */
    public List<Entry> recent(int n) {
        return page(n, null);
    }

    /** Up to {@code limit} entries with ids below {@code beforeId} (null: from the newest), newest first. */
    public List<Entry> page(int limit, Long beforeId) {
        int n = Math.max(0, Math.min(limit, IncidentLog.MAX_PAGE));
        if (n == 0) return List.of();
        return beforeId == null
                ? jdbc.query("SELECT * FROM audit_log ORDER BY id DESC FETCH FIRST ? ROWS ONLY", AuditLog::map, n)
                : jdbc.query("SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY", AuditLog::map, beforeId, n);
    }

    public List<Entry> forIncident(long incidentId) {
        return jdbc.query("SELECT * FROM audit_log WHERE incident_id = ? ORDER BY id", AuditLog::map, incidentId);
    }

    public List<Entry> all() {
        return jdbc.query("SELECT * FROM audit_log ORDER BY id", AuditLog::map);
    }

    private static Entry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        return new Entry(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                Platform.fromWire(rs.getString("platform")), rs.getString("chat"), rs.getString("target"),
                rs.getString("message_id"), rs.getString("rule_id"), rs.getString("reason"), incidentId,
                Status.valueOf(rs.getString("status")), rs.getBoolean("undone"));
    }
}
