package io.tidewatch.web;

import java.util.Map;

/** A request the web surface refuses: the status, and the text (a key in rules/web) that says why. */
final class Refusal extends RuntimeException {
    final int status;
    final String key;
    final Map<String, String> vars;

    Refusal(int status, String key, Map<String, String> vars) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
        this.vars = vars;
    }

    Refusal(int status, String key) { this(status, key, Map.of()); }

    /** Not signed in where the dashboard token is required: browsers get the sign-in form. */
    static Refusal signInNeeded() { return new Refusal(401, "access.token_needed"); }

    boolean asksForSignIn() { return status == 401; }
}
