package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.tidewatch.telegram.FakeBotApi.JSON;

/** Real-shaped Bot API update JSON for tests. */
final class Updates {
    static final long GROUP = -1001234567890L;
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
        ObjectNode q = JSON.createObjectNode();
        q.put("id", "cb" + updateId);
        q.set("from", user(fromId, "Anna", null));
        q.set("message", message(77, chatId, user(123456, "Tidewatch", "tidewatch_bot"), "alert"));
        q.put("chat_instance", "1");
        q.put("data", data);
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", updateId);
        u.set("callback_query", q);
        return u;
    }
}
