package io.tidewatch.twitter;

import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instances that take the first post of a period at the same moment: each gets it while the cap has
 * room. (One instance's row appearing between another's update and its check once read as "the cap
 * is full", and a support DM was dropped on a quiet day.)
 */
class PostCounterRaceTest {
    private static final int INSTANCES = 6;
    private static final int PERIODS = 60;

    @Test
    void instances_racing_for_the_first_post_of_a_period_all_get_one_on_h2() throws Exception {
        String url = "jdbc:h2:mem:race" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        List<Database> dbs = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) dbs.add(Database.open(url, "sa", ""));
            race(dbs);
        } finally {
            for (Database db : dbs) db.close();
        }
    }

    @Test
    void instances_racing_for_the_first_post_of_a_period_all_get_one_on_postgresql() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "TIDEWATCH_TEST_PG_URL is not set");
        List<Database> dbs = new ArrayList<>();
        try (TestDatabases.Fresh pg = TestDatabases.postgres()) {
            try {
                dbs.add(pg.db);
                for (int i = 1; i < INSTANCES; i++) dbs.add(pg.another());
                race(dbs);
            } finally {
                for (Database db : dbs.subList(1, dbs.size())) db.close();
            }
        }
    }

    private static void race(List<Database> dbs) throws Exception {
        List<PostCounter> counters = dbs.stream().map(PostCounter::new).toList();
        ExecutorService pool = Executors.newFixedThreadPool(counters.size());
        try {
            for (int p = 0; p < PERIODS; p++) {
                String period = "2026-12-" + p;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> takes = new ArrayList<>();
                for (PostCounter c : counters) takes.add(pool.submit(() -> {
                    go.await();
                    return c.tryTake(period, "DM", 100);
                }));
                go.countDown();
                for (Future<Boolean> t : takes) assertTrue(t.get(), "a take refused in " + period + " with the cap far away");
                assertEquals(counters.size(), counters.get(0).used(period, "DM"), period);
            }
            // and the cap still holds under the race: 6 instances, a limit of 3
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> takes = new ArrayList<>();
            for (PostCounter c : counters) takes.add(pool.submit(() -> {
                go.await();
                return c.tryTake("capped", "DM", 3);
            }));
            go.countDown();
            int taken = 0;
            for (Future<Boolean> t : takes) if (t.get()) taken++;
            assertEquals(3, taken);
            assertEquals(3, counters.get(0).used("capped", "DM"));
        } finally {
            pool.shutdownNow();
        }
    }
}
