package io.tidewatch.store;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which announcement parts were published where: one row per announcement x target x language x
 * part. Every state change is a conditional UPDATE checked by row count (or an INSERT on the primary
 * key), so instances sharing the database never both act on one part. Portable SQL (H2, PostgreSQL).
 */
public final class PublishLedger {
    public enum State {
        /** Intent recorded; the send is under way, or the sender died before recording the outcome. */
        SENDING,
        SENT,
        /** The platform refused; {@code nextAttemptAt} says when to retry, null when never. */
        FAILED,
        /** Sent or not, the platform cannot tell: never resent; a moderator decides. */
        UNKNOWN;

        String db() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public record Key(String announcementId, String target, String language, int partNo) {}

    public record Part(Key key, int partCount, String contentHash, State state, String messageId, boolean pin,
                       int attempts, String claimToken, String claimedBy, Instant claimedAt, Instant sendingSince,
                       Instant nextAttemptAt, String lastError, Instant sentAt, Instant editedAt,
                       String editRefusedHash, Instant unpinnedAt) {}

    /** A moderator's publish/cancel decision for one announcement. */
    public record Request(String announcementId, Instant requestedAt, String requestedBy, Instant cancelledAt,
                          String cancelledBy) {
        public boolean cancelled() { return cancelledAt != null; }
    }

    private static final String COLUMNS = "announcement_id, target, language, part_no, part_count, content_hash, state,"
            + " message_id, pin, attempts, claim_token, claimed_by, claimed_at, sending_since, next_attempt_at,"
            + " last_error, sent_at, edited_at, edit_refused_hash, unpinned_at";
    private static final String KEY = " WHERE announcement_id = ? AND target = ? AND language = ? AND part_no = ?";

    private final Jdbc jdbc;

    public PublishLedger(Database db) { this(db.dataSource()); }

    public PublishLedger(DataSource ds) { this.jdbc = new Jdbc(ds); }

    /** Claims a part never tried before; the returned token proves the claim. Empty when another got it. */
    public Optional<String> claimNew(Key key, int partCount, String contentHash, boolean pin, String instance, Instant now) {
        String token = UUID.randomUUID().toString();
        String sql = "INSERT INTO announcement_part (announcement_id, target, language, part_no, part_count,"
                + " content_hash, state, pin, attempts, claim_token, claimed_by, claimed_at, sending_since, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'sending', ?, 1, ?, ?, ?, ?, ?)";
        boolean claimed = jdbc.insertUnique(sql, flatten(key, partCount, contentHash, pin, token, instance, ts(now), ts(now), ts(now)));
        return claimed ? Optional.of(token) : Optional.empty();
    }

    /** Claims a failed part whose retry time has come. */
    public Optional<String> claimRetry(Key key, String contentHash, String instance, Instant now) {
        String token = UUID.randomUUID().toString();
        int n = update("UPDATE announcement_part SET state = 'sending', content_hash = ?, attempts = attempts + 1,"
                        + " claim_token = ?, claimed_by = ?, claimed_at = ?, sending_since = ?, next_attempt_at = NULL"
                        + KEY + " AND state = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?",
                contentHash, token, instance, ts(now), ts(now), key, ts(now));
        return n == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Takes over a part left in 'sending' by a claim older than the lease (its sender presumably died). */
    public Optional<String> claimStale(Key key, String staleToken, String instance, Instant now) {
        String token = UUID.randomUUID().toString();
        int n = update("UPDATE announcement_part SET claim_token = ?, claimed_by = ?, claimed_at = ?"
                        + KEY + " AND state = 'sending' AND claim_token = ?",
                token, instance, ts(now), key, staleToken);
        return n == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Parts in 'sending' whose claim is older than {@code before}. */
    public List<Part> staleSending(Instant before) {
        return query("SELECT " + COLUMNS + " FROM announcement_part WHERE state = 'sending' AND claimed_at < ?"
                + " ORDER BY announcement_id, target, language, part_no", ts(before));
    }

    /** A resend after reconciliation found nothing: a fresh send window under the same claim. */
    public boolean restartSending(Key key, String token, String contentHash, Instant now) {
        return update("UPDATE announcement_part SET sending_since = ?, claimed_at = ?, content_hash = ?,"
                + " attempts = attempts + 1" + KEY + " AND state = 'sending' AND claim_token = ?",
                ts(now), ts(now), contentHash, key, token) == 1;
    }

    public boolean markSent(Key key, String token, String messageId, Instant now) {
        return update("UPDATE announcement_part SET state = 'sent', message_id = ?, sent_at = ?, last_error = NULL"
                + KEY + " AND state = 'sending' AND claim_token = ?", messageId, ts(now), key, token) == 1;
    }

    /** Records a refusal; {@code retryAt} null means it will not be retried. */
    public boolean markFailed(Key key, String token, String error, Instant retryAt) {
        return update("UPDATE announcement_part SET state = 'failed', last_error = ?, next_attempt_at = ?"
                + KEY + " AND state = 'sending' AND claim_token = ?", truncate(error), ts(retryAt), key, token) == 1;
    }

    public boolean markUnknown(Key key, String token, String reason) {
        return update("UPDATE announcement_part SET state = 'unknown', last_error = ?"
                + KEY + " AND state = 'sending' AND claim_token = ?", truncate(reason), key, token) == 1;
    }

    /**
     * A moderator settles a part in 'unknown': {@code resend} makes it due again now (next tick sends
     * it); otherwise it is recorded as sent, without a message id (it cannot be edited or unpinned).
     */
    public boolean resolveUnknown(Key key, boolean resend, String by, Instant now) {
        if (resend) {
            return update("UPDATE announcement_part SET state = 'failed', next_attempt_at = ?, last_error = ?"
                    + KEY + " AND state = 'unknown'", ts(now), truncate("resend requested by " + by), key) == 1;
        }
        return update("UPDATE announcement_part SET state = 'sent', sent_at = ?, last_error = ?"
                + KEY + " AND state = 'unknown'", ts(now), truncate("confirmed sent by " + by), key) == 1;
    }

    /** After a successful edit: the part now shows {@code newHash}. */
    public boolean markEdited(Key key, String oldHash, String newHash, Instant now) {
        return update("UPDATE announcement_part SET content_hash = ?, edited_at = ?, edit_refused_hash = NULL"
                + KEY + " AND state = 'sent' AND content_hash = ?", newHash, ts(now), key, oldHash) == 1;
    }

    /** The platform cannot edit: remember the content it refused so it is not asked again. */
    public boolean markEditRefused(Key key, String newHash) {
        return update("UPDATE announcement_part SET edit_refused_hash = ?" + KEY + " AND state = 'sent'", newHash, key) == 1;
    }

    /** Claims the unpinning of a pinned, sent part; false when it is not pinned or already unpinned. */
    public boolean claimUnpin(Key key, Instant now) {
        return update("UPDATE announcement_part SET unpinned_at = ?" + KEY
                + " AND state = 'sent' AND pin = TRUE AND unpinned_at IS NULL", ts(now), key) == 1;
    }

    /** Undoes {@link #claimUnpin} when the platform refused, so a later tick tries again. */
    public void releaseUnpin(Key key) {
        update("UPDATE announcement_part SET unpinned_at = NULL" + KEY, key);
    }

    public Optional<Part> find(Key key) {
        List<Part> parts = query("SELECT " + COLUMNS + " FROM announcement_part" + KEY, key);
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts.get(0));
    }

    public List<Part> parts(String announcementId) {
        return query("SELECT " + COLUMNS + " FROM announcement_part WHERE announcement_id = ?"
                + " ORDER BY target, language, part_no", announcementId);
    }

    public List<Part> all() {
        return query("SELECT " + COLUMNS + " FROM announcement_part ORDER BY announcement_id, target, language, part_no");
    }

    // --- moderators' requests ---

    public void requestPublish(String announcementId, String by, Instant now) {
        upsertRequest(announcementId,
                "UPDATE announcement_request SET requested_at = ?, requested_by = ?, cancelled_at = NULL, cancelled_by = NULL WHERE announcement_id = ?",
                "INSERT INTO announcement_request (requested_at, requested_by, announcement_id) VALUES (?, ?, ?)",
                ts(now), by);
    }

    public void cancel(String announcementId, String by, Instant now) {
        upsertRequest(announcementId,
                "UPDATE announcement_request SET cancelled_at = ?, cancelled_by = ? WHERE announcement_id = ?",
                "INSERT INTO announcement_request (cancelled_at, cancelled_by, announcement_id) VALUES (?, ?, ?)",
                ts(now), by);
    }

    public Map<String, Request> requests() {
        Map<String, Request> out = new LinkedHashMap<>();
        for (Request r : jdbc.query("SELECT announcement_id, requested_at, requested_by, cancelled_at, cancelled_by"
                + " FROM announcement_request", rs -> new Request(rs.getString(1), instant(rs, 2), rs.getString(3),
                instant(rs, 4), rs.getString(5)))) {
            out.put(r.announcementId(), r);
        }
        return out;
    }

    private void upsertRequest(String id, String updateSql, String insertSql, OffsetDateTime at, String by) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (update(updateSql, at, by, id) == 1) return;
            if (jdbc.insertUnique(insertSql, at, by, id)) return;
            // another instance inserted it first: update that row instead
        }
        throw new StoreException("record request for " + id, null);
    }

    // --- JDBC: a Key stands for its four columns ---

    private int update(String sql, Object... args) {
        return jdbc.update(sql, flatten(args));
    }

    private List<Part> query(String sql, Object... args) {
        return jdbc.query(sql, PublishLedger::part, flatten(args));
    }

    private static Object[] flatten(Object... args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Key k) {
                out.add(k.announcementId());
                out.add(k.target());
                out.add(k.language());
                out.add(k.partNo());
            } else {
                out.add(a);
            }
        }
        return out.toArray();
    }

    private static Part part(ResultSet rs) throws SQLException {
        Key key = new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
        return new Part(key, rs.getInt(5), rs.getString(6),
                State.valueOf(rs.getString(7).toUpperCase(java.util.Locale.ROOT)), rs.getString(8), rs.getBoolean(9),
                rs.getInt(10), rs.getString(11), rs.getString(12), instant(rs, 13), instant(rs, 14), instant(rs, 15),
                rs.getString(16), instant(rs, 17), instant(rs, 18), rs.getString(19), instant(rs, 20));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
