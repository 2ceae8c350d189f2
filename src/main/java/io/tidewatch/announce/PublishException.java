package io.tidewatch.announce;

/** A publisher could not complete a call; {@code retryable} says whether trying later may work. */
public class PublishException extends Exception {
    private final boolean retryable;

    public PublishException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public PublishException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() { return retryable; }

    /** The platform offers no way to tell whether a part was sent (e.g. Telegram history is not readable by bots). */
    public static final class Unknowable extends PublishException {
        public Unknowable(String message) { super(message, false); }
    }
}
