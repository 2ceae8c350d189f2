package io.tidewatch.web;

import java.time.Instant;

/**
 * The rules in force: when they were loaded, and why the last reload was refused (null when it was
 * not). A refused reload keeps the previous rules, so {@code loadedAt} stays that of the good ones.
 *
 * @param loadedAt null while no rules were ever loaded (then /healthz answers 503)
 * @param refusal  the bad file's error as the loader gave it: file, line, reason
 */
public record RulesStatus(Instant loadedAt, String refusal) {
    public static RulesStatus loaded(Instant at) { return new RulesStatus(at, null); }

    public boolean ready() { return loadedAt != null; }
}
