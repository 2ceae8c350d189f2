package io.tidewatch.announce;

import io.tidewatch.core.Platform;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once across instances: two {@link Announcements} with their own connection pools on one
 * database, ticking in racing threads, and a crash with a restart. Runs on H2 and on PostgreSQL.
 */
abstract class LedgerScenarios {
    @TempDir Path tmp;
    Fixture fx;
    Database dbA;
    Database dbB;
    MutableClock clock;
    FakePublisher telegram;
    FakePublisher twitter;

    /** Opens a new connection pool on the shared database under test. */
    abstract Database open();

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(tmp);
        dbA = open();
        dbB = open();
        try (Connection c = dbA.dataSource().getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM announcement_part");
            c.createStatement().executeUpdate("DELETE FROM announcement_request");
        }
        clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        telegram = new FakePublisher(Platform.TELEGRAM, clock);
        twitter = new FakePublisher(Platform.TWITTER, clock);
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            zh.append("第").append(i).append("段：").append("维护期间暂停充值和提现，挂单保留。请勿相信任何补偿私信。".repeat(40)).append("\n\n");
            en.append("Paragraph ").append(i).append(": ").append("Deposits and withdrawals pause during the upgrade; open orders stay. ".repeat(20)).append("\n\n");
        }
        fx.write("big.md", Fixture.announcement("big", "targets: [news, group_zh, group_en]\npin: true\npublish_at: 2026-12-01T00:00:00Z", zh.toString(), en.toString()));
        fx.write("thread.md", Fixture.announcement("thread", "targets: [twitter]\npublish_at: 2026-12-01T00:00:00Z",
                "维护期间暂停充值和提现。".repeat(30), "Open orders stay on the book during the upgrade. ".repeat(30)));
        fx.write("small.md", Fixture.announcement("small", "targets: [news, twitter]", "小公告。", "Small notice."));
    }

    @AfterEach
    void tearDown() {
        dbA.close();
        dbB.close();
    }

    Announcements on(Database db) {
        return new Announcements(fx.directory(), new PublishLedger(db), List.of(telegram, twitter), clock,
                Announcements.Settings.defaults());
    }

    @Test
    void two_instances_racing_publish_every_part_exactly_once() throws Exception {
        Announcements a = on(dbA);
        Announcements b = on(dbB);
        a.publishNow("small", "mod");
        int expected = expectedParts(a, "big") + expectedParts(a, "small") + expectedParts(a, "thread");
        assertTrue(expectedParts(a, "big") > 6, "several Telegram messages per language");
        assertTrue(expectedParts(a, "thread") > 4, "threads");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (Announcements instance : List.of(a, b, a, b)) {
            results.add(pool.submit(() -> {
                start.await();
                int sent = 0;
                for (int i = 0; i < 5; i++) sent += instance.publishDue(clock.instant());
                return sent;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) total += f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        total += a.publishDue(clock.instant()) + b.publishDue(clock.instant());

        List<FakePublisher.Sent> all = new ArrayList<>(telegram.sent);
        all.addAll(twitter.sent);
        Set<String> distinct = new HashSet<>();
        for (FakePublisher.Sent s : all) assertTrue(distinct.add(s.target() + "\n" + s.content()), "sent twice: " + s.content());
        assertEquals(expected, all.size());
        assertEquals(expected, total, "the instances' counts add up to what the platforms received");
        assertTrue(a.list().stream().allMatch(s -> s.schedule() == AnnouncementStatus.Schedule.PUBLISHED), a.list().toString());
    }

    @Test
    void crash_then_restart_on_the_other_instance_publishes_once() {
        twitter.crashAfterSendNumber = 3;
        assertThrows(FakePublisher.Crash.class, () -> on(dbA).publishDue(clock.instant()));
        int before = telegram.sent.size() + twitter.sent.size();
        Announcements b = on(dbB);
        clock.set(Instant.parse("2026-12-01T00:05:00Z"));
        b.reconcile(clock.instant());
        int after = before + b.publishDue(clock.instant());
        assertEquals(after, telegram.sent.size() + twitter.sent.size());
        List<FakePublisher.Sent> all = new ArrayList<>(telegram.sent);
        all.addAll(twitter.sent);
        assertEquals(all.size(), all.stream().map(s -> s.target() + "\n" + s.content()).distinct().count());
        // the crash hit the third tweet of "thread" (the only announcement for Twitter): that one must end
        // published with each tweet sent once, the one sent just before the crash included
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, schedule(b, "thread"));
        assertEquals(expectedParts(b, "thread"), twitter.sent.size(), "every tweet of the thread exactly once");
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, schedule(b, "big"));
        assertEquals(expectedParts(b, "big"), telegram.sent.size(), "every Telegram part of big exactly once");
    }

    private static AnnouncementStatus.Schedule schedule(Announcements a, String id) {
        return a.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().schedule();
    }

    private static int expectedParts(Announcements a, String id) {
        AnnouncementStatus s = a.list().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return s.deliveries().stream().mapToInt(AnnouncementStatus.Delivery::parts).sum();
    }
}
