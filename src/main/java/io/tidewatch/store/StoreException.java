package io.tidewatch.store;

import java.sql.SQLException;

/** A database call failed; the message names the statement's first words, never bound values. */
public class StoreException extends RuntimeException {
    StoreException(String sql, SQLException cause) {
        super("database: '" + firstWords(sql) + " …' failed (" + cause.getSQLState() + "): " + cause.getMessage(), cause);
    }

    private static String firstWords(String sql) {
        String[] w = sql.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(3, w.length)));
    }
}
