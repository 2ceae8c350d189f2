package io.tidewatch.telegram;

import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.Updates.groupText;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12: two instances polling with one bot token on one database (high availability). Telegram
 * answers 409 Conflict to the getUpdates another one overtook; they settle with a handful of
 * conflicts, act once per update, and the survivor takes over when the other stops.
 */
class TwoInstancesOneTokenTest {
    @Test
    void two_pollers_on_one_token_settle_act_once_and_the_survivor_takes_over() throws Exception {
        try (var api = new FakeBotApi(); Database db = TestDatabases.h2()) {
            var first = BotHarness.start(api, db);
            var second = BotHarness.start(api, db);
            try {
                for (int i = 1; i <= 30; i++) api.push(groupText(i, 9000 + i, 42, "Alice", "words " + SEED));
                api.await("deleteMessage", 30);
                first.awaitOffset(30);
            } finally {
                first.close(); // one instance goes away (a deploy, a crash)
            }
            try {
                for (int i = 31; i <= 40; i++) api.push(groupText(i, 9000 + i, 42, "Alice", "words " + SEED));
                api.await("deleteMessage", 40);
                second.awaitOffset(40);
            } finally {
                second.close();
            }
            List<String> ids = api.calls("deleteMessage").stream().map(c -> c.param("message_id")).toList();
            long conflicts = api.calls("getUpdates").stream().filter(c -> !api.delivered(c)).count();
            System.out.printf("two instances on one token: %d getUpdates, %d answered 409; %d deletions for 40 leaks%n",
                    api.calls("getUpdates").size(), conflicts, ids.size());
            assertEquals(40, ids.size(), "each leak deleted once: " + ids);
            assertEquals(40, ids.stream().distinct().count());
        }
    }
}
