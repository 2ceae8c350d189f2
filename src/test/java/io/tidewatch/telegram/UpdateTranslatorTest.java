package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidewatch.core.PostKind;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

class UpdateTranslatorTest {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    final UpdateTranslator translator = new UpdateTranslator();

    private TelegramPost one(ObjectNode update) throws Exception {
        var posts = translator.translate(JSON.treeToValue(update, Update.class));
        assertEquals(1, posts.size());
        return posts.get(0);
    }

    @Test
    void a_group_message_becomes_a_group_post_with_author_and_language() throws Exception {
        var p = one(groupText(1, 5, 42, "Alice", "hello"));
        assertEquals(PostKind.GROUP, p.post().kind());
        assertEquals("42", p.post().author().id());
        assertEquals("Alice", p.post().author().name());
        assertEquals("en", p.post().language());
        assertEquals(String.valueOf(GROUP), p.post().chat());
        assertEquals("https://t.me/c/1000000003/5", p.link());
    }

    @Test
    void text_link_entities_become_links() throws Exception {
        var update = groupText(1, 5, 42, "Alice", "click here");
        var e = ((ObjectNode) update.get("message")).putArray("entities").addObject();
        e.put("type", "text_link").put("offset", 6).put("length", 4).put("url", "https://examp1e.com/login");
        assertEquals(java.util.List.of("https://examp1e.com/login"), one(update).post().links());
    }

    @Test
    void a_post_on_behalf_of_a_channel_names_the_channel_not_the_placeholder() throws Exception {
        var p = one(fromChannel(1, 5, -100777, "Fake News", "hi"));
        assertEquals(-100777L, p.senderChatId());
        assertEquals("-100777", p.post().author().id());
        assertEquals("Fake News", p.post().author().name());
        assertFalse(p.anonymousAdmin());
    }

    @Test
    void an_anonymous_admin_is_recognised_by_sender_chat_being_the_chat_itself() throws Exception {
        var m = message(5, GROUP, user(UpdateTranslator.GROUP_ANONYMOUS_BOT, "Group", "GroupAnonymousBot"), "rules!");
        m.set("sender_chat", chat(GROUP, "supergroup", "Example Exchange"));
        var p = one(update(1, "message", m));
        assertTrue(p.anonymousAdmin());
        assertNull(p.senderChatId());
    }

    @Test
    void each_new_member_is_a_join_post_judged_by_name() throws Exception {
        var m = message(5, GROUP, user(1, "A", null), null);
        m.putArray("new_chat_members").add(user(2, "Bob", "bob")).add(user(3, "Carol", null));
        var posts = translator.translate(JSON.treeToValue(update(1, "message", m), Update.class));
        assertEquals(2, posts.size());
        assertEquals(PostKind.JOIN, posts.get(0).post().kind());
        assertEquals("bob", posts.get(0).post().author().username());
        assertEquals("3", posts.get(1).post().author().id());
    }

    @Test
    void channel_posts_private_messages_and_edits_are_read() throws Exception {
        var cp = message(9, -100888, null, "news");
        cp.set("chat", chat(-100888, "channel", "News"));
        cp.set("sender_chat", chat(-100888, "channel", "News"));
        var channel = one(update(1, "channel_post", cp));
        assertEquals(PostKind.CHANNEL, channel.post().kind());
        assertFalse(channel.anonymousAdmin(), "channel posts are judged (a leak there is removed)");
        assertEquals(PostKind.DM, one(privateText(2, 1, 42, "hi")).post().kind());
        var edited = one(edited(3, 5, 42, "Alice", "changed"));
        assertTrue(edited.edited());
        assertEquals("changed", edited.post().text());
    }

    @Test
    void a_reply_carries_the_replied_message_for_commands() throws Exception {
        var target = message(4, GROUP, user(99, "Spammer", null), "spam");
        var p = one(replyCommand(1, 5, 5000000101L, "Anna", "/ban", target));
        assertEquals("99", p.replyTo().post().author().id());
    }

    @Test
    void api_urls_are_parsed_into_scheme_host_and_port() {
        var u = TelegramUrls.parse("http://127.0.0.1:8081");
        assertEquals("http", u.getSchema());
        assertEquals("127.0.0.1", u.getHost());
        assertEquals(8081, u.getPort());
        assertEquals(443, TelegramUrls.parse("https://api.example.org").getPort());
        assertEquals("api.telegram.org", TelegramUrls.parse(null).getHost());
        assertThrows(IllegalArgumentException.class, () -> TelegramUrls.parse("ftp://x"));
        assertEquals("123456", TelegramUrls.botId("123456:ABC"));
    }

    @Test
    void an_invalid_api_url_is_explained_without_repeating_it() {
        String token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        for (String value : new String[]{token, "https://" + token, "http://api.example.org/bot" + token,
                "https://" + token + "@api.example.org", "https://api.example.org:" + token, "htt p://" + token,
                "https://api.example.org?token=" + token, "ftp://" + token}) {
            var e = assertThrows(IllegalArgumentException.class, () -> TelegramUrls.parse(value), value);
            assertTrue(e.getMessage().startsWith("TELEGRAM_API_URL "), e.getMessage());
            for (int i = 0; i + 6 <= token.length(); i++) {
                assertFalse(e.getMessage().contains(token.substring(i, i + 6)), "echoes the value: " + e.getMessage());
            }
        }
    }
}
