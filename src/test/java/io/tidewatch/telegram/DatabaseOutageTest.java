package io.tidewatch.telegram;

import io.tidewatch.store.AuditLog;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12: PostgreSQL goes away in the middle of a run (every connection reset, new ones refused,
 * as in a restart) and comes back. Leaks keep being deleted meanwhile; the offset stays where the
 * store says until the database is back (nothing confirmed that was not recorded); then everything is
 * recorded and the bot goes on by itself.
 */
@EnabledIfEnvironmentVariable(named = "TIDEWATCH_TEST_PG_URL", matches = ".+")
class DatabaseOutageTest {
    @Test
    void leaks_are_deleted_while_postgres_restarts_and_everything_is_recorded_once_it_is_back() throws Exception {
        long outage = Long.getLong("tidewatch.outage.seconds", 8) * 1000;
        try (var api = new FakeBotApi(); var fresh = TestDatabases.postgres();
             var proxy = new TcpProxy(fresh.server().getHostString(), fresh.server().getPort());
             var db = fresh.through("127.0.0.1", proxy.port());
             var bot = BotHarness.start(api, db)) {
            int before = 10, during = 10;
            for (int i = 1; i <= before; i++) api.push(groupText(i, 6000 + i, 500 + i, "User" + i, "words " + SEED));
            api.await("deleteMessage", before);
            bot.awaitOffset(before);

            proxy.cut(); // the server restarts: connections reset, new ones refused
            long cutAt = System.nanoTime();
            for (int i = before + 1; i <= before + during; i++) {
                api.push(groupText(i, 6000 + i, 500 + i, "User" + i, "words " + SEED));
                api.push(groupText(100 + i, 7000 + i, 900 + i, "Chat" + i, "gm everyone"));
            }
            List<Integer> deletedDuringOutage = new ArrayList<>();
            while (System.nanoTime() - cutAt < outage * 1_000_000L) {
                Thread.sleep(100);
            }
            for (int i = before + 1; i <= before + during; i++) if (!api.exists(GROUP, 6000 + i)) deletedDuringOutage.add(6000 + i);
            long offsetDuringOutage = bot.service.consumer().storedOffset();
            proxy.restore();
            long restoredAt = System.nanoTime();

            bot.awaitOffset(100 + before + during);
            long caughtUp = System.nanoTime() - restoredAt;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            var audit = new AuditLog(db);
            while (audit.all().stream().filter(e -> e.action().equals("DELETE_MESSAGE") && e.status() == AuditLog.Status.DONE).count()
                    < before + during) {
                if (System.nanoTime() > deadline) fail("deletions not recorded after the database came back: " + audit.all());
                Thread.sleep(50);
            }
            System.out.printf("database outage %d s: %d of %d leaks deleted during it; offset held at %d; caught up %d ms after it"
                            + " came back%n", outage / 1000, deletedDuringOutage.size(), during, offsetDuringOutage, caughtUp / 1_000_000);
            assertEquals(during, deletedDuringOutage.size(), "leaks decided and deleted without the database");
            assertEquals(before, offsetDuringOutage, "nothing confirmed that was not recorded");
            assertEquals(before + during, api.calls("deleteMessage").stream().map(c -> c.param("message_id")).distinct().count());
            assertTrue(api.calls("deleteMessage").stream().noneMatch(c -> c.param("message_id").startsWith("7")),
                    "nothing clean deleted");
            assertEquals(before + during, audit.all().stream().filter(e -> e.action().equals("DELETE_MESSAGE")).count(),
                    "each deletion recorded once");
        }
    }
}
