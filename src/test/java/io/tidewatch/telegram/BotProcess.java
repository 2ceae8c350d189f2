package io.tidewatch.telegram;

import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A bot in a process of its own, for tests that kill it (SIGKILL) and start it again on the same
 * database: {@code BotProcess API_URL DB_URL}. Prints "ready" once polling.
 */
public final class BotProcess {
    public static void main(String[] args) throws Exception {
        String api = args[0];
        Database db = Database.open(args[1], "sa", "");
        var brand = BotHarness.BRAND;
        Path rules = Path.of("rules");
        ModerationRules.Loader loader = () -> new ModerationRules(TestDetectors.forIntegration(brand), Policy.load(rules, brand),
                ChatDirectory.load(rules.resolve("chats.yaml")), Clock.systemUTC().instant());
        Moderation moderation = new Moderation(brand, loader, db, Clock.systemUTC(), false,
                new Moderation.Settings(Duration.ofSeconds(2)));
        var options = TelegramService.Options.polling(BotHarness.TOKEN, TelegramUrls.parse(api)).withPollTimeout(1)
                .withLimits(RateLimits.Config.telegramDefaults(), new OutgoingQueue.Retries(4, Duration.ofMillis(50), Duration.ofSeconds(1)));
        TelegramService service = TelegramService.start(options, moderation, TextCatalog.load(rules.resolve("telegram")), null);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            moderation.close();
            db.close();
            stop.countDown();
        }));
        System.out.println("ready");
        System.out.flush();
        stop.await();
    }
}
