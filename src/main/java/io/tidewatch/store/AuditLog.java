package io.tidewatch.store;

import io.tidewatch.core.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every action taken or refused: who, what, why, which rule, where, on whom, and whether it was undone. */
public final class AuditLog {
    public enum Status { PENDING, DONE, FAILED, DRY_RUN, REFUSED }

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
        jdbc.update("UPDATE audit_log SET status = ? WHERE id = ?", status.name(), id);
    }

    /** Marks an entry undone; false when it was already undone (so an undo is carried out once). */
    public boolean markUndone(long id) {
        return jdbc.update("UPDATE audit_log SET undone = ? WHERE id = ? AND undone = ?", true, id, false) == 1;
    }

    public Optional<Entry> find(long id) {
        return jdbc.query("SELECT * FROM audit_log WHERE id = ?", AuditLog::map, id).stream().findFirst();
    }

    public List<Entry> recent(int n) {
        return jdbc.query("SELECT * FROM audit_log ORDER BY id DESC", AuditLog::map).stream().limit(n).toList();
    }

    /** Up to {@code limit} entries, newest first, older than {@code beforeId} when given. */
    public List<Entry> page(int limit, Long beforeId) {
        return beforeId == null
                ? jdbc.query("SELECT * FROM audit_log ORDER BY id DESC FETCH FIRST ? ROWS ONLY", AuditLog::map, Math.max(0, limit))
                : jdbc.query("SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY", AuditLog::map,
                        beforeId, Math.max(0, limit));
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
