package io.tidewatch.telegram;

import io.tidewatch.announce.PublishException;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Database;
import io.tidewatch.store.Stores;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

class WebhookAndPublisherTest {
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

    @Test
    void the_webhook_sets_a_secret_token_and_accepts_only_posts_carrying_it() throws Exception {
        var brand = BotHarness.BRAND;
        ModerationRules.Loader loader = () -> new ModerationRules(TestDetectors.forIntegration(brand), Policy.load(Path.of("rules"), brand),
                ChatDirectory.load(Path.of("rules/chats.yaml")), Instant.now());
        var moderation = new Moderation(brand, loader, db, Clock.systemUTC(), false);
        var options = TelegramService.Options.polling(BotHarness.TOKEN, TelegramUrls.parse(api.url()))
                .withWebhook("https://bot.example.com/tg/hook", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (moderation; var service = TelegramService.start(options, moderation, TextCatalog.load(Path.of("rules/telegram")), null)) {
            var set = api.await("setWebhook", 1).get(0);
            String secret = set.param("secret_token");
            assertEquals("https://bot.example.com/tg/hook", set.param("url"));
            assertTrue(secret != null && secret.length() >= 32);
            HttpClient http = HttpClient.newHttpClient();
            URI hook = URI.create("http://127.0.0.1:" + service.webhookPort() + "/tg/hook");
            String body = groupText(7, 3000, 42, "Alice", SEED).toString();
            var wrong = http.send(HttpRequest.newBuilder(hook).header(WebhookServer.SECRET_HEADER, "guess")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());
            var missing = http.send(HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, missing.statusCode());
            assertTrue(api.calls("deleteMessage").isEmpty());
            var ok = http.send(HttpRequest.newBuilder(hook).header(WebhookServer.SECRET_HEADER, secret)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals("3000", api.await("deleteMessage", 1).get(0).param("message_id"));
            // Telegram redelivers when unsure: the claim keeps it from being acted on twice
            http.send(HttpRequest.newBuilder(hook).header(WebhookServer.SECRET_HEADER, secret)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(1, api.calls("deleteMessage").size());
        assertTrue(api.calls("getUpdates").isEmpty(), "no polling in webhook mode");
    }

    private OutgoingQueue queue(int maxAttempts) {
        var client = new OkHttpTelegramClient(BotHarness.TOKEN, TelegramUrls.parse(api.url()));
        return new OutgoingQueue(client, RateLimits.Config.telegramDefaults(),
                new OutgoingQueue.Retries(maxAttempts, Duration.ofMillis(20), Duration.ofMillis(100)));
    }

    @Test
    void an_announcement_is_sent_as_html_pinned_edited_and_unpinned() throws Exception {
        try (var queue = queue(3)) {
            var publisher = new TelegramAnnouncementPublisher(queue, 10);
            String id = publisher.send("-100555", "<b>Maintenance</b> at 02:00 UTC", null, true);
            var send = api.await("sendMessage", 1).get(0);
            assertEquals("HTML", send.param("parse_mode"));
            var pin = api.await("pinChatMessage", 1).get(0);
            assertEquals(id, pin.param("message_id"));
            assertTrue(publisher.edit("-100555", id, "<b>Maintenance</b> moved to 03:00 UTC"));
            assertEquals(id, api.await("editMessageText", 1).get(0).param("message_id"));
            publisher.unpin("-100555", id);
            assertEquals(id, api.await("unpinChatMessage", 1).get(0).param("message_id"));
            String reply = publisher.send("-100555", "part 2", id, false);
            assertNotEquals(id, reply);
            assertEquals(id, api.calls("sendMessage").get(1).param("reply_to_message_id"));
        }
    }

    @Test
    void find_sent_recognises_the_pinned_part_and_otherwise_cannot_tell() throws Exception {
        try (var queue = queue(3)) {
            var publisher = new TelegramAnnouncementPublisher(queue, 10);
            Instant since = Instant.now().minusSeconds(60);
            var pinned = FakeBotApi.JSON.createObjectNode();
            pinned.put("message_id", 4242);
            pinned.put("date", Instant.now().getEpochSecond());
            pinned.set("chat", chat(-100555, "channel", "News"));
            pinned.put("text", "Maintenance at 02:00 UTC");
            api.pin(pinned);
            assertEquals(Optional.of("4242"), publisher.findSent("-100555", "<b>Maintenance</b> at 02:00 UTC", since));
            assertThrows(PublishException.Unknowable.class, () -> publisher.findSent("-100555", "Something else", since));
        }
    }

    @Test
    void a_429_outlasting_the_retries_is_a_retryable_publish_error() throws Exception {
        api.tooManyRequests("sendMessage", 10, 1);
        try (var queue = queue(2)) {
            var publisher = new TelegramAnnouncementPublisher(queue, 10);
            var e = assertThrows(PublishException.class, () -> publisher.send("-100555", "hi", null, false));
            assertTrue(e.retryable());
            assertEquals(2, api.calls("sendMessage").size());
        }
    }

    @Test
    void a_refused_call_is_a_permanent_publish_error() throws Exception {
        // nothing listens on this port: a network error, retried with back-off, then retryable
        var client = new OkHttpTelegramClient(BotHarness.TOKEN, TelegramUrls.parse("http://127.0.0.1:1"));
        try (var queue = new OutgoingQueue(client, RateLimits.Config.telegramDefaults(),
                new OutgoingQueue.Retries(3, Duration.ofMillis(10), Duration.ofMillis(40)))) {
            var publisher = new TelegramAnnouncementPublisher(queue, 10);
            var e = assertThrows(PublishException.class, () -> publisher.send("-100555", "hi", null, false));
            assertTrue(e.retryable(), "network errors may work later");
        }
    }
}
