package io.tidewatch.telegram;

import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.time.Duration;

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.Updates.groupText;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two bots polling the same Bot API with one PostgreSQL database act once per update. */
@EnabledIfEnvironmentVariable(named = "TIDEWATCH_TEST_PG_URL", matches = ".+")
class TwoInstancesOnPostgresTest {
    @Test
    void two_instances_on_one_postgres_database_delete_each_leak_once() throws Exception {
        try (var api = new FakeBotApi(); var fresh = TestDatabases.postgres(); var second = fresh.another()) {
            try (var a = BotHarness.start(api, fresh.db); var b = BotHarness.start(api, second)) {
                for (int i = 1; i <= 30; i++) api.push(groupText(i, 4000 + i, 42, "Alice", SEED));
                api.await("deleteMessage", 30);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (a.service.consumer().storedOffset() < 30 || b.service.consumer().storedOffset() < 30) {
                    if (System.nanoTime() > deadline) break;
                    Thread.sleep(5);
                }
            }
            var ids = api.calls("deleteMessage").stream().map(c -> c.param("message_id")).toList();
            assertEquals(30, ids.size(), ids.toString());
            assertEquals(30, ids.stream().distinct().count());
        }
    }
}
