package io.tidewatch.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

/** Issue 13: a stranger's private message cannot stall the bot; a secret inside another finding goes nowhere. */
class HostileInputTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    FakeBotApi api;
    Database db;
    ListAppender<ILoggingEvent> logs;
    Level rootLevel;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi();
        db = TestDatabases.h2();
        logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE); // every level: nothing may hold the secret, not even debug lines
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        api.close();
        db.close();
    }

    @Test
    void a_stuck_private_message_never_holds_up_a_deletion_in_a_group() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(1);
        DirectMessageResponder slow = new DirectMessageResponder() {
            @Override
            public Reply answer(Post post, List<Finding> secrets, Instant now) {
                stuck.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS); // a handler that hangs on hostile input
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Reply("general", "ok", List.of());
            }

            @Override
            public Reply menu(String language) { return new Reply(null, "menu", List.of()); }
        };
        try (var bot = new BotHarness(api, db, false, Path.of("rules"), slow)) {
            api.push(privateText(1, 10, 4242, "@".repeat(4096)));
            assertTrue(stuck.await(10, TimeUnit.SECONDS), "the private message is being answered");
            api.push(groupText(2, 20, 42, "Alice", "my words " + SEED));
            api.push(groupText(3, 21, 43, "Bob", "another leak " + SEED));
            var deletes = api.await("deleteMessage", c -> true, 2, WAIT);
            assertEquals(1, release.getCount(), "deleted while the private message was still stuck");
            assertEquals(List.of("20", "21"), deletes.stream().map(c -> c.param("message_id")).sorted().toList());
            release.countDown();
            api.await("sendMessage", c -> c.param("chat_id").equals("4242"), 1, WAIT);
        }
    }

    @Test
    void a_password_in_a_scam_message_reaches_no_table_log_alert_or_api_call() throws Exception {
        String password = "Hunter2024!";
        try (var bot = BotHarness.start(api, db)) {
            api.push(groupText(1, 30, 66, "Mallory", "pm me my password is " + password + " and I will fix your withdrawal problem"));
            api.await("deleteMessage", 1);
            var alert = api.await("sendMessage", c -> c.param("chat_id").equals(String.valueOf(ALERTS)), 1, WAIT).get(0);
            // the moderator opens the incident's details from the alert: that text must be clean too
            String info = alert.json().at("/reply_markup/inline_keyboard/0/1/callback_data").asText();
            if (!info.startsWith("tw:info:")) info = alert.json().at("/reply_markup/inline_keyboard/0/2/callback_data").asText();
            api.push(callback(2, MODERATOR, ALERTS, api.messageIdOf(alert), info));
            api.push(groupText(3, 31, MODERATOR, "Anna", "/incidents"));
            api.await("answerCallbackQuery", 1);
            api.await("sendMessage", c -> String.valueOf(c.param("text")).contains("incidents"), 1, WAIT);
            bot.awaitOffset(3);
        }
        List<String> windows = new ArrayList<>();
        for (int i = 0; i + 6 <= password.length(); i++) windows.add(password.substring(i, i + 6));
        for (var c : api.calls()) {
            if (c.method().equals("getUpdates")) continue;
            for (String w : windows) assertFalse(c.body().contains(w), c.method() + " carried '" + w + "': " + c.body());
        }
        String everything = everyValueOfEveryTable(db);
        for (String w : windows) assertFalse(everything.contains(w), "a table holds '" + w + "'");
        assertFalse(logs.list.isEmpty());
        for (ILoggingEvent e : logs.list) {
            for (String w : windows) {
                assertFalse(e.getFormattedMessage().contains(w), "a log line holds '" + w + "': " + e.getFormattedMessage());
                for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    assertFalse(String.valueOf(t.getMessage()).contains(w), "a logged exception holds '" + w + "'");
                }
            }
        }
    }

    /** Every value of every table the migrations made, found through INFORMATION_SCHEMA (new tables included). */
    static String everyValueOfEveryTable(Database db) throws Exception {
        StringBuilder sb = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        assertTrue(tables.size() >= 10, "tables found: " + tables);
        try (Connection c = db.dataSource().getConnection()) {
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append('|');
                }
            }
        }
        return sb.toString();
    }
}
