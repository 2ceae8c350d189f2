package io.tidewatch.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/** A fake X API and a real client (Twitter4J pair + signed calls) pointed at it, with recorded back-off sleeps. */
final class XApiHarness implements AutoCloseable {
    final TestClock clock = new TestClock(Instant.parse("2026-12-01T08:00:00Z"));
    final FakeXApi api;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 4, (RandomGenerator) new Random(7));

    XApiHarness() throws Exception {
        api = new FakeXApi(clock::instant);
    }

    TwitterCredentials credentials() {
        return new TwitterCredentials(FakeXApi.CONSUMER_KEY, FakeXApi.CONSUMER_SECRET, FakeXApi.ACCESS_TOKEN,
                FakeXApi.ACCESS_SECRET, api.url());
    }

    XApi client(PostBudget budget) {
        return XApi.connect(credentials(), budget, backoff, sleeps::add, clock);
    }

    XApi client() { return client(PostBudget.unlimited()); }

    @Override
    public void close() { api.close(); }
}
