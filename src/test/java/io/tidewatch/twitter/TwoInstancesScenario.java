package io.tidewatch.twitter;

import io.tidewatch.store.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the bot on one database, reading the same mentions and DM events at the same time:
 * every leak is hidden once, every help request and DM answered once. Run on a shared H2 (everywhere)
 * and on PostgreSQL (when {@code TIDEWATCH_TEST_PG_URL} is set).
 */
final class TwoInstancesScenario {
    static final String OWNER = "900000001";

    private TwoInstancesScenario() {}

    static void run(Database first, Database second) throws Exception {
        try (XApiHarness x = new XApiHarness(); TwitterRig a = new TwitterRig(x, first); TwitterRig b = new TwitterRig(x, second)) {
            FakeXApi fake = x.api;
            String official = fake.tweet(OWNER, "New listing today.", null, "en");
            List<String> leaks = new ArrayList<>();
            List<String> asks = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 5; i++) {
                    String id = "3" + round + i;
                    fake.user(id, "user" + id, "User " + id);
                    if (i == 0) leaks.add(fake.tweet(id, "@ExampleEx backup 5JUs9iowtfHsHMNDQ9GTjPkAFs9US4KoxWfoLyAUFbVTyKjMEUJ", official, "en"));
                    else if (i == 4) fake.dm(id, "my deposit has not arrived, what should I do?");
                    else asks.add(fake.tweet(id, "@ExampleEx my withdrawal is stuck, can someone help?", null, "en"));
                }
                CompletableFuture<?> pa = CompletableFuture.runAsync(a::poll);
                CompletableFuture<?> pb = CompletableFuture.runAsync(b::poll);
                CompletableFuture.allOf(pa, pb).join();
            }
            for (int i = 0; i < 3; i++) { // what was busy at the other instance is settled on a later round
                a.pollAndSettle();
                b.pollAndSettle();
            }
            a.awaitSettled();
            b.awaitSettled();

            for (String leak : leaks) assertTrue(fake.isHidden(leak), leak);
            long hides = fake.calls("PUT /2/tweets/:id/hidden").stream().filter(c -> c.status() == 200).count();
            assertEquals(leaks.size(), hides, "each leak hidden once");
            List<String> answered = fake.tweetsBy(OWNER).stream().filter(t -> t.repliedTo() != null).map(FakeXApi.Tweet::repliedTo).toList();
            assertEquals(asks.size(), answered.size(), "each help request answered once: " + answered);
            assertTrue(answered.containsAll(asks));
            // one DM per asker and one revocation DM per leak
            assertEquals(4 + leaks.size(), fake.dmsFrom(OWNER).size(), fake.dmsFrom(OWNER).toString());
        }
    }
}
