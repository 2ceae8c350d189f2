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

    /**
     * Claims an update before acting on it outside a transaction (sending a removal), leaving it
     * 'claimed' until {@link #decide}. When the update is held by a claim that was never decided and
     * whose owner is dead (a previous run of this instance, {@code ownerPrefix}, or a claim older than
     * {@code staleBefore}), it is taken over. True when the caller now holds it.
     */
    public boolean claimEarly(String source, long updateId, String owner, String ownerPrefix, Instant now, Instant staleBefore) {
        if (jdbc.insertUnique("INSERT INTO processed_update (source, update_id, claimed_at, state, owner) VALUES (?,?,?,?,?)",
                source, updateId, now, "claimed", owner)) return true;
        return jdbc.update("UPDATE processed_update SET owner = ?, claimed_at = ? WHERE source = ? AND update_id = ?"
                        + " AND state = 'claimed' AND (owner = ? OR claimed_at < ? OR (owner LIKE ? AND owner <> ?))",
                owner, now, source, updateId, owner, staleBefore, ownerPrefix.replace("%", "") + "%", owner) == 1;
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
