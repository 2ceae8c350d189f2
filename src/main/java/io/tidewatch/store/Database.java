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
        url = durable(url);
        var h2File = H2FilePermissions.basePath(url);
        h2File.ifPresent(H2FilePermissions::beforeOpen);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(8);
        // a database that went away should fail a call within seconds, not hold a chat for half a minute
        config.setConnectionTimeout(3_000);
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

    /**
     * An H2 file commits to disk up to half a second late by default, so a killed process would forget
     * its last claims and actions: every commit is written at once ({@code WRITE_DELAY=0}) unless the
     * URL says otherwise.
     */
    static String durable(String url) {
        if (!url.startsWith("jdbc:h2:file:") || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) return url;
        return url + ";WRITE_DELAY=0";
    }

    /**
     * One line saying why the database at {@code url} could not be opened, for the person starting the
     * bot: the URL without credentials and the database's own reason (an H2 file held by another
     * process is named as such).
     */
    public static String whyNotOpened(String url, Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) reason = t.getMessage();
        }
        if (reason == null) reason = e.getMessage();
        String where = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (where.contains(";")) where = where.substring(0, where.indexOf(';'));
        if (reason != null && reason.contains("already in use")) {
            return "the database " + where + " is in use by another process (another tidewatch run?). Stop it, or set"
                    + " TIDEWATCH_DB_URL to another file, or to a PostgreSQL database that several instances can share.";
        }
        String first = reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse(reason);
        return "cannot open the database " + where + ": " + first
                + ". Check TIDEWATCH_DB_URL, TIDEWATCH_DB_USER and TIDEWATCH_DB_PASSWORD, and that the server is running.";
    }

    /** A private in-memory H2 database, for tests and one-shot commands. */
    public static Database inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public DataSource dataSource() { return dataSource; }

    /** Closed by {@link #close()}: nothing will answer any more. */
    public boolean isClosed() { return dataSource.isClosed(); }

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
