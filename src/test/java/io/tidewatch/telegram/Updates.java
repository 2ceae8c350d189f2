package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.tidewatch.telegram.FakeBotApi.JSON;

/** Real-shaped Bot API update JSON for tests. */
final class Updates {
    /** A chat rules/chats.yaml lists (the bot leaves unlisted groups). */
    static final long GROUP = -1001000000003L;
    static final long ALERTS = -1001000000001L;
    static final long MODERATOR = 5000000101L;

    private Updates() {}

    static ObjectNode user(long id, String firstName, String username) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id);
        u.put("is_bot", false);
        u.put("first_name", firstName);
        if (username != null) u.put("username", username);
        u.put("language_code", "en");
        return u;
    }

    static ObjectNode chat(long id, String type, String title) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("type", type);
        if (title != null) c.put("title", title);
        else c.put("first_name", "Someone");
        return c;
    }

    static ObjectNode message(int messageId, long chatId, ObjectNode from, String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageId);
        m.put("date", 1764064800);
        m.set("chat", chatId < 0 ? chat(chatId, "supergroup", "Example Exchange") : chat(chatId, "private", null));
        if (from != null) m.set("from", from);
        if (text != null) m.put("text", text);
        return m;
    }

    static ObjectNode update(long updateId, String kind, ObjectNode message) {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", updateId);
        u.set(kind, message);
        return u;
    }

    static ObjectNode groupText(long updateId, int messageId, long userId, String name, String text) {
        return update(updateId, "message", message(messageId, GROUP, user(userId, name, null), text));
    }

    static ObjectNode edited(long updateId, int messageId, long userId, String name, String text) {
        ObjectNode m = message(messageId, GROUP, user(userId, name, null), text);
        m.put("edit_date", 1764064900);
        return update(updateId, "edited_message", m);
    }

    /** A message sent on behalf of a channel: from is the shared placeholder user, sender_chat the channel. */
    static ObjectNode fromChannel(long updateId, int messageId, long channelId, String title, String text) {
        ObjectNode m = message(messageId, GROUP, user(UpdateTranslator.CHANNEL_BOT, "Channel", "Channel_Bot"), text);
        m.set("sender_chat", chat(channelId, "channel", title));
        return update(updateId, "message", m);
    }

    static ObjectNode replyCommand(long updateId, int messageId, long fromId, String name, String command, ObjectNode repliedTo) {
        ObjectNode m = message(messageId, GROUP, user(fromId, name, null), command);
        m.set("reply_to_message", repliedTo);
        return update(updateId, "message", m);
    }

    static ObjectNode privateText(long updateId, int messageId, long userId, String text) {
        return update(updateId, "message", message(messageId, userId, user(userId, "Bob", "bob"), text));
    }

    static ObjectNode callback(long updateId, long fromId, long chatId, String data) {
        return callback(updateId, fromId, chatId, 77, data);
    }

    /** A button pressed under message {@code messageId} in {@code chatId}. */
    static ObjectNode callback(long updateId, long fromId, long chatId, int messageId, String data) {
        ObjectNode q = JSON.createObjectNode();
        q.put("id", "cb" + updateId);
        q.set("from", user(fromId, "Anna", null));
        q.set("message", message(messageId, chatId, user(123456, "Tidewatch", "tidewatch_bot"), "alert"));
        q.put("chat_instance", "1");
        q.put("data", data);
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", updateId);
        u.set("callback_query", q);
        return u;
    }

    /** A message sent as the group itself (an anonymous admin of {@code chatId}). */
    static ObjectNode asGroup(long updateId, int messageId, long chatId, String text) {
        ObjectNode m = message(messageId, chatId, user(UpdateTranslator.GROUP_ANONYMOUS_BOT, "Group", "GroupAnonymousBot"), text);
        m.set("sender_chat", chat(chatId, "supergroup", "Some group"));
        return update(updateId, "message", m);
    }

    /** A message from a person in any group. */
    static ObjectNode inChat(long updateId, int messageId, long chatId, long userId, String name, String text) {
        return update(updateId, "message", message(messageId, chatId, user(userId, name, null), text));
    }

    /** The bot's own membership changed: added to {@code chatId} by {@code byUser}. */
    static ObjectNode botAdded(long updateId, long chatId, long byUser) {
        ObjectNode change = JSON.createObjectNode();
        change.set("chat", chat(chatId, "supergroup", "A stranger's group"));
        change.set("from", user(byUser, "Stranger", null));
        change.put("date", 1764064800);
        ObjectNode before = JSON.createObjectNode();
        before.put("status", "left");
        before.set("user", user(123456, "Tidewatch", "tidewatch_bot"));
        ObjectNode after = JSON.createObjectNode();
        after.put("status", "member");
        after.set("user", user(123456, "Tidewatch", "tidewatch_bot"));
        change.set("old_chat_member", before);
        change.set("new_chat_member", after);
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", updateId);
        u.set("my_chat_member", change);
        return u;
    }
}
