package io.tidewatch.twitter;

import java.time.Instant;

/**
 * An X API call that did not succeed. {@link #kind()} says why and whether trying later may help;
 * {@link #maybeApplied()} is true when a post may have happened although no answer said so (a
 * 5xx or a cut connection after the request was sent), so the caller must look before posting again.
 * Messages name the endpoint and the API's own reason, never a credential.
 */
public final class XApiException extends Exception {
    public enum Kind {
        /** 429, or the endpoint's window is used up: not called again before {@link #retryAt()}. */
        RATE_LIMITED(true),
        /** 401: the credentials are wrong or revoked. Not retried. */
        UNAUTHORIZED(false),
        /** 403: not permitted (app permissions, duplicate tweet, a reply that cannot be hidden). Not retried. */
        FORBIDDEN(false),
        /** 400/404: the request names something that does not exist or is malformed. Not retried. */
        REJECTED(false),
        /** 5xx after the retries. */
        SERVER(true),
        /** No answer (connection refused, reset, timed out) after the retries. */
        NETWORK(true),
        /** The monthly post cap of the API tier is reached. */
        BUDGET_EXHAUSTED(false);

        private final boolean retryable;

        Kind(boolean retryable) { this.retryable = retryable; }
    }

    private final Kind kind;
    private final String endpoint;
    private final int status;
    private final Instant retryAt;
    private final boolean maybeApplied;
    private final String apiDetail;

    XApiException(Kind kind, String endpoint, int status, String message, String apiDetail, Instant retryAt,
                  boolean maybeApplied, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.endpoint = endpoint;
        this.status = status;
        this.apiDetail = apiDetail;
        this.retryAt = retryAt;
        this.maybeApplied = maybeApplied;
    }

    public Kind kind() { return kind; }

    public String endpoint() { return endpoint; }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() { return status; }

    /** The API's own explanation ({@code detail} or {@code errors[].message}), or null. */
    public String apiDetail() { return apiDetail; }

    /** For {@link Kind#RATE_LIMITED}: when the endpoint may be called again. */
    public Instant retryAt() { return retryAt; }

    public boolean maybeApplied() { return maybeApplied; }

    public boolean retryable() { return kind.retryable; }
}
