package io.tidewatch.telegram;

import io.tidewatch.core.Post;

/**
 * A {@link Post} with the Telegram facts the adapter needs to act on it.
 *
 * @param senderChatId   the channel a message was sent on behalf of (never the placeholder user), or null
 * @param anonymousAdmin sent by an anonymous admin of this very chat (trusted)
 * @param automaticForward a post of the linked channel forwarded into its discussion group (trusted)
 * @param replyTo        the message this one replies to (targets of moderator commands), or null
 */
public record TelegramPost(Post post, long chatId, String chatType, String chatTitle, String chatUsername,
                           Integer messageId, Long senderChatId, boolean anonymousAdmin, boolean automaticForward,
                           boolean edited, TelegramPost replyTo) {

    public boolean isPrivate() { return "private".equals(chatType); }

    public boolean isGroup() { return "group".equals(chatType) || "supergroup".equals(chatType); }

    /** A link moderators can open: t.me/username/id for public chats, t.me/c/internal/id for private supergroups. */
    public String link() {
        if (messageId == null) return null;
        if (chatUsername != null && !chatUsername.isBlank()) return "https://t.me/" + chatUsername + "/" + messageId;
        String id = Long.toString(chatId);
        if (id.startsWith("-100")) return "https://t.me/c/" + id.substring(4) + "/" + messageId;
        return null;
    }
}
