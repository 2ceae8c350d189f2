package io.tidewatch.announce;

import io.tidewatch.core.Platform;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnouncementSchedulerTest {
    @TempDir Path tmp;

    @Test
    void publishes_due_announcements_on_its_own_thread_until_closed() throws Exception {
        Fixture fx = new Fixture(tmp);
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:01Z"));
        FakePublisher fake = new FakePublisher(Platform.TELEGRAM, clock);
        CountDownLatch twoSent = new CountDownLatch(2);
        Publisher counting = new Publisher() {
            public Platform platform() { return Platform.TELEGRAM; }
            public String send(String t, String c, String r, boolean p) throws PublishException {
                String id = fake.send(t, c, r, p);
                twoSent.countDown();
                return id;
            }
            public boolean edit(String t, String m, String c) { return fake.edit(t, m, c); }
            public void unpin(String t, String m) { fake.unpin(t, m); }
            public Optional<String> findSent(String t, String c, Instant s) throws PublishException { return fake.findSent(t, c, s); }
        };
        try (Database db = Database.inMemory("sched-" + UUID.randomUUID())) {
            Announcements a = new Announcements(fx.directory(), new PublishLedger(db), List.of(counting), clock,
                    Announcements.Settings.defaults());
            try (AnnouncementScheduler scheduler = new AnnouncementScheduler(a, Duration.ofMillis(20))) {
                scheduler.start();
                assertThrows(IllegalStateException.class, scheduler::start);
                assertTrue(twoSent.await(30, TimeUnit.SECONDS), "published by the scheduler thread");
            }
            assertEquals(2, fake.sent.size(), "ticking on does not publish again");
        }
    }

    @Test
    void a_failing_tick_is_logged_and_the_next_tick_runs() {
        Fixture fx = new Fixture(tmp);
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:01Z"));
        Database db = Database.inMemory("sched-" + UUID.randomUUID());
        db.close(); // every database call now fails
        Announcements a = new Announcements(fx.directory(), new PublishLedger(db), List.of(new FakePublisher(Platform.TELEGRAM, clock)),
                clock, Announcements.Settings.defaults());
        AnnouncementScheduler scheduler = new AnnouncementScheduler(a, Duration.ofSeconds(1));
        assertEquals(0, scheduler.tick());
        assertEquals(0, scheduler.tick());
    }
}
