package io.tidewatch.telegram;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.Category;
import io.tidewatch.store.Database;
import io.tidewatch.store.SupportStats;
import io.tidewatch.store.TestDatabases;
import io.tidewatch.support.SecretRequestCheck;
import io.tidewatch.support.SupportResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.TestDetectors.SEED_MARK;
import static io.tidewatch.telegram.Updates.callback;
import static io.tidewatch.telegram.Updates.privateText;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The real support responder (rules/support + rules/brand.yaml) answering private chats through the
 * bot, the real TelegramBots client and long polling against the fake Bot API.
 */
class SupportInPrivateChatTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String LIVE_CHAT = "https://www.example.com/support/chat";
    static final String HELP_CENTER = "https://www.example.com/help";
    static final String EMAIL = "support@example.com";

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
    }

    private BotHarness bot() throws Exception {
        var support = new SupportDirectMessages(SupportResponder.load(Path.of("rules"), BotHarness.BRAND));
        return new BotHarness(api, db, false, Path.of("rules"), support);
    }

    /** The one answer sent into the private chat {@code chat}. */
    private FakeBotApi.Call answerTo(long chat) throws InterruptedException {
        return api.await("sendMessage", c -> String.valueOf(chat).equals(c.param("chat_id")), 1, WAIT).get(0);
    }

    private static List<JsonNode> buttons(FakeBotApi.Call call) {
        List<JsonNode> out = new ArrayList<>();
        call.json().at("/reply_markup/inline_keyboard").forEach(row -> row.forEach(out::add));
        return out;
    }

    private static void assertAsksForNoSecret(FakeBotApi.Call call) {
        assertEquals(List.of(), SecretRequestCheck.violations(call.param("text")), "an answer asks for a secret");
    }

    @Test
    void start_shows_the_menu_and_the_email_button_answers_with_the_email_instructions() throws Exception {
        try (var bot = bot()) {
            api.push(privateText(1, 1, 601, "/start"));
            var menu = answerTo(601);
            assertEquals("HTML", menu.param("parse_mode"));
            assertTrue(menu.param("text").contains("Welcome to Example Exchange support"), menu.param("text"));
            Map<String, String> urls = buttons(menu).stream().filter(b -> b.has("url"))
                    .collect(Collectors.toMap(b -> b.get("text").asText(), b -> b.get("url").asText()));
            assertTrue(urls.containsValue(LIVE_CHAT), "a live chat link: " + urls);
            assertTrue(urls.containsValue(HELP_CENTER), "a help center link: " + urls);
            List<String> data = buttons(menu).stream().filter(b -> b.has("callback_data"))
                    .map(b -> b.get("callback_data").asText()).toList();
            assertEquals(List.of("sup:email:en", "sup:verify:en", "sup:report:en"), data);
            assertAsksForNoSecret(menu);

            api.push(callback(2, 601, 601, "sup:email:en"));
            api.await("answerCallbackQuery", 1);
            var email = api.await("sendMessage", c -> "601".equals(c.param("chat_id")), 2, WAIT).get(1);
            String text = email.param("text");
            assertTrue(text.startsWith("✉️ <b>Email</b>: " + EMAIL), "the email instructions, nothing else: " + text);
            assertTrue(text.contains("business days") && text.contains("spam folder"), text);
            assertFalse(text.contains("Hi! I'm"), "not answered as a free-text question: " + text);
            assertAsksForNoSecret(email);
        }
    }

    @Test
    void a_deposit_question_gets_every_official_channel_and_is_counted_as_deposit() throws Exception {
        try (var bot = bot()) {
            api.push(privateText(1, 1, 602, "I deposited USDT 3 hours ago and it's still not in my account"));
            var answer = answerTo(602);
            String text = answer.param("text");
            assertEquals("HTML", answer.param("parse_mode"));
            assertTrue(text.contains("Deposit not credited"), text);
            assertTrue(text.contains(LIVE_CHAT), "live chat: " + text);
            assertTrue(text.contains(EMAIL), "email: " + text);
            assertTrue(text.contains(HELP_CENTER), "help center: " + text);
            assertTrue(text.contains("TX ID"), "what to prepare: " + text);
            assertAsksForNoSecret(answer);
            assertFalse(buttons(answer).isEmpty(), "channel buttons under the answer");
            awaitCount("deposit");
        }
    }

    @Test
    void a_chinese_withdrawal_question_is_answered_in_chinese_and_counted_as_withdrawal() throws Exception {
        try (var bot = bot()) {
            api.push(privateText(1, 1, 603, "我的提现一直在处理中"));
            var answer = answerTo(603);
            String text = answer.param("text");
            assertTrue(text.contains("您好"), "the Chinese greeting: " + text);
            assertTrue(text.contains("提现未到账或失败"), "the Chinese withdrawal title: " + text);
            assertTrue(text.contains(LIVE_CHAT) && text.contains(EMAIL), text);
            assertFalse(text.contains("Hi! I'm"), "no English: " + text);
            assertAsksForNoSecret(answer);
            awaitCount("withdrawal");
        }
    }

    @Test
    void a_seed_phrase_in_a_private_chat_gets_the_urgent_warning_is_recorded_and_never_echoed() throws Exception {
        try (var bot = bot()) {
            api.push(privateText(1, 1, 604, "is this wallet safe? " + SEED));
            var answer = answerTo(604);
            String text = answer.param("text");
            assertTrue(text.startsWith("🚨 <b>URGENT: your message contains a secret (a seed phrase).</b>"), text);
            assertTrue(text.contains("new wallet"), "the revocation steps: " + text);
            assertTrue(text.contains(LIVE_CHAT), text);
            assertAsksForNoSecret(answer);
            var incidents = bot.stores.incidents().recent(10);
            assertEquals(1, incidents.size(), incidents.toString());
            assertEquals(Category.SECRET, incidents.get(0).category());
            assertEquals("604", incidents.get(0).chat());
            assertEquals("604", incidents.get(0).accountId());
            assertEquals("bip39-seed-phrase", incidents.get(0).rule());
            bot.awaitOffset(1);
        }
        assertTrue(api.calls("deleteMessage").isEmpty(), "a private chat is answered, not moderated");
        TelegramBotIntegrationTest.assertNeverEchoed(api, db, logs.list, SEED_MARK);
    }

    @Test
    void the_verify_and_report_buttons_answer_with_the_official_accounts_and_how_to_report() throws Exception {
        try (var bot = bot()) {
            api.push(privateText(1, 1, 605, "/help"));
            api.push(callback(2, 605, 605, "sup:verify:en"));
            api.push(callback(3, 605, 605, "sup:report:en"));
            var sent = api.await("sendMessage", c -> "605".equals(c.param("chat_id")), 3, WAIT);
            var verify = sent.stream().filter(c -> c.param("text").contains("Is it really us?")).findFirst().orElseThrow();
            assertTrue(verify.param("text").contains("@ExampleExchange"), "the official accounts: " + verify.param("text"));
            assertTrue(sent.stream().anyMatch(c -> c.param("text").contains("Report a scammer")), api.summary());
            for (var c : sent) assertAsksForNoSecret(c);
        }
    }

    @Test
    void a_chinese_app_gets_the_chinese_menu_and_its_buttons_answer_in_chinese() throws Exception {
        try (var bot = bot()) {
            var start = privateText(1, 1, 606, "/start");
            ((com.fasterxml.jackson.databind.node.ObjectNode) start.at("/message/from")).put("language_code", "zh-hans");
            api.push(start);
            var menu = answerTo(606);
            assertTrue(menu.param("text").contains("support@example.com"), menu.param("text"));
            assertTrue(menu.param("text").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "Chinese: " + menu.param("text"));
            List<String> data = buttons(menu).stream().filter(b -> b.has("callback_data"))
                    .map(b -> b.get("callback_data").asText()).toList();
            assertEquals(List.of("sup:email:zh", "sup:verify:zh", "sup:report:zh"), data);
            api.push(callback(2, 606, 606, "sup:email:zh"));
            var email = api.await("sendMessage", c -> "606".equals(c.param("chat_id")), 2, WAIT).get(1);
            assertTrue(email.param("text").contains(EMAIL), email.param("text"));
            assertFalse(email.param("text").contains("business days"), "not English: " + email.param("text"));
        }
    }

    @Test
    void html_in_a_question_is_escaped_so_telegram_accepts_the_answer() throws Exception {
        try (var bot = bot()) {
            api.push(privateText(1, 1, 607, "my deposit <b>never</b> arrived & the <a href=\"x\">page</a> says pending"));
            String text = answerTo(607).param("text");
            assertFalse(text.contains("<a href=\"x\">"), text);
            assertFalse(text.contains("<b>never</b>"), text);
            assertFalse(text.matches("(?s).*&(?!amp;|lt;|gt;|quot;|#\\d+;).*"), "every & is an entity: " + text);
            assertTrue(text.contains(HELP_CENTER), text);
        }
    }

    private void awaitCount(String topic) throws InterruptedException {
        var stats = new SupportStats(db);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (stats.since(today.minusDays(1)).stream().noneMatch(t -> t.topic().equals(topic) && t.answered() == 1)) {
            if (System.nanoTime() > deadline) fail("topic " + topic + " never counted: " + stats.since(today.minusDays(1)));
            Thread.sleep(10); // the count is written just before the answer is queued
        }
    }

}
