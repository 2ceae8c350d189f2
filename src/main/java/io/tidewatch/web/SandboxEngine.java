package io.tidewatch.web;

/**
 * What the sandbox page talks to: the one moderation pipeline, run on a message typed by a person
 * playing a community member, acting on nothing outside (an in-memory store, no platform). The
 * web only parses the request and renders the reply; every decision is the engine's.
 */
public interface SandboxEngine {
    /** Runs one message through detection, policy and the support responder, as the bot would. */
    SandboxReply handle(SandboxRequest request);

    /** Re-reads {@code rules/}; a bad file is refused (file, line, reason) and the rules in force stay. */
    RulesStatus reload();

    /** The rules in force now. */
    RulesStatus rules();
}
