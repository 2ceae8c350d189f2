package io.tidewatch.telegram;

import io.tidewatch.core.Platform;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import io.tidewatch.store.TrustList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13: nobody gains moderator powers from a chat of their own. Bot-wide powers belong to the
 * ids in brand.yaml; chat admins and anonymous admins act on their own guarded chat only; alert
 * buttons are bound to their alert.
 */
class AuthorityTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long STRANGERS_GROUP = -1009999999999L;
    static final String BAIT = "DM me for support, I will fix your withdrawal";
    FakeBotApi api;
    Database db;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi();
        db = TestDatabases.h2();
    }

    @AfterEach
    void tearDown() {
        api.close();
        db.close();
    }

    private static Path rules(Path dir, String chatsYaml) throws Exception {
        Path rules = TelegramBotIntegrationTest.copyRules(dir);
        Files.writeString(rules.resolve("chats.yaml"), chatsYaml);
        return rules;
    }

    @Test
    void a_strangers_group_gains_nothing_and_is_left() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(botAdded(1, STRANGERS_GROUP, 777));
            api.push(asGroup(2, 10, STRANGERS_GROUP, "/trust 777"));
            api.push(inChat(3, 11, STRANGERS_GROUP, 777, "Eve", "/allow 777"));
            var leave = api.await("leaveChat", 1).get(0);
            assertEquals(String.valueOf(STRANGERS_GROUP), leave.param("chat_id"));
            bot.awaitOffset(3);
            // the bait from 777 in the official group is still removed: 777 was trusted nowhere
            api.push(groupText(4, 12, 777, "Eve", BAIT));
            assertEquals("12", api.await("deleteMessage", 1).get(0).param("message_id"));
            bot.awaitOffset(4);
        }
        assertEquals(1, api.calls("leaveChat").size(), "left once");
        assertTrue(new TrustList(db).all().isEmpty(), "no account trusted or allowed");
        assertTrue(api.calls("sendMessage").stream().noneMatch(c -> String.valueOf(STRANGERS_GROUP).equals(c.param("chat_id"))),
                "nothing said in the stranger's group");
    }

    @Test
    void an_anonymous_admin_counts_only_where_its_guarded_chat_allows_and_only_for_that_chat(@TempDir Path dir) throws Exception {
        Path rules = rules(dir, "chats:\n  - {id: \"" + GROUP + "\", anonymous_admins: true}\n  - {id: \"-1001000000002\"}\n");
        try (var bot = new BotHarness(api, db, false, rules, null)) {
            api.push(asGroup(1, 10, GROUP, "/trust 777"));           // bot-wide: refused
            api.push(asGroup(2, 11, -1001000000002L, "/ban 99"));    // a chat that does not allow it: refused
            api.push(asGroup(3, 12, GROUP, "/ban 98"));              // its own chat, chat-scoped: done
            var ban = api.await("banChatMember", 1).get(0);
            assertEquals("98", ban.param("user_id"));
            assertEquals(String.valueOf(GROUP), ban.param("chat_id"));
            bot.awaitOffset(3);
        }
        assertEquals(1, api.calls("banChatMember").size());
        assertTrue(new TrustList(db).all().isEmpty());
        var audit = new AuditLog(db).all();
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("BAN") && e.actor().equals("anonymous-admin@" + GROUP)),
                "the audit log says an anonymous admin of the chat did it, not a person: " + audit);
        assertEquals(2, audit.stream().filter(e -> e.status() == AuditLog.Status.REFUSED).count());
    }

    @Test
    void chat_admins_act_on_their_own_chat_only(@TempDir Path dir) throws Exception {
        // the fake answers getChatAdministrators with user 31337 as the creator of every chat
        Path rules = rules(dir, "moderators_from_chat_admins: true\nchats: [{id: \"" + GROUP + "\"}]\n");
        try (var bot = new BotHarness(api, db, false, rules, null)) {
            for (String bw : new String[]{"/trust 777", "/allow 777", "/incidents", "/reload", "/stats"}) {
                api.push(groupText(bw.hashCode() & 0xffff, 1, 31337, "Owner", bw));
            }
            api.push(inChat(100_000, 2, STRANGERS_GROUP, 31337, "Owner", "/ban 99")); // their own, unlisted group
            api.push(groupText(100_001, 3, 31337, "Owner", "/mute 98"));
            assertEquals("98", api.await("restrictChatMember", 1).get(0).param("user_id"));
            api.await("leaveChat", 1);
            bot.awaitOffset(100_001);
        }
        assertTrue(api.calls("banChatMember").isEmpty());
        assertTrue(api.calls("sendPhoto").isEmpty(), "no /stats chart");
        assertTrue(new TrustList(db).all().isEmpty());
        assertEquals(5, new AuditLog(db).all().stream().filter(e -> e.status() == AuditLog.Status.REFUSED).count());
    }

    @Test
    void forged_or_misplaced_alert_buttons_do_nothing() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 1500, 66, TestDetectors.FAKE_SUPPORT, "hi"));
            var alert = api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ALERTS)), 1, WAIT).get(0);
            String undo = alert.json().at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
            String info = alert.json().at("/reply_markup/inline_keyboard/0/2/callback_data").asText();
            int alertId = api.messageIdOf(alert);
            api.await("banChatMember", 1);
            String token = undo.substring("tw:undo:".length());
            for (int i = 0; i < 500 && bot.stores.alertButtons().find(token).orElseThrow().messageId() == null; i++) {
                Thread.sleep(10); // the button is bound to its message once Telegram answered the send
            }
            assertEquals(String.valueOf(alertId), bot.stores.alertButtons().find(token).orElseThrow().messageId());

            api.push(callback(2, MODERATOR, ALERTS, alertId, "tw:info:1"));            // an incident id, not a token
            api.push(callback(3, MODERATOR, ALERTS, alertId, "tw:undo:1"));
            api.push(callback(4, MODERATOR, STRANGERS_GROUP, alertId, undo));           // right token, another chat
            api.push(callback(5, MODERATOR, ALERTS, alertId + 1, undo));                // right token, another message
            api.push(callback(6, 31337, ALERTS, alertId, undo));                         // not a listed moderator
            api.await("answerCallbackQuery", 5);
            bot.awaitOffset(6);
            assertTrue(api.calls("unbanChatMember").isEmpty(), "nothing undone: " + api.summary());
            assertTrue(api.calls("answerCallbackQuery").stream().noneMatch(c -> String.valueOf(c.param("text")).contains("#")),
                    "no incident details shown");

            api.push(callback(7, MODERATOR, ALERTS, alertId, info));
            var details = api.await("answerCallbackQuery", c -> "cb7".equals(c.param("callback_query_id")), 1, WAIT).get(0);
            assertTrue(details.param("text").contains("impersonation"), details.param("text"));
            api.push(callback(8, MODERATOR, ALERTS, alertId, undo));
            assertEquals("66", api.await("unbanChatMember", 1).get(0).param("user_id"));
            bot.awaitOffset(8);
        }
        assertEquals(5, new AuditLog(db).all().stream().filter(e -> e.status() == AuditLog.Status.REFUSED).count());
    }

    @Test
    void edited_commands_are_not_run_again_and_commands_for_other_bots_are_ignored() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(edited(1, 10, MODERATOR, "Anna", "/ban 91"));
            api.push(groupText(2, 11, MODERATOR, "Anna", "/ban@OtherBot 92"));
            api.push(groupText(3, 12, MODERATOR, "Anna", "/ban@Tidewatch_Bot 93"));
            assertEquals("93", api.await("banChatMember", 1).get(0).param("user_id"));
            bot.awaitOffset(3);
        }
        assertEquals(1, api.calls("banChatMember").size());
    }

    @Test
    void a_person_is_refused_aloud_at_most_once_a_minute() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            for (int i = 1; i <= 30; i++) api.push(groupText(i, 100 + i, 42, "Alice", "/ban " + i));
            bot.awaitOffset(30);
        }
        assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.param("text").contains("only the moderators")).count());
        assertEquals(30, new AuditLog(db).all().stream().filter(e -> e.status() == AuditLog.Status.REFUSED).count());
        assertTrue(new TrustList(db).all().stream().noneMatch(e -> e.platform() == Platform.TELEGRAM));
    }
}
