package io.tidewatch.twitter;

import io.tidewatch.detect.Detectors;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.store.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Twitter adapter against the fake X API on loopback, with the real Twitter4J client and the
 * shared pipeline on H2 (a measurement, not a test). Prints:
 * <ol>
 *   <li>calls per minute at rest, per endpoint, from the fake's call log while polling every
 *       {@code EVERY} seconds for {@code MINUTES} minutes with nothing to read, and the same
 *       extrapolated to the default {@code --twitter-every 60};</li>
 *   <li>reply latency, from a help request being served in a mentions page to the account's reply
 *       reaching the server (p50/p90/p99/max): N mentions read one per round, then N read in one round.</li>
 * </ol>
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/jmh-classpath.txt) io.tidewatch.twitter.TwitterRunBench [MINUTES] [EVERY] [N]}
 */
public final class TwitterRunBench {
    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Clock clock = Clock.systemUTC();
        try (FakeXApi fake = new FakeXApi(Instant::now); Database db = Database.inMemory("bench" + System.nanoTime())) {
            ModerationRules.Loader loader = () -> new ModerationRules(Detectors.standard(TwitterRig.RULES, TwitterRig.BRAND, List.of()),
                    Policy.load(TwitterRig.RULES, TwitterRig.BRAND), ChatDirectory.load(TwitterRig.RULES.resolve("chats.yaml")), clock.instant());
            Moderation moderation = new Moderation(TwitterRig.BRAND, loader, db, clock, false);
            CountedPostBudget budget = new CountedPostBudget(db, TwitterRig.SETTINGS, clock);
            XApi api = XApi.connect(new TwitterCredentials(FakeXApi.CONSUMER_KEY, FakeXApi.CONSUMER_SECRET, FakeXApi.ACCESS_TOKEN,
                    FakeXApi.ACCESS_SECRET, fake.url()), budget, Backoff.standard(), d -> Thread.sleep(d.toMillis()), clock);
            TwitterService service = TwitterService.wire(api, budget, moderation, TwitterRig.SUPPORT, TwitterRig.SETTINGS);
            moderation.startResuming(Duration.ofSeconds(2));

            // 1. at rest
            int before = fake.calls().size();
            service.start(Duration.ofSeconds(every));
            long t0 = System.nanoTime();
            Thread.sleep((long) (minutes * 60_000));
            service.polling().close();
            double elapsed = (System.nanoTime() - t0) / 60e9;
            Map<String, Integer> byEndpoint = new TreeMap<>();
            for (FakeXApi.Call c : fake.calls().subList(before, fake.calls().size())) byEndpoint.merge(c.endpoint(), 1, Integer::sum);
            System.out.printf("at rest: polling every %d s for %.2f min%n", every, elapsed);
            byEndpoint.forEach((e, count) -> System.out.printf("  %-40s %6d calls  %7.2f /min  -> %5.2f /min at --twitter-every 60%n",
                    e, count, count / elapsed, count / elapsed * every / 60.0));

            // 2. latency: one help request per round, then N in one round
            TwitterPolling polling = new TwitterPolling(api, new TwitterBot(moderation, TwitterRig.SUPPORT, "ExampleEx"),
                    new PostTranslator(List.of("900000001")), moderation, api.me(), Duration.ofHours(1));
            List<String> single = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String user = String.valueOf(5_000_000 + i);
                fake.user(user, "asker" + i, "Asker " + i);
                single.add(fake.tweet(user, "@ExampleEx my withdrawal " + i + " is stuck, can someone help?", null, "en"));
                polling.pollOnce();
                awaitReply(fake, single.get(i));
            }
            report("one mention per round", fake, single);
            List<String> burst = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String user = String.valueOf(6_000_000 + i);
                fake.user(user, "burst" + i, "Burst " + i);
                burst.add(fake.tweet(user, "@ExampleEx 我的充值 " + i + " 还没到账，怎么办？", null, "zh"));
            }
            polling.pollOnce();
            for (String id : burst) awaitReply(fake, id);
            report(n + " mentions in one round", fake, burst);
            service.close();
            moderation.close();
        }
    }

    private static void awaitReply(FakeXApi fake, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fake.replyLatencyNanos(id) < 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no reply to " + id);
            Thread.sleep(1);
        }
    }

    private static void report(String what, FakeXApi fake, List<String> ids) {
        double[] ms = ids.stream().mapToDouble(id -> fake.replyLatencyNanos(id) / 1e6).sorted().toArray();
        System.out.printf("reply latency, %s (n=%d): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, ms.length,
                pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private TwitterRunBench() {}
}
