package io.tidewatch.moderation;

/**
 * What an adapter knows about a post that the core model does not carry.
 *
 * @param platformTrusted the platform itself vouches for the sender (a Telegram anonymous admin of a
 *                        guarded chat, a linked channel's automatic forward): never moderated
 * @param senderChatId    the channel a message was sent on behalf of (act on it, not on a user), or null
 * @param chatTitle       the chat's display name for texts, or null
 * @param messageLink     a link moderators can open, or null
 */
public record PostContext(boolean platformTrusted, String senderChatId, String chatTitle, String messageLink) {
    public static PostContext plain() { return new PostContext(false, null, null, null); }
}
