package io.tidewatch.telegram;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.tidewatch.telegram.TestDetectors.*;
import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

/** The real TelegramBots client and long polling against a fake Bot API on 127.0.0.1. */
class TelegramBotIntegrationTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long ALICE = 42;

    FakeBotApi api;
    Database db;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi();
        db = TestDatabases.h2();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        api.close();
        db.close();
        // whatever a test provoked (429s, failures, shutdown), the bot token is in no log line
        String tokenSecret = BotHarness.TOKEN.substring(BotHarness.TOKEN.indexOf(':') + 1);
        for (ILoggingEvent e : logs.list) {
            assertFalse(e.getFormattedMessage().contains(tokenSecret), "a log line holds the bot token");
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(tokenSecret), "a logged exception holds the bot token");
            }
        }
    }

    private void assertNeverEchoed(String secretPart) throws Exception {
        assertNeverEchoed(api, db, logs.list, secretPart);
    }

    /** The secret is in no API call the bot made, no database row and no log line. */
    static void assertNeverEchoed(FakeBotApi api, Database db, List<ILoggingEvent> logs, String secretPart) throws Exception {
        for (var c : api.calls()) {
            if (c.method().equals("getUpdates")) continue;
            assertFalse(c.body().contains(secretPart), "an API call carried the secret: " + c.method());
        }
        assertFalse(BotHarness.dumpDatabase(db).contains(secretPart), "the database holds the secret");
        for (var e : logs) assertFalse(e.getFormattedMessage().contains(secretPart), "a log line holds the secret");
    }

    @Test
    void leaked_seed_phrase_is_deleted_warned_revoked_alerted_and_never_echoed() throws Exception {
        api.started(ALICE); // she once opened a private chat with the bot: the steps can reach her
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 500, ALICE, "Alice", "my wallet words: " + SEED + " pls help"));
            var delete = api.await("deleteMessage", 1).get(0);
            assertEquals(String.valueOf(GROUP), delete.param("chat_id"));
            assertEquals("500", delete.param("message_id"));
            var sent = api.await("sendMessage", c -> true, 3, WAIT);
            var warning = sent.stream().filter(c -> c.param("chat_id").equals(String.valueOf(GROUP))).findFirst().orElseThrow();
            assertTrue(warning.param("text").contains("tg://user?id=42"), "mentions the user");
            assertEquals("HTML", warning.param("parse_mode"));
            var dm = sent.stream().filter(c -> c.param("chat_id").equals("42")).findFirst().orElseThrow();
            assertTrue(dm.param("text").contains("new wallet"), dm.param("text"));
            var alert = sent.stream().filter(c -> c.param("chat_id").equals(String.valueOf(ALERTS))).findFirst().orElseThrow();
            assertTrue(alert.param("text").contains("****** … (12 words)"), "redacted excerpt, not even the first word");
            assertTrue(alert.param("text").contains("https://t.me/c/1000000003/500"), "link to the message");
            assertTrue(alert.body().contains("tw:ok:") && alert.body().contains("tw:info:"), "alert buttons");
            assertTrue(delete.nanos() <= warning.nanos(), "deleted before warning");
        }
        assertNeverEchoed(SEED_MARK);
        var audit = new AuditLog(db).all();
        assertEquals(java.util.Set.of("DELETE_MESSAGE", "REPLY", "DIRECT_MESSAGE", "ALERT_MODERATORS"),
                audit.stream().map(AuditLog.Entry::action).collect(java.util.stream.Collectors.toSet()));
        assertEquals(4, audit.size());
        assertTrue(audit.stream().allMatch(e -> e.status() == AuditLog.Status.DONE), audit.toString());
        assertTrue(audit.stream().allMatch(e -> e.rule().equals("bip39-seed-phrase")));
    }

    @Test
    void an_owner_who_never_opened_a_private_chat_is_told_in_the_group_where_to_get_the_steps() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 510, ALICE, "Alice", "my wallet words: " + SEED));
            var fallback = api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(GROUP))
                    && c.param("text").contains("/start"), 1, WAIT).get(0);
            assertTrue(fallback.param("text").contains("tg://user?id=42"), fallback.param("text"));
            api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ALERTS)), 1, WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (new AuditLog(db).countPending() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        }
        assertNeverEchoed(SEED_MARK);
        var audit = new AuditLog(db).all();
        assertEquals(AuditLog.Status.FAILED, audit.stream().filter(e -> e.action().equals("DIRECT_MESSAGE")).findFirst()
                .orElseThrow().status(), "403: not retried");
        assertEquals(1, audit.stream().filter(e -> e.action().equals("REPLY") && e.status() == AuditLog.Status.DONE).count(),
                "one warning, saying how to get the steps");
        assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.param("chat_id").equals("42")).count(),
                "the private message was tried once");
    }

    @Test
    void a_leak_added_by_editing_is_deleted() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 600, ALICE, "Alice", "hello"));
            api.push(edited(2, 600, ALICE, "Alice", "hello " + SEED));
            assertEquals("600", api.await("deleteMessage", 1).get(0).param("message_id"));
        }
        assertNeverEchoed(SEED_MARK);
    }

    @Test
    void a_caption_with_a_leak_is_deleted() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            var m = message(610, GROUP, user(ALICE, "Alice", null), null);
            m.put("caption", SEED);
            m.putArray("photo").addObject().put("file_id", "f").put("file_unique_id", "u").put("width", 1).put("height", 1);
            api.push(update(1, "message", m));
            assertEquals("610", api.await("deleteMessage", 1).get(0).param("message_id"));
        }
    }

    @Test
    void a_non_moderator_ban_is_refused_politely_and_a_moderator_ban_works() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            var target = message(700, GROUP, user(99, "Spammer", null), "buy now");
            api.push(replyCommand(1, 701, ALICE, "Alice", "/ban", target));
            var refusal = api.await("sendMessage", c -> c.param("text").contains("only the moderators"), 1, WAIT).get(0);
            assertTrue(refusal.param("text").contains("/ban"));
            api.push(replyCommand(2, 702, MODERATOR, "Anna", "/ban@tidewatch_bot", target));
            var ban = api.await("banChatMember", 1).get(0);
            assertEquals("99", ban.param("user_id"));
            assertEquals(1, api.calls("banChatMember").size(), "the refused /ban did nothing");
        }
        var audit = new AuditLog(db).all();
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("REFUSED") && e.actor().equals("42")));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("BAN") && e.actor().equals(String.valueOf(MODERATOR))));
    }

    @Test
    void a_restart_resumes_after_the_stored_offset_without_repeating_or_losing() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 801, ALICE, "Alice", SEED));
            api.push(groupText(2, 802, ALICE, "Alice", "fine"));
            api.push(groupText(3, 803, ALICE, "Alice", SEED));
            api.await("deleteMessage", 2);
            bot.awaitOffset(3);
        }
        api.push(groupText(4, 804, ALICE, "Alice", SEED));
        int before = api.calls("getUpdates").size();
        try (var bot = BotHarness.start(api, db)) {
            api.await("deleteMessage", 3);
            var firstPoll = api.calls("getUpdates").get(before);
            assertEquals("4", firstPoll.param("offset"));
            bot.awaitOffset(4);
        }
        var deleted = api.calls("deleteMessage").stream().map(c -> c.param("message_id")).toList();
        assertEquals(List.of("801", "803", "804"), deleted);
    }


    @Test
    void a_429_is_retried_after_retry_after() throws Exception {
        api.tooManyRequests("deleteMessage", 1, 1);
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 900, ALICE, "Alice", SEED));
            var attempts = api.await("deleteMessage", c -> true, 2, WAIT);
            long gapMs = (attempts.get(1).nanos() - attempts.get(0).nanos()) / 1_000_000;
            assertTrue(gapMs >= 950, "waited " + gapMs + " ms");
            api.await("sendMessage", c -> true, 3, WAIT);
        }
        var delete = new AuditLog(db).all().stream().filter(e -> e.action().equals("DELETE_MESSAGE")).findFirst().orElseThrow();
        assertEquals(AuditLog.Status.DONE, delete.status());
    }

    @Test
    void a_call_still_rate_limited_after_the_last_attempt_stays_pending_for_later_nothing_is_lost() throws Exception {
        api.tooManyRequests("deleteMessage", 100, 1);
        try (var bot = new BotHarness(api, db, false, Path.of("rules"), null)) {
            api.push(groupText(1, 950, ALICE, "Alice", SEED));
            api.await("deleteMessage", c -> true, 4, Duration.ofSeconds(15));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (new AuditLog(db).takeOverDue("probe", java.time.Instant.now().plus(Duration.ofHours(1)),
                    java.time.Instant.now(), 10).stream().noneMatch(p -> p.action().type() == io.tidewatch.core.Action.Type.DELETE_MESSAGE
                    && p.attempts() >= 1)) {
                if (System.nanoTime() > deadline) fail("the deletion was not kept for a later attempt");
                Thread.sleep(10);
            }
            assertTrue(new AuditLog(db).all().stream().noneMatch(e -> e.action().equals("DELETE_MESSAGE")
                    && e.status() == AuditLog.Status.FAILED));
        }
    }

    @Test
    void a_channel_posting_as_sender_chat_is_banned_as_a_channel_never_the_placeholder_user() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(fromChannel(1, 1000, -1009876543210L, FAKE_SUPPORT, "DM me for help"));
            var ban = api.await("banChatSenderChat", 1).get(0);
            assertEquals("-1009876543210", ban.param("sender_chat_id"));
            api.await("deleteMessage", 1);
            api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ALERTS)), 1, WAIT);
        }
        assertTrue(api.calls("banChatMember").isEmpty());
        assertTrue(api.calls("restrictChatMember").isEmpty());
        assertFalse(api.summary().contains(String.valueOf(UpdateTranslator.CHANNEL_BOT)));
    }

    @Test
    void anonymous_admins_and_official_accounts_are_trusted() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            var anon = message(1100, GROUP, user(UpdateTranslator.GROUP_ANONYMOUS_BOT, "Group", "GroupAnonymousBot"), SEED);
            anon.set("sender_chat", chat(GROUP, "supergroup", "Example Exchange"));
            api.push(update(1, "message", anon));
            api.push(groupText(2, 1101, 5000000001L, "Example Exchange", SEED));
            api.push(groupText(3, 1102, ALICE, "Alice", SEED));
            assertEquals("1102", api.await("deleteMessage", 1).get(0).param("message_id"));
            bot.awaitOffset(3);
        }
        assertEquals(1, api.calls("deleteMessage").size());
    }

    @Test
    void an_impersonator_joining_is_banned_and_the_group_warned_once() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            var join = message(1200, GROUP, user(66, FAKE_SUPPORT, null), null);
            join.putArray("new_chat_members").add(user(66, FAKE_SUPPORT, null));
            api.push(update(1, "message", join));
            api.push(groupText(2, 1201, 66, FAKE_SUPPORT, "hi all"));
            api.await("banChatMember", 1);
            api.await("deleteMessage", 1);
            bot.awaitOffset(2);
            api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ALERTS)), 2, WAIT);
        }
        long warnings = api.calls("sendMessage").stream()
                .filter(c -> c.param("chat_id").equals(String.valueOf(GROUP)) && c.param("text").contains("never DM you first")).count();
        assertEquals(1, warnings);
    }

    @Test
    void a_renamed_member_is_checked_when_the_new_name_first_appears() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 1300, 77, "Bob", "hello"));
            api.push(groupText(2, 1301, 77, FAKE_SUPPORT, "hello again"));
            assertEquals("1301", api.await("deleteMessage", 1).get(0).param("message_id"));
            assertEquals("77", api.await("banChatMember", 1).get(0).param("user_id"));
        }
    }

    @Test
    void dry_run_deletes_and_bans_nothing_but_alerts_and_audits() throws Exception {
        try (var bot = new BotHarness(api, db, true, Path.of("rules"), null)) {
            api.push(groupText(1, 1400, ALICE, "Alice", SEED));
            var alert = api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ALERTS)), 1, WAIT).get(0);
            assertTrue(alert.param("text").contains("DRY RUN"));
            bot.awaitOffset(1);
        }
        assertTrue(api.calls("deleteMessage").isEmpty());
        assertEquals(1, api.calls("sendMessage").size(), "only the alert");
        assertEquals(3, new AuditLog(db).all().stream().filter(e -> e.status() == AuditLog.Status.DRY_RUN).count());
    }

    @Test
    void two_instances_on_one_database_act_once_per_update() throws Exception {
        String shared = "shared" + System.nanoTime();
        Database first = Database.inMemory(shared), second = Database.inMemory(shared);
        try (var a = BotHarness.start(api, first); var b = BotHarness.start(api, second)) {
            for (int i = 1; i <= 20; i++) api.push(groupText(i, 2000 + i, ALICE, "Alice", SEED));
            api.await("deleteMessage", 20);
            a.awaitOffset(20);
            b.awaitOffset(20);
        } finally {
            second.close();
            first.close();
        }
        var ids = api.calls("deleteMessage").stream().map(c -> c.param("message_id")).toList();
        assertEquals(20, ids.size(), "each leak deleted exactly once: " + ids);
        assertEquals(20, ids.stream().distinct().count());
    }

    @Test
    void moderators_can_undo_from_the_alert_and_others_cannot() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 1500, 66, FAKE_SUPPORT, "hi"));
            var alert = api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ALERTS)), 1, WAIT).get(0);
            String undo = alert.json().at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
            int alertId = api.messageIdOf(alert);
            assertTrue(undo.startsWith("tw:undo:"), undo);
            api.push(callback(2, ALICE, ALERTS, alertId, undo));
            var refused = api.await("answerCallbackQuery", 1).get(0);
            assertEquals("true", refused.param("show_alert"));
            api.push(callback(3, MODERATOR, ALERTS, alertId, undo));
            var unban = api.await("unbanChatMember", 1).get(0);
            assertEquals("66", unban.param("user_id"));
            api.push(callback(4, MODERATOR, ALERTS, alertId, undo));
            api.await("answerCallbackQuery", 3);
            bot.awaitOffset(4);
        }
        assertEquals(1, api.calls("unbanChatMember").size(), "undone once");
        assertTrue(new AuditLog(db).all().stream().anyMatch(e -> e.action().equals("BAN") && e.undone()));
    }

    @Test
    void stats_replies_with_a_png_chart() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 1600, ALICE, "Alice", SEED));
            api.await("deleteMessage", 1);
            bot.stores.support().count(java.time.LocalDate.now(java.time.ZoneOffset.UTC), "deposit");
            api.push(groupText(2, 1601, MODERATOR, "Anna", "/stats 7"));
            var photo = api.await("sendPhoto", 1).get(0);
            assertTrue(photo.body().contains("by topic: deposit 1"), "support topic counts in the caption");
            assertTrue(photo.body().contains("\u0089PNG") || photo.body().contains("PNG"), "a PNG upload");
            assertTrue(photo.body().contains("last 7 days"));
        }
    }

    @Test
    void a_bad_rule_file_on_reload_is_refused_with_file_and_line_and_the_old_rules_stay(@TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        try (var bot = new BotHarness(api, db, false, rules, null)) {
            Files.writeString(rules.resolve("policy.yaml"), "secret:\n  delete_at: low\n  nonsense: [\n");
            api.push(groupText(1, 1700, MODERATOR, "Anna", "/reload"));
            var reply = api.await("sendMessage", c -> c.param("text").contains("refused"), 1, WAIT).get(0);
            assertTrue(reply.param("text").matches("(?s).*policy\\.yaml:\\d+.*"), reply.param("text"));
            api.push(groupText(2, 1701, ALICE, "Alice", SEED));
            assertEquals("1701", api.await("deleteMessage", 1).get(0).param("message_id"));
        }
    }

    static Path copyRules(Path dir) throws Exception {
        Path src = Path.of("rules");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dir;
    }

    @Test
    void private_messages_get_the_menu_and_answers_and_topics_are_counted() throws Exception {
        DirectMessageResponder responder = new DirectMessageResponder() {
            @Override
            public Reply answer(Post post, List<Finding> secrets, Instant now) {
                return new Reply(secrets.isEmpty() ? "deposit" : "security",
                        secrets.isEmpty() ? "Deposits arrive after 12 confirmations." : "Revoke it now.",
                        List.of(Button.link("Help center", "https://www.example.com/help")));
            }

            @Override
            public Reply menu(String language) {
                return new Reply(null, "Hi! Pick a topic.", List.of(Button.callback("Deposit", "deposit")));
            }
        };
        try (var bot = new BotHarness(api, db, false, Path.of("rules"), responder)) {
            api.push(privateText(1, 1, 555, "/start"));
            var menu = api.await("sendMessage", c -> c.param("text").contains("Pick a topic"), 1, WAIT).get(0);
            assertEquals("deposit", menu.json().at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
            api.push(privateText(2, 2, 555, "where is my deposit?"));
            api.await("sendMessage", c -> c.param("text").contains("confirmations"), 1, WAIT);
            api.push(privateText(3, 3, 555, "is this safe? " + SEED));
            api.await("sendMessage", c -> c.param("text").contains("Revoke it now"), 1, WAIT);
            bot.awaitOffset(3);
        }
        var counts = bot_stats();
        assertEquals(List.of("deposit", "security"), counts);
        assertNeverEchoed(SEED_MARK);
    }

    private List<String> bot_stats() {
        return new io.tidewatch.store.SupportStats(db).since(java.time.LocalDate.now().minusDays(1)).stream()
                .map(io.tidewatch.store.SupportStats.TopicCount::topic).toList();
    }
}
