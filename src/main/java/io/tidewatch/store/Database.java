package io.tidewatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Map;

/**
 * The one database every part shares: an embedded H2 file by default, PostgreSQL (or another H2)
 * through a JDBC URL. Migrations run on open, so a new deployment needs no set-up step.
 * An H2 file is created owner-only (0600, in a 0700 directory when it makes the directory).
 * SQL in this package stays portable between H2 and PostgreSQL: no vendor upserts; an insert
 * that may race with another instance catches the unique violation (SQLState 23505 on both).
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/tidewatch;AUTO_SERVER=FALSE";

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the database named by {@code TIDEWATCH_DB_URL} (or the default H2 file) and migrates it. */
    public static Database fromEnvironment(Map<String, String> env) {
        return open(env.getOrDefault("TIDEWATCH_DB_URL", DEFAULT_URL),
                env.get("TIDEWATCH_DB_USER"), env.get("TIDEWATCH_DB_PASSWORD"));
    }

    public static Database open(String url, String user, String password) {
        var h2File = H2FilePermissions.basePath(url);
        h2File.ifPresent(H2FilePermissions::beforeOpen);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("tidewatch");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            // versions are grouped by feature (V2.. moderation, V50.. announcements): a database that has
            // V50 still takes a later V3, so out-of-order is allowed
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        h2File.ifPresent(H2FilePermissions::afterOpen);
        return new Database(ds);
    }

    /** A private in-memory H2 database, for tests and one-shot commands. */
    public static Database inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public DataSource dataSource() { return dataSource; }

    /**
     * Runs {@code work} in one transaction: every repository call on this database from this thread
     * shares it, and it commits when {@code work} returns or rolls back when it throws. Not nested.
     */
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        if (Jdbc.CURRENT.get() != null) throw new IllegalStateException("a transaction is already open on this thread");
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Jdbc.CURRENT.set(new Jdbc.Tx(dataSource, c));
            try {
                T result = work.get();
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                Jdbc.CURRENT.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("transaction", e);
        }
    }

    /** True when {@code e} says a unique key already holds the row: another writer got there first. */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) return true;
        }
        return false;
    }

    @Override
    public void close() { dataSource.close(); }
}
