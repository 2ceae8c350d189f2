package io.tidewatch.bench;

import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Database;
import io.tidewatch.telegram.FakeBotApiAccess;
import io.tidewatch.telegram.OutgoingQueue;
import io.tidewatch.telegram.RateLimits;
import io.tidewatch.telegram.TelegramService;
import io.tidewatch.telegram.TelegramUrls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A raid in one group, end to end: the real client, polling, parallel inspection, moderation, the
 * action log on H2 and the outgoing queue with Telegram's own limits, against the fake Bot API on
 * 127.0.0.1. N messages are pushed at R per second, one in 100 a leak from a new account (most never
 * opened a private chat with the bot, as in a real raid). Reported: pushed → deleteMessage received
 * (p50/p90/p99/max), messages per minute into the group and the moderators' chat, how long the
 * individual warnings took, how many went out as summaries, and clean throughput.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/jmh-classpath.txt) io.tidewatch.bench.TelegramPipelineBench [N] [R]}
 * (build the class path with {@code bash .ci/jmh -h}).
 */
public final class TelegramPipelineBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String token = "123456:BENCH-not-a-real-token";
        var brand = BrandProfileReader.read(Path.of("rules/brand.yaml"));
        ModerationRules.Loader loader = () -> new ModerationRules(FakeBotApiAccess.testDetectors(), Policy.load(Path.of("rules"), brand),
                ChatDirectory.load(Path.of("rules/chats.yaml")), Instant.now());
        try (var api = FakeBotApiAccess.start(); Database db = Database.inMemory("bench" + System.nanoTime())) {
            Map<Integer, Long> pushed = new ConcurrentHashMap<>();
            Map<Integer, Long> deleted = new ConcurrentHashMap<>();
            List<FakeBotApiAccess.Sent> sent = new CopyOnWriteArrayList<>();
            api.onDeleteAndSend((messageId, nanos) -> deleted.putIfAbsent(messageId, nanos), sent::add);
            Moderation moderation = new Moderation(brand, loader, db, Clock.systemUTC(), false);
            var options = TelegramService.Options.polling(token, TelegramUrls.parse(api.url())).withPollTimeout(1)
                    .withLimits(RateLimits.Config.telegramDefaults(), OutgoingQueue.Retries.defaults());
            try (var service = TelegramService.start(options, moderation, TextCatalog.load(Path.of("rules/telegram")), null)) {
                // warm-up: clean chat, so the JIT has seen the path
                long id = 0;
                for (int i = 0; i < 3_000; i++) api.pushGroupMessage(++id, 100 + i % 500, false);
                awaitOffset(service, id);

                long cleanStart = System.nanoTime();
                for (int i = 0; i < n; i++) api.pushGroupMessage(++id, 100 + i % 500, false);
                awaitOffset(service, id);
                double clean = n / ((System.nanoTime() - cleanStart) / 1e9);

                List<Integer> leaks = new ArrayList<>();
                long interval = 1_000_000_000L / rate;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) LockSupport.parkNanos(Math.max(1, (due - System.nanoTime()) / 2));
                    boolean leak = i % 100 == 50;
                    long update = ++id;
                    long user = leak ? 1_000_000 + i : 100 + i % 500;
                    pushed.put(10_000 + (int) update, System.nanoTime());
                    api.pushGroupMessage(update, user, leak);
                    if (leak) leaks.add(10_000 + (int) update);
                }
                double pushRate = n / ((System.nanoTime() - start) / 1e9);
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (!deleted.keySet().containsAll(leaks) && System.nanoTime() < deadline) Thread.sleep(20);
                awaitOffset(service, id);
                Thread.sleep(130_000); // the raid's warnings and alerts go out (or go stale) at Telegram's pace
                long[] latency = leaks.stream().filter(deleted::containsKey)
                        .mapToLong(m -> deleted.get(m) - pushed.get(m)).sorted().toArray();
                String group = String.valueOf(FakeBotApiAccess.group());
                String alerts = brand.moderators().alertsChat();
                System.out.printf("clean chat: %,.0f updates/s (N=%d)%n", clean, n);
                System.out.printf("raid: %d messages pushed at %,.0f/s, %d leaks; %d deleted%n", n, pushRate, leaks.size(), latency.length);
                System.out.printf("pushed -> deleteMessage received: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        ms(latency, 0.50), ms(latency, 0.90), ms(latency, 0.99), latency[latency.length - 1] / 1e6);
                System.out.printf("group: %d messages (busiest minute %d); moderators' chat: %d (busiest minute %d)%n",
                        count(sent, group), busiestMinute(sent, group), count(sent, alerts), busiestMinute(sent, alerts));
                long[] warned = sent.stream().filter(s -> s.chat().equals(group) && s.text().contains("tg://user?id="))
                        .mapToLong(s -> s.nanos() - start).sorted().toArray();
                System.out.printf("individual warnings: %d, sent %.1f s .. %.1f s after the raid began; summaries: %d%n",
                        warned.length, warned.length == 0 ? 0 : warned[0] / 1e9, warned.length == 0 ? 0 : warned[warned.length - 1] / 1e9,
                        sent.stream().filter(s -> s.chat().equals(group) && !s.text().contains("tg://user?id=")).count());
                System.out.printf("the outgoing queue: %d sent, %d failed, %d dropped (stale or over the cap), %d folded%n",
                        service.queue().sentCount(), service.queue().failedCount(), service.queue().droppedCount(),
                        service.queue().foldedCount());
            } finally {
                moderation.close();
            }
        }
    }

    private static void awaitOffset(TelegramService service, long id) throws InterruptedException {
        while (service.consumer().storedOffset() < id) Thread.sleep(2);
    }

    private static long count(List<FakeBotApiAccess.Sent> sent, String chat) {
        return sent.stream().filter(s -> s.chat().equals(chat)).count();
    }

    private static int busiestMinute(List<FakeBotApiAccess.Sent> sent, String chat) {
        long[] t = sent.stream().filter(s -> s.chat().equals(chat)).mapToLong(FakeBotApiAccess.Sent::nanos).sorted().toArray();
        int best = 0;
        for (int i = 0, j = 0; j < t.length; j++) {
            while (t[j] - t[i] >= 60_000_000_000L) i++;
            best = Math.max(best, j - i + 1);
        }
        return best;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
