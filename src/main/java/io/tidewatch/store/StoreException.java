package io.tidewatch.store;

import java.sql.SQLException;

/** A database call failed; the message names what was being done or the statement's first words, never bound values. */
public class StoreException extends RuntimeException {
    public StoreException(String what, Throwable cause) {
        super("database: " + what + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }

    StoreException(String sql, SQLException cause) {
        super("database: '" + firstWords(sql) + " …' failed (" + cause.getSQLState() + "): " + cause.getMessage(), cause);
    }

    private static String firstWords(String sql) {
        String[] w = sql.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(3, w.length)));
    }
}
