package io.tidewatch.telegram;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Database;
import io.tidewatch.store.Stores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;

/** One running bot wired to a {@link FakeBotApi}: the real client, long polling, queue and store. */
final class BotHarness implements AutoCloseable {
    static final String TOKEN = "123456:TEST-not-a-real-token";
    static final BrandProfile BRAND = BrandProfileReader.read(Path.of("rules/brand.yaml"));

    final Stores stores;
    final Moderation moderation;
    final TelegramService service;

    BotHarness(FakeBotApi api, Database db, boolean dryRun, Path rulesDir, DirectMessageResponder responder) throws Exception {
        this(api, db, dryRun, rulesDir, responder, RateLimits.Config.telegramDefaults());
    }

    BotHarness(FakeBotApi api, Database db, boolean dryRun, Path rulesDir, DirectMessageResponder responder,
               RateLimits.Config limits) throws Exception {
        stores = Stores.on(db);
        ModerationRules.Loader loader = () -> new ModerationRules(TestDetectors.forIntegration(BRAND), Policy.load(rulesDir, BRAND),
                ChatDirectory.load(rulesDir.resolve("chats.yaml")), Clock.systemUTC().instant());
        moderation = new Moderation(BRAND, loader, db, Clock.systemUTC(), dryRun);
        var options = TelegramService.Options.polling(TOKEN, TelegramUrls.parse(api.url()))
                .withPollTimeout(1)
                .withLimits(limits, new OutgoingQueue.Retries(4, Duration.ofMillis(50), Duration.ofSeconds(1)));
        service = TelegramService.start(options, moderation, TextCatalog.load(rulesDir.resolve("telegram")), responder);
    }

    static BotHarness start(FakeBotApi api, Database db) throws Exception {
        return new BotHarness(api, db, false, Path.of("rules"), null);
    }

    /** Every value in every table, concatenated: for "the secret never reaches the database". */
    static String dumpDatabase(Database db) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = db.dataSource().getConnection()) {
            for (String table : new String[]{"incident", "audit_log", "processed_update", "polling_offset", "trusted_account",
                    "seen_name", "support_topic_count", "chat_setting", "once_marker"}) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append('|');
                }
            }
        }
        return sb.toString();
    }

    /** Waits until the consumer stored an offset at or past {@code offset} (every update up to it handled). */
    void awaitOffset(long offset) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (service.consumer().storedOffset() < offset) {
            if (System.nanoTime() > deadline) throw new AssertionError("offset never reached " + offset);
            Thread.sleep(5); // a volatile counter the consumer advances after each batch
        }
    }

    @Override
    public void close() {
        service.close();
        moderation.close();
    }
}
