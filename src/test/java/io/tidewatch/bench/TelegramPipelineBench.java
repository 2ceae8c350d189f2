package io.tidewatch.bench;

import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Database;
import io.tidewatch.store.Stores;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.telegram.FakeBotApiAccess;
import io.tidewatch.telegram.LongPolling;
import io.tidewatch.telegram.OutgoingQueue;
import io.tidewatch.telegram.RateLimits;
import io.tidewatch.telegram.TelegramBot;
import io.tidewatch.telegram.TelegramUrls;
import io.tidewatch.telegram.UpdateConsumer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole Telegram bot against the fake Bot API on loopback, with the real TelegramBots client and
 * long polling (a measurement, not a test). Prints:
 * <ol>
 *   <li>throughput: N clean messages, and N leaks (each: claim, detect, policy, incident + 4 audited
 *       calls: delete, warning, DM, alert), pushed at once, until the last call reached the server;</li>
 *   <li>latency: for leaks sent one at a time, from the batch arriving at the consumer to its
 *       deleteMessage reaching the server (p50/p90/p99/max).</li>
 * </ol>
 * Rate limits are lifted (Telegram's ~30 calls/s would otherwise be the whole story).
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/jmh-classpath.txt) io.tidewatch.bench.TelegramPipelineBench [N]}
 */
public final class TelegramPipelineBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String token = "123456:BENCH-not-a-real-token";
        var brand = BrandProfileReader.read(Path.of("rules/brand.yaml"));
        ModerationRules.Loader loader = () -> new ModerationRules(FakeBotApiAccess.testDetectors(), Policy.load(Path.of("rules"), brand),
                ChatDirectory.defaultsOnly(), Instant.now());
        var texts = TextCatalog.load(Path.of("rules/telegram"));
        try (var api = FakeBotApiAccess.start(); Database db = Database.inMemory("bench" + System.nanoTime())) {
            var url = TelegramUrls.parse(api.url());
            var client = new org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient(token, url);
            var queue = new OutgoingQueue(client, RateLimits.Config.unlimited(), OutgoingQueue.Retries.defaults());
            var stores = Stores.on(db);
            var bot = new TelegramBot(new Moderation(brand, loader, db, Clock.systemUTC(), false), queue, texts, null,
                    "tidewatch_bot");
            var consumer = new UpdateConsumer(stores.updates(), "telegram:bench", bot, 4, Clock.systemUTC());
            Map<Integer, Long> arrived = new ConcurrentHashMap<>();
            Map<Integer, Long> deleted = new ConcurrentHashMap<>();
            java.util.concurrent.Semaphore deletes = new java.util.concurrent.Semaphore(0);
            api.onDelete((messageId, nanos) -> {
                deleted.put(messageId, nanos);
                deletes.release();
            });
            LongPolling.Batches probe = new LongPolling.Batches() {
                public long storedOffset() { return consumer.storedOffset(); }

                public boolean consume(java.util.List<org.telegram.telegrambots.meta.api.objects.Update> updates) {
                    long now = System.nanoTime();
                    for (var u : updates) arrived.put(u.getUpdateId(), now);
                    return consumer.consume(updates);
                }
            };
            var pollClient = new org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient(token, url);
            try (var polling = new LongPolling(pollClient, probe, 1)) {
                polling.start();
                long id = 0;
                // warm-up
                for (int i = 0; i < 300; i++) api.pushGroupMessage(++id, true);
                deletes.acquire(300);
                api.awaitCalls("sendMessage", 900, Duration.ofMinutes(2));

                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) api.pushGroupMessage(++id, false);
                while (consumer.storedOffset() < id) Thread.onSpinWait();
                double clean = n / ((System.nanoTime() - t0) / 1e9);

                int sendsBefore = api.count("sendMessage");
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) api.pushGroupMessage(++id, true);
                deletes.acquire(n);
                api.awaitCalls("sendMessage", sendsBefore + 3 * n, Duration.ofMinutes(5));
                double leaks = n / ((System.nanoTime() - t0) / 1e9);

                int samples = Math.max(1000, n / 2);
                long[] latency = new long[samples];
                for (int i = 0; i < samples; i++) {
                    long update = ++id;
                    api.pushGroupMessage(update, true);
                    deletes.acquire();
                    latency[i] = deleted.get(10_000 + (int) update) - arrived.get((int) update);
                }
                api.awaitCalls("sendMessage", sendsBefore + 3 * n + 3 * samples, Duration.ofMinutes(1));

                // the same, but each leak arrives once the previous one's warning, DM and alert are out:
                // the delay of the pipeline itself, without queueing behind the previous leak's calls
                long[] isolated = new long[samples];
                int sends = api.count("sendMessage");
                for (int i = 0; i < samples; i++) {
                    long update = ++id;
                    api.pushGroupMessage(update, true);
                    deletes.acquire();
                    isolated[i] = deleted.get(10_000 + (int) update) - arrived.get((int) update);
                    sends += 3;
                    api.awaitCalls("sendMessage", sends, Duration.ofMinutes(1));
                }
                Arrays.sort(isolated);
                Arrays.sort(latency);
                System.out.printf("clean messages: %,.0f updates/s (N=%d)%n", clean, n);
                System.out.printf("leaks (4 audited calls each): %,.0f updates/s (N=%d)%n", leaks, n);
                System.out.printf("update at consumer -> deleteMessage at server, %d leaks one at a time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        samples, ms(latency, 0.50), ms(latency, 0.90), ms(latency, 0.99), latency[samples - 1] / 1e6);
                System.out.printf("the same, each leak after the previous one's calls are out: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        ms(isolated, 0.50), ms(isolated, 0.90), ms(isolated, 0.99), isolated[samples - 1] / 1e6);
            } finally {
                consumer.close();
                queue.drain(Duration.ofSeconds(30));
            }
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
