package io.tidewatch.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JDBC moves every repository makes; SQL stays portable between H2 and PostgreSQL. Inside
 * {@link Database#inTransaction} every repository on that database shares the transaction's
 * connection, so several writes commit or roll back together.
 */
final class Jdbc {
    interface RowMapper<T> { T map(ResultSet rs) throws SQLException; }

    private interface Work<T> { T run(Connection c) throws SQLException; }

    /** The transaction open on this thread, if any: its database and connection. */
    record Tx(DataSource dataSource, Connection connection) {}

    static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) { this.dataSource = dataSource; }

    private <T> T with(String sql, Work<T> work) {
        Tx tx = CURRENT.get();
        try {
            if (tx != null && tx.dataSource() == dataSource) return work.run(tx.connection());
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    int update(String sql, Object... args) {
        return with(sql, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Inserts a row; false when a unique key already holds it (another writer got there first). In a
     * transaction the attempt runs under a savepoint: PostgreSQL would otherwise abort the whole
     * transaction on the violation.
     */
    boolean insertUnique(String sql, Object... args) {
        return with(sql, c -> {
            boolean inTx = !c.getAutoCommit();
            Savepoint sp = inTx ? c.setSavepoint() : null;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                ps.executeUpdate();
                if (sp != null) c.releaseSavepoint(sp);
                return true;
            } catch (SQLException e) {
                if (!Database.isUniqueViolation(e)) throw e;
                if (sp != null) c.rollback(sp);
                return false;
            }
        });
    }

    long insertReturningId(String sql, Object... args) {
        return with(sql, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, new String[]{"id"})) {
                bind(ps, args);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) throw new SQLException("no generated id");
                    return keys.getLong(1);
                }
            }
        });
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return with(sql, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) out.add(mapper.map(rs));
                    return out;
                }
            }
        });
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant instant) ps.setTimestamp(i + 1, Timestamp.from(instant));
            else if (a instanceof java.time.LocalDate d) ps.setDate(i + 1, java.sql.Date.valueOf(d));
            else if (a == null) ps.setNull(i + 1, java.sql.Types.NULL);
            else ps.setObject(i + 1, a);
        }
    }
}
