package io.tidewatch.store;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Exactly-once handling of platform updates: an update is claimed by a unique insert before anything
 * is done about it, so two instances on one database never act twice; the polling offset survives
 * restarts so none is lost or repeated.
 */
public final class UpdateLedger {
    private final Jdbc jdbc;

    public UpdateLedger(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    /** True for the one caller (across instances) that gets to act on this update; it is decided at once. */
    public boolean claim(String source, long updateId, Instant now) {
        return jdbc.insertUnique("INSERT INTO processed_update (source, update_id, claimed_at) VALUES (?,?,?)",
                source, updateId, now);
    }

    /** How an early claim went. */
    public enum EarlyClaim {
        /** The caller holds the update now. */
        MINE,
        /** Another caller decided it already: nothing to do. */
        DECIDED,
        /** Another caller holds it and may still be deciding: come back later (it is taken over once stale). */
        BUSY
    }

    /**
     * Claims an update before acting on it outside a transaction (sending a removal), leaving it
     * 'claimed' until {@link #decide}. A claim never decided and older than {@code staleBefore} (its
     * instance died between claiming and recording) is taken over.
     */
    public EarlyClaim claimEarly(String source, long updateId, String owner, Instant now, Instant staleBefore) {
        if (jdbc.insertUnique("INSERT INTO processed_update (source, update_id, claimed_at, state, owner) VALUES (?,?,?,?,?)",
                source, updateId, now, "claimed", owner)) return EarlyClaim.MINE;
        if (jdbc.update("UPDATE processed_update SET owner = ?, claimed_at = ? WHERE source = ? AND update_id = ?"
                        + " AND state = 'claimed' AND (owner = ? OR claimed_at < ?)",
                owner, now, source, updateId, owner, staleBefore) == 1) return EarlyClaim.MINE;
        var state = jdbc.query("SELECT state FROM processed_update WHERE source = ? AND update_id = ?",
                rs -> rs.getString(1), source, updateId);
        return !state.isEmpty() && "claimed".equals(state.get(0)) ? EarlyClaim.BUSY : EarlyClaim.DECIDED;
    }

    /** Marks an early claim decided (inside the transaction that records what was decided); false when it is not the caller's. */
    public boolean decide(String source, long updateId, String owner) {
        return jdbc.update("UPDATE processed_update SET state = 'decided' WHERE source = ? AND update_id = ? AND owner = ?",
                source, updateId, owner) == 1;
    }

    public boolean isClaimed(String source, long updateId) {
        return !jdbc.query("SELECT 1 FROM processed_update WHERE source = ? AND update_id = ?",
                rs -> 1, source, updateId).isEmpty();
    }

    /** The last update id handled for {@code source}, if any. */
    public OptionalLong lastOffset(String source) {
        var rows = jdbc.query("SELECT last_update_id FROM polling_offset WHERE source = ?",
                rs -> rs.getLong(1), source);
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0));
    }

    /** Moves the offset forward (never back) to {@code updateId}. */
    public void advance(String source, long updateId, Instant now) {
        String update = "UPDATE polling_offset SET last_update_id = ?, updated_at = ? WHERE source = ? AND last_update_id < ?";
        if (jdbc.update(update, updateId, now, source, updateId) == 1) return;
        if (lastOffset(source).isPresent()) return;
        if (!jdbc.insertUnique("INSERT INTO polling_offset (source, last_update_id, updated_at) VALUES (?,?,?)",
                source, updateId, now)) {
            jdbc.update(update, updateId, now, source, updateId);
        }
    }

    /** Forgets claims older than {@code before}; offsets already cover them. */
    public int prune(Instant before) {
        return jdbc.update("DELETE FROM processed_update WHERE claimed_at < ?", before);
    }
}
