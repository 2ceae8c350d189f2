package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidewatch.properties.HostileText;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link UpdateTranslator} over random and malformed updates: missing fields, null chats and users,
 * null list elements, huge entity lists with offsets out of range, deep reply chains, hostile text.
 * Whatever the Bot API library accepts, the translator never throws. A failure names the seed; rerun
 * with {@code -Dtidewatch.seed=N}.
 */
class UpdateTranslatorPropertiesTest {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    final UpdateTranslator translator = new UpdateTranslator();

    @Test
    void any_update_the_library_accepts_translates_without_exception() {
        long seed = HostileText.seed();
        HostileText gen = new HostileText(seed);
        int accepted = 0, n = HostileText.cases(600);
        for (int i = 0; i < n; i++) {
            ObjectNode json = update(gen);
            Update update;
            try {
                update = JSON.treeToValue(json, Update.class);
            } catch (Exception refusedByTheLibrary) {
                continue; // never reaches the translator: the library refuses it first
            }
            accepted++;
            translate(update, "seed " + seed + ", case " + i);
        }
        assertTrue(accepted > n / 3, "most generated updates are ones the library accepts: " + accepted + " of " + n);
    }

    @Test
    void objects_with_nulls_the_json_cannot_express_translate_without_exception() {
        Chat group = new Chat(-1001234567890L, "supergroup");
        User alice = new User(42L, "Alice", false);
        List<Message> messages = new ArrayList<>();
        messages.add(Message.builder().build());                                        // no chat, no id, nothing
        messages.add(Message.builder().chat(group).build());                            // no id, no date, no sender
        messages.add(Message.builder().chat(group).from(alice).text("hi").entities(Arrays.asList(null, new MessageEntity("text_link", -5, 1_000_000))).build());
        messages.add(Message.builder().chat(group).newChatMembers(Arrays.asList(alice, null)).build());
        messages.add(Message.builder().chat(group).senderChat(group).captionEntities(Arrays.asList((MessageEntity) null)).caption("c").build());
        messages.add(Message.builder().chat(group).replyToMessage(Message.builder().build()).text("/ban").build());
        messages.add(Message.builder().chat(new Chat(5L, "private")).from(alice).text(null).caption(null).build());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            for (String kind : List.of("message", "edited_message", "channel_post", "edited_channel_post")) {
                Update u = new Update();
                u.setUpdateId(1);
                switch (kind) {
                    case "message" -> u.setMessage(m);
                    case "edited_message" -> u.setEditedMessage(m);
                    case "channel_post" -> u.setChannelPost(m);
                    default -> u.setEditedChannelPost(m);
                }
                translate(u, kind + " of message " + i); // not m.toString(): Lombok's calls the throwing getters
            }
        }
        assertEquals(List.of(), translator.translate(new Update()), "an empty update is nothing to judge");

        // an entity with an offset outside the text (or a null one) must not hide a text_link beside it
        MessageEntity outside = new MessageEntity("text_link", 4000, 10);
        outside.setUrl("https://examp1e.com/login");
        Update hidden = new Update();
        hidden.setUpdateId(2);
        hidden.setMessage(Message.builder().chat(group).from(alice).text("click").entities(Arrays.asList(null, outside)).build());
        assertEquals(List.of("https://examp1e.com/login"), translator.translate(hidden).get(0).post().links());
        Update withoutChat = new Update();
        withoutChat.setMessage(Message.builder().text("x").build());
        assertEquals(List.of(), translator.translate(withoutChat), "a message without a chat is skipped");
    }

    private void translate(Update update, String where) {
        List<TelegramPost> posts;
        try {
            posts = translator.translate(update);
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": " + e, e);
        }
        assertNotNull(posts, where);
        for (TelegramPost p : posts) {
            assertNotNull(p.post(), where);
            assertNotNull(p.post().text(), where);
            assertNotNull(p.post().kind(), where);
            assertNotNull(p.post().author(), where);
            for (String link : p.post().links()) assertNotNull(link, where);
        }
    }

    // --- random update JSON, shaped like the Bot API's with pieces missing, null or wrong ---

    static ObjectNode update(HostileText gen) {
        ObjectNode u = JSON.createObjectNode();
        if (gen.random().nextInt(20) != 0) u.put("update_id", gen.random().nextInt());
        String kind = gen.pick(List.of("message", "message", "message", "edited_message", "channel_post", "edited_channel_post",
                "callback_query", "my_chat_member", "poll", "some_future_kind"));
        if (kind.endsWith("message") || kind.endsWith("post")) u.set(kind, message(gen, 0));
        else u.set(kind, JSON.createObjectNode().put("id", gen.soup()));
        return u;
    }

    static ObjectNode message(HostileText gen, int depth) {
        var r = gen.random();
        ObjectNode m = JSON.createObjectNode();
        switch (r.nextInt(10)) {
            case 0 -> { }                                               // no message_id
            case 1 -> m.put("message_id", -r.nextInt(1000));
            default -> m.put("message_id", r.nextInt(Integer.MAX_VALUE));
        }
        if (r.nextInt(5) != 0) m.put("date", r.nextInt());
        if (r.nextInt(4) == 0) m.put("edit_date", r.nextInt());
        switch (r.nextInt(10)) {
            case 0 -> { }                                               // no chat
            case 1 -> m.putNull("chat");
            default -> m.set("chat", chat(gen));
        }
        switch (r.nextInt(8)) {
            case 0 -> { }
            case 1 -> m.putNull("from");
            default -> m.set("from", user(gen));
        }
        if (r.nextInt(5) == 0) m.set("sender_chat", chat(gen));
        if (r.nextInt(5) == 0 && m.has("chat") && m.get("chat").isObject()) m.set("sender_chat", m.get("chat").deepCopy());
        if (r.nextInt(10) < 7) m.put("text", gen.message());
        if (r.nextInt(5) == 0) m.put("caption", gen.message());
        if (r.nextInt(3) == 0) m.set(r.nextBoolean() ? "entities" : "caption_entities", entities(gen));
        if (r.nextInt(7) == 0) {
            ArrayNode members = m.putArray("new_chat_members");
            for (int k = r.nextInt(6); k > 0; k--) {
                if (r.nextInt(4) == 0) members.addNull();
                else members.add(user(gen));
            }
        }
        if (r.nextInt(6) == 0) m.put("is_automatic_forward", r.nextBoolean());
        if (depth < 12 && r.nextInt(4) == 0) m.set("reply_to_message", message(gen, depth + 1));
        return m;
    }

    static ObjectNode chat(HostileText gen) {
        var r = gen.random();
        ObjectNode c = JSON.createObjectNode();
        c.put("id", r.nextInt(8) == 0 ? r.nextLong() : -1001234567890L + r.nextInt(3));
        c.put("type", gen.pick(List.of("private", "group", "supergroup", "channel", "", "unknown")));
        if (r.nextBoolean()) c.put("title", gen.name());
        if (r.nextBoolean()) c.put("username", gen.name());
        return c;
    }

    static ObjectNode user(HostileText gen) {
        var r = gen.random();
        ObjectNode u = JSON.createObjectNode();
        u.put("id", r.nextInt(8) == 0 ? r.nextLong() : 42 + r.nextInt(5));
        u.put("is_bot", r.nextInt(10) == 0);
        String first = gen.name();
        if (first != null) u.put("first_name", first);
        if (r.nextBoolean()) u.put("last_name", gen.name());
        if (r.nextBoolean()) u.put("username", gen.name());
        if (r.nextBoolean()) u.put("language_code", gen.pick(List.of("en", "zh-hans", "", "xx-YY-zz", gen.soup())));
        return u;
    }

    /** Up to 5,000 entities with any type, offsets and lengths in and out of range, some null. */
    static ArrayNode entities(HostileText gen) {
        var r = gen.random();
        ArrayNode list = JSON.createArrayNode();
        int count = r.nextInt(4) == 0 ? r.nextInt(5001) : r.nextInt(8);
        for (int k = 0; k < count; k++) {
            if (r.nextInt(50) == 0) {
                list.addNull();
                continue;
            }
            ObjectNode e = list.addObject();
            e.put("type", gen.pick(List.of("text_link", "text_link", "url", "mention", "bold", "bot_command", "custom_emoji", "??")));
            e.put("offset", gen.pick(List.of(0, -1, r.nextInt(5000), Integer.MAX_VALUE, Integer.MIN_VALUE)));
            e.put("length", gen.pick(List.of(1, 0, -3, r.nextInt(5000), Integer.MAX_VALUE)));
            if (r.nextInt(3) != 0) e.put("url", gen.pick(List.of("https://examp1e.com/login", "", "javascript:alert(1)", gen.soup())));
        }
        return list;
    }
}
