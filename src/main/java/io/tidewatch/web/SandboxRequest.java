package io.tidewatch.web;

import io.tidewatch.core.Platform;

import java.util.Objects;

/**
 * One message typed into the sandbox (the JSON of {@code POST /api/sandbox/messages}, DESIGN.md
 * "HTTP surface"), already checked: a known platform and chat kind, a text within limits.
 *
 * @param platform {@link Platform#TELEGRAM} or {@link Platform#TWITTER}
 * @param chat     where it was written: a group (a Twitter mention) or a private chat (a DM)
 */
public record SandboxRequest(Platform platform, Chat chat, User user, String text) {
    public enum Chat {
        GROUP, PRIVATE;

        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** The community member the person plays; {@code id} is numeric-looking but only a label here. */
    public record User(String id, String name, String username) {
        public User {
            id = id == null ? "" : id;
        }
    }

    public SandboxRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(user, "user");
        text = text == null ? "" : text;
    }
}
