package io.tidewatch.moderation;

import java.time.Duration;

/**
 * How a platform refused an action, as an {@link ActionExecutor}'s future reports it, so the
 * pipeline knows whether to try again, give up, fall back or count it as done.
 */
public final class ActionFailed extends RuntimeException {
    public enum Kind {
        /** Rate limit, outage, network: try again later ({@link #retryAfter} when the platform said when). */
        RETRY_LATER,
        /** The platform refused the request as such (bad request, no rights): trying again will not help. */
        REFUSED,
        /** The person cannot be reached privately (never opened a chat with the bot, DMs closed). */
        UNREACHABLE,
        /** What the action wanted is already so (the message to delete is gone): count it as done. */
        ALREADY_DONE,
        /** Not sent on purpose: it waited too long to still matter, or went out as part of a summary. */
        DROPPED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ActionFailed(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() { return kind; }

    /** When the platform said to come back, or null. */
    public Duration retryAfter() { return retryAfter; }

    /** The {@link ActionFailed} behind a future's failure, or one of kind RETRY_LATER for anything else. */
    public static ActionFailed of(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) t = t.getCause();
        if (t instanceof ActionFailed f) return f;
        return new ActionFailed(Kind.RETRY_LATER, String.valueOf(t), null, t);
    }
}
