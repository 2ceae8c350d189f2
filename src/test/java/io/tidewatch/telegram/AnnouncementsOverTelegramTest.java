package io.tidewatch.telegram;

import io.tidewatch.announce.AnnouncementDirectory;
import io.tidewatch.announce.AnnouncementScheduler;
import io.tidewatch.announce.Announcements;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * /announce from a group and the scheduler publishing through the bot's one outgoing queue: the real
 * announcements facade over a temp announcements directory, the real TelegramBots client, the fake Bot API.
 */
class AnnouncementsOverTelegramTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String ID = "wallet-upgrade";
    static final String TITLE = "Wallet upgrade on 3 December";
    static final String BODY = "Deposits and withdrawals pause for **30 minutes** during the upgrade.";
    static final String EDITED_BODY = "Deposits and withdrawals pause for **45 minutes** during the upgrade.";
    static final long ALICE = 42;

    @TempDir Path dir;
    FakeBotApi api;
    Database db;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi();
        db = TestDatabases.h2();
        write(BODY);
    }

    @AfterEach
    void tearDown() {
        api.close();
        db.close();
    }

    private void write(String body) throws Exception {
        Files.writeString(dir.resolve(ID + ".md"), """
                ---
                id: %s
                title: {en: "%s"}
                targets: ["%d"]
                pin: true
                languages: [en]
                tags: [maintenance]
                ---

                ## en

                %s
                """.formatted(ID, TITLE, GROUP, body));
    }

    /** What `run` builds: the directory, the ledger in the bot's database, a publisher over the bot's queue. */
    private Announcements announcements(BotHarness bot) {
        var files = AnnouncementDirectory.of(dir, BotHarness.BRAND, Path.of("rules/brand.yaml"), Path.of("rules"), host -> false);
        return new Announcements(files, new PublishLedger(db), List.of(new TelegramAnnouncementPublisher(bot.service.queue(), 30)),
                Clock.systemUTC(), Announcements.Settings.defaults());
    }

    private BotHarness start() throws Exception {
        return BotHarness.start(api, db);
    }

    private FakeBotApi.Call reply(String contains) throws InterruptedException {
        return api.await("sendMessage", c -> c.param("text") != null && c.param("text").contains(contains), 1, WAIT).get(0);
    }

    /** The sendMessage calls made while {@code action} ran (a tick is synchronous: it waits for Telegram's answers). */
    private List<FakeBotApi.Call> sentDuring(Runnable action) {
        int before = api.calls("sendMessage").size();
        action.run();
        var all = api.calls("sendMessage");
        return all.subList(before, all.size());
    }

    private String publishedMessageId() {
        var parts = new PublishLedger(db).parts(ID);
        assertEquals(1, parts.size(), parts.toString());
        assertNotNull(parts.get(0).messageId());
        return parts.get(0).messageId();
    }

    @Test
    void a_moderator_lists_publishes_once_edits_and_cancels_and_nobody_else_can() throws Exception {
        try (var bot = start()) {
            Announcements announcements = announcements(bot);
            bot.service.bot().enableAnnouncements(announcements);
            var scheduler = new AnnouncementScheduler(announcements, Duration.ofMinutes(1));

            api.push(groupText(1, 10, MODERATOR, "Anna", "/announce list"));
            var list = reply("Announcements (1)");
            assertTrue(list.param("text").contains("<code>" + ID + "</code>"), list.param("text"));
            assertTrue(list.param("text").contains("draft"), list.param("text"));
            assertTrue(list.param("text").contains(TITLE), list.param("text"));

            api.push(groupText(2, 11, ALICE, "Alice", "/announce publish " + ID));
            assertTrue(reply("only the moderators").param("text").contains("/announce"));
            bot.awaitOffset(2);
            assertEquals(0, scheduler.tick(), "a refused request makes nothing due");

            api.push(groupText(3, 12, MODERATOR, "Anna", "/announce publish " + ID));
            reply("is due now");

            var sent = sentDuring(() -> assertEquals(1, scheduler.tick()));
            assertEquals(1, sent.size(), api.summary());
            var post = sent.get(0);
            assertEquals(String.valueOf(GROUP), post.param("chat_id"));
            assertEquals("HTML", post.param("parse_mode"));
            assertTrue(post.param("text").contains(TITLE), post.param("text"));
            assertTrue(post.param("text").contains("<b>30 minutes</b>"), "the Markdown rendered as HTML: " + post.param("text"));
            String messageId = publishedMessageId();
            var pin = api.await("pinChatMessage", 1).get(0);
            assertEquals(String.valueOf(GROUP), pin.param("chat_id"));
            assertEquals(messageId, pin.param("message_id"));

            assertTrue(sentDuring(() -> assertEquals(0, scheduler.tick())).isEmpty(), "a second tick sends nothing");
            assertTrue(sentDuring(() -> assertEquals(0, announcements(bot).publishDue(Instant.now()))).isEmpty(),
                    "a restarted scheduler sends nothing");
            assertEquals(1, api.calls("pinChatMessage").size());

            write(EDITED_BODY);
            assertTrue(sentDuring(() -> assertEquals(0, scheduler.tick())).isEmpty(), "an edit is no new message");
            var edit = api.await("editMessageText", 1).get(0);
            assertEquals(String.valueOf(GROUP), edit.param("chat_id"));
            assertEquals(messageId, edit.param("message_id"));
            assertEquals("HTML", edit.param("parse_mode"));
            assertTrue(edit.param("text").contains("<b>45 minutes</b>"), edit.param("text"));
            scheduler.tick();
            assertEquals(1, api.calls("editMessageText").size(), "edited once");

            api.push(groupText(4, 13, ALICE, "Alice", "/announce cancel " + ID));
            bot.awaitOffset(4);
            assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.param("text").contains("only the moderators")).count(),
                    "a second refusal within a minute is silent (audited only)");
            assertTrue(api.calls("unpinChatMessage").isEmpty(), "a refused cancel unpins nothing");

            api.push(groupText(5, 14, MODERATOR, "Anna", "/announce cancel " + ID));
            reply("is cancelled");
            var unpin = api.await("unpinChatMessage", 1).get(0);
            assertEquals(String.valueOf(GROUP), unpin.param("chat_id"));
            assertEquals(messageId, unpin.param("message_id"));
            assertTrue(sentDuring(() -> assertEquals(0, scheduler.tick())).isEmpty());
            assertEquals(1, api.calls("unpinChatMessage").size(), "unpinned once");

            api.push(groupText(6, 15, MODERATOR, "Anna", "/announce list"));
            var again = api.await("sendMessage", c -> c.param("text").contains("Announcements (1)"), 2, WAIT).get(1);
            assertTrue(again.param("text").contains("cancelled"), again.param("text"));
        }
        var audit = new AuditLog(db).all();
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("ANNOUNCE_PUBLISH") && e.actor().equals(String.valueOf(MODERATOR))),
                audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("ANNOUNCE_CANCEL") && e.actor().equals(String.valueOf(MODERATOR))));
        assertEquals(2, audit.stream().filter(e -> e.action().equals("REFUSED") && e.actor().equals(String.valueOf(ALICE))).count());
    }

    @Test
    void a_published_announcement_is_not_sent_again_after_the_bot_restarts() throws Exception {
        try (var bot = start()) {
            Announcements announcements = announcements(bot);
            bot.service.bot().enableAnnouncements(announcements);
            api.push(groupText(1, 10, MODERATOR, "Anna", "/announce publish " + ID));
            reply("is due now");
            assertEquals(1, new AnnouncementScheduler(announcements, Duration.ofMinutes(1)).tick());
        }
        try (var bot = start()) {
            Announcements announcements = announcements(bot);
            bot.service.bot().enableAnnouncements(announcements);
            assertEquals(0, announcements.reconcile(Instant.now()));
            assertEquals(0, new AnnouncementScheduler(announcements, Duration.ofMinutes(1)).tick());
            api.push(groupText(2, 11, MODERATOR, "Anna", "/announce list"));
            var list = reply("Announcements (1)");
            assertTrue(list.param("text").contains("published") && list.param("text").contains("1/1 parts sent"), list.param("text"));
        }
        long posts = api.calls("sendMessage").stream().filter(c -> c.param("text").contains("<b>30 minutes</b>")).count();
        assertEquals(1, posts, api.summary());
        assertEquals(1, api.calls("pinChatMessage").size());
    }

    @Test
    void preview_sends_the_rendered_html_as_it_would_be_published_and_publishes_nothing() throws Exception {
        try (var bot = start()) {
            Announcements announcements = announcements(bot);
            bot.service.bot().enableAnnouncements(announcements);
            api.push(groupText(1, 10, MODERATOR, "Anna", "/announce preview " + ID));
            var summary = reply("Preview of " + ID);
            assertTrue(summary.param("text").contains("no problems"), summary.param("text"));
            var part = reply("<b>30 minutes</b>");
            assertEquals("HTML", part.param("parse_mode"));
            assertTrue(part.param("text").contains(TITLE));
            assertEquals(announcements.preview(ID).telegram().get(0), part.param("text"));
            assertTrue(part.nanos() < summary.nanos(), "the parts come before the summary");

            assertEquals(0, new AnnouncementScheduler(announcements, Duration.ofMinutes(1)).tick(), "a preview makes nothing due");
        }
        assertTrue(api.calls("pinChatMessage").isEmpty());
    }

    @Test
    void unknown_ids_and_bad_arguments_get_a_clear_answer() throws Exception {
        try (var bot = start()) {
            bot.service.bot().enableAnnouncements(announcements(bot));
            api.push(groupText(1, 10, MODERATOR, "Anna", "/announce publish no-such-thing"));
            assertTrue(reply("Refused").param("text").contains("no-such-thing"));
            api.push(groupText(2, 11, MODERATOR, "Anna", "/announce publish"));
            reply("Use /announce list");
            api.push(groupText(3, 12, MODERATOR, "Anna", "/announce frobnicate " + ID));
            api.await("sendMessage", c -> c.param("text").contains("Use /announce list"), 2, WAIT);
        }
        assertTrue(new PublishLedger(db).requests().isEmpty(), "nothing was requested");
    }

    @Test
    void an_announcement_with_problems_is_previewed_with_them_and_refused_for_publishing() throws Exception {
        Files.writeString(dir.resolve("bad-link.md"), """
                ---
                id: bad-link
                title: {en: "Fees <&> limits"}
                targets: ["%d"]
                languages: [en]
                tags: [campaign]
                ---

                ## en

                Claim your bonus at [our partner](https://example-bonus.net/claim).
                """.formatted(GROUP));
        try (var bot = start()) {
            Announcements announcements = announcements(bot);
            bot.service.bot().enableAnnouncements(announcements);
            api.push(groupText(1, 10, MODERATOR, "Anna", "/announce@tidewatch_bot list"));
            var list = reply("Announcements (2)");
            assertTrue(list.param("text").contains("Fees &lt;&amp;&gt; limits"), "titles are escaped: " + list.param("text"));
            assertTrue(list.param("text").contains("invalid"), list.param("text"));

            api.push(groupText(2, 11, MODERATOR, "Anna", "/announce preview bad-link"));
            var preview = reply("Preview of bad-link");
            assertTrue(preview.param("text").contains("example-bonus.net"), "names the problem: " + preview.param("text"));

            api.push(groupText(3, 12, MODERATOR, "Anna", "/announce publish bad-link"));
            var refused = reply("Refused: bad-link has problems");
            assertTrue(refused.param("text").contains("example-bonus.net"), refused.param("text"));
            assertTrue(sentDuring(() -> assertEquals(0, new AnnouncementScheduler(announcements, Duration.ofMinutes(1)).tick()))
                    .isEmpty());
        }
    }

    @Test
    void a_moderator_whose_app_speaks_chinese_gets_the_chinese_texts() throws Exception {
        try (var bot = start()) {
            bot.service.bot().enableAnnouncements(announcements(bot));
            api.push(inChinese(groupText(1, 10, MODERATOR, "Anna", "/announce list")));
            assertTrue(reply("公告（1）").param("text").contains(ID));
            api.push(inChinese(groupText(2, 11, MODERATOR, "Anna", "/announce")));
            api.await("sendMessage", c -> c.param("text").contains("公告（1）"), 2, WAIT);
            api.push(inChinese(groupText(3, 12, MODERATOR, "Anna", "/announce preview")));
            reply("用法");
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode inChinese(com.fasterxml.jackson.databind.node.ObjectNode update) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) update.at("/message/from")).put("language_code", "zh-hans");
        return update;
    }

}
