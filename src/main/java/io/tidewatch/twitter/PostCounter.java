package io.tidewatch.twitter;

import io.tidewatch.store.Database;
import io.tidewatch.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Posts made per period and kind ({@code twitter_post_count}, migration V6), shared by every instance
 * on the database and kept across restarts. Taking one is a single conditional update, so two
 * instances never both take the last post of a cap. Portable SQL (H2 and PostgreSQL).
 */
final class PostCounter {
    private final DataSource ds;

    PostCounter(Database db) { this.ds = db.dataSource(); }

    /** Counts one post in {@code period} if fewer than {@code limit} were counted; false otherwise. */
    boolean tryTake(String period, String kind, int limit) {
        if (limit <= 0) return false;
        try (Connection c = ds.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (update(c, "UPDATE twitter_post_count SET posts = posts + 1 WHERE period = ? AND kind = ? AND posts < ?",
                        period, kind, limit) == 1) return true;
                int used = used(c, period, kind);
                if (used >= limit) return false; // the row exists and is full
                if (used >= 0) continue; // another instance made the row after our update: count on it
                try {
                    update(c, "INSERT INTO twitter_post_count (period, kind, posts) VALUES (?,?,1)", period, kind);
                    return true;
                } catch (SQLException e) {
                    if (!Database.isUniqueViolation(e)) throw e; // another instance made the row first: count on it
                }
            }
            return false;
        } catch (SQLException e) {
            throw new StoreException("twitter_post_count", e);
        }
    }

    /** Uncounts a post that certainly did not happen. */
    void giveBack(String period, String kind) {
        try (Connection c = ds.getConnection()) {
            update(c, "UPDATE twitter_post_count SET posts = posts - 1 WHERE period = ? AND kind = ? AND posts > 0", period, kind);
        } catch (SQLException e) {
            throw new StoreException("twitter_post_count", e);
        }
    }

    /** Posts counted in {@code period}: 0 when none. */
    int used(String period, String kind) {
        try (Connection c = ds.getConnection()) {
            return Math.max(0, used(c, period, kind));
        } catch (SQLException e) {
            throw new StoreException("twitter_post_count", e);
        }
    }

    private static int used(Connection c, String period, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT posts FROM twitter_post_count WHERE period = ? AND kind = ?")) {
            ps.setString(1, period);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }
}
