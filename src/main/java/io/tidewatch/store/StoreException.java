package io.tidewatch.store;

/** The database failed a statement; the message names what was being done (never row contents). */
public final class StoreException extends RuntimeException {
    public StoreException(String what, Throwable cause) {
        super("database: " + what + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
