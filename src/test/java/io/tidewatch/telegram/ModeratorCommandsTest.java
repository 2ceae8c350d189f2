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

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

/** The moderators' commands, end to end through the fake Bot API. */
class ModeratorCommandsTest {
    static final Duration WAIT = Duration.ofSeconds(10);
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

    private FakeBotApi.Call reply(String contains) throws InterruptedException {
        return api.await("sendMessage", c -> c.param("text") != null && c.param("text").contains(contains), 1, WAIT).get(0);
    }

    @Test
    void mute_with_a_duration_unban_trust_allow_incidents_and_dry_run() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            var target = message(10, GROUP, user(99, "Spammer", null), "spam");
            api.push(replyCommand(1, 11, MODERATOR, "Anna", "/mute 2h", target));
            var mute = api.await("restrictChatMember", 1).get(0);
            assertEquals("99", mute.param("user_id"));
            long until = mute.json().path("until_date").asLong();
            long expected = java.time.Instant.now().plus(Duration.ofHours(2)).getEpochSecond();
            assertTrue(Math.abs(until - expected) < 60, "muted for two hours");
            assertFalse(mute.json().at("/permissions/can_send_messages").asBoolean(true));
            reply("is muted");

            api.push(replyCommand(2, 30, MODERATOR, "Anna", "/warn", target));
            assertTrue(reply("a moderator has warned you").param("text").contains("tg://user?id=99"));

            api.push(groupText(3, 12, MODERATOR, "Anna", "/unban 99"));
            assertEquals("true", api.await("unbanChatMember", 1).get(0).param("only_if_banned"));
            reply("may join again");

            api.push(groupText(4, 13, MODERATOR, "Anna", "/trust 4242"));
            reply("is trusted");
            api.push(groupText(5, 14, MODERATOR, "Anna", "/trust @someone"));
            reply("numeric id");
            api.push(groupText(6, 15, MODERATOR, "Anna", "/allow @Real_Support"));
            reply("will not be flagged");

            api.push(groupText(7, 16, 4242, "Trusted Tom", SEED));
            api.push(groupText(8, 17, 43, "Eve", SEED));
            assertEquals("17", api.await("deleteMessage", 1).get(0).param("message_id"), "the trusted account is left alone");

            api.push(groupText(9, 18, MODERATOR, "Anna", "/incidents 3"));
            var list = reply("Last 1 incidents");
            assertTrue(list.param("text").contains("bip39-seed-phrase"));
            assertFalse(list.param("text").contains(TestDetectors.SEED_MARK));

            api.push(groupText(10, 19, MODERATOR, "Anna", "/dryrun on"));
            reply("Dry run is");
            api.push(groupText(11, 20, 44, "Mallory", SEED));
            api.await("sendMessage", c -> c.param("text").contains("DRY RUN"), 1, WAIT);
            api.push(groupText(12, 21, MODERATOR, "Anna", "/mute 3 parsecs"));
            reply("cannot read");
            api.push(groupText(13, 22, MODERATOR, "Anna", "/help"));
            reply("Moderator commands");
        }
        assertEquals(1, api.calls("deleteMessage").size(), "nothing deleted in dry run");
        var trust = new TrustList(db);
        assertTrue(trust.has(Platform.TELEGRAM, "4242", TrustList.Kind.TRUST));
        assertTrue(trust.has(Platform.TELEGRAM, "@real_support", TrustList.Kind.ALLOW));
        var audit = new AuditLog(db).all();
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("RESTRICT") && e.actor().equals(String.valueOf(MODERATOR))));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("TRUST")));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("DRY_RUN")));
    }

    @Test
    void every_moderator_command_is_refused_for_others_in_their_language() throws Exception {
        try (var bot = BotHarness.start(api, db)) {
            String[] commands = {"/status", "/incidents", "/allow @x", "/trust 1", "/warn", "/mute", "/ban 5", "/unban 5",
                    "/reload", "/stats", "/help", "/dryrun on", "/lang zh"};
            // a different person each time: one person is answered at most once a minute
            for (int i = 0; i < commands.length; i++) api.push(groupText(i + 1, 100 + i, 42 + 100 * i, "Alice", commands[i]));
            var zh = update(99, "message", message(200, GROUP, user(43, "李", null), "/ban 5"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) zh.get("message").get("from")).put("language_code", "zh-hans");
            api.push(zh);
            api.await("sendMessage", c -> c.param("text").contains("only the moderators"), commands.length, WAIT);
            api.await("sendMessage", c -> c.param("text").contains("只有本社区的管理员"), 1, WAIT);
        }
        for (String m : new String[]{"banChatMember", "unbanChatMember", "restrictChatMember", "sendPhoto"}) {
            assertTrue(api.calls(m).isEmpty(), m);
        }
    }

    @Test
    void chat_admins_count_as_moderators_when_configured(@TempDir Path dir) throws Exception {
        Path rules = TelegramBotIntegrationTest.copyRules(dir);
        Files.writeString(rules.resolve("chats.yaml"), "moderators_from_chat_admins: true\nchats: [{id: \"" + GROUP + "\"}]\n");
        try (var bot = new BotHarness(api, db, false, rules, null)) {
            api.push(groupText(1, 1, 31337, "Owner", "/ban 99"));
            api.await("banChatMember", 1);
            api.push(groupText(2, 2, 31337, "Owner", "/unban 99"));
            api.await("unbanChatMember", 1);
        }
        assertEquals(1, api.calls("getChatAdministrators").size(), "cached");
    }
}
