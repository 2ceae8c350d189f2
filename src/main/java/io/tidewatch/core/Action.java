package io.tidewatch.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Something the core decided should happen on a platform. Adapters carry it out; the store audits it.
 *
 * @param chat      the chat (or platform account) the action applies to
 * @param messageId the message acted on or replied to, or null
 * @param userId    the account acted on (mute, ban, DM), or null
 * @param text      the text to send (already rendered in the right language), or null
 * @param duration  for RESTRICT: how long; null means until undone
 * @param rule      the rule id that caused it
 * @param reason    why, for the audit log and moderators
 */
public record Action(Type type, Platform platform, String chat, String messageId, String userId,
                     String text, Duration duration, String rule, String reason) {
    public enum Type {
        /** Delete the offending message. */
        DELETE_MESSAGE,
        /** Post a reply in the chat (warnings). */
        REPLY,
        /** Send a private message to {@code userId}. */
        DIRECT_MESSAGE,
        /** Post to the moderators' alert chat. */
        ALERT_MODERATORS,
        /** Mute {@code userId} in {@code chat}. */
        RESTRICT,
        /** Ban {@code userId} from {@code chat}. */
        BAN,
        /** Ban a channel posting through {@code sender_chat} ({@code userId} holds the channel id). */
        BAN_SENDER_CHAT,
        /** Lift a ban or a restriction. */
        UNBAN,
        /** Hide a reply under one of the official account's posts (Twitter); {@code messageId} is the reply. */
        HIDE_REPLY,
        /** Show a hidden reply again. */
        UNHIDE_REPLY,
        /** Block {@code userId} from the official account (Twitter). */
        BLOCK,
        /** Lift a block. */
        UNBLOCK,
        /** Mute {@code userId} for the official account (Twitter). */
        MUTE,
        /** Lift a mute. */
        UNMUTE,
        /** Leave {@code chat}: a group the bot does not guard (Telegram). */
        LEAVE_CHAT
    }

    public Action {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(platform, "platform");
        rule = rule == null ? "" : rule;
        reason = reason == null ? "" : reason;
    }

    /** Actions that remove content or people; a dry run skips them but still alerts. */
    public boolean destructive() {
        return switch (type) {
            case DELETE_MESSAGE, RESTRICT, BAN, BAN_SENDER_CHAT, HIDE_REPLY, BLOCK, MUTE -> true;
            default -> false;
        };
    }
}
