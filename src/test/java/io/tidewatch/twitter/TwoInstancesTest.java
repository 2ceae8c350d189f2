package io.tidewatch.twitter;

import io.tidewatch.store.Database;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/** Two instances answering once: on a shared H2 database everywhere, on PostgreSQL when one is configured. */
class TwoInstancesTest {
    @Test
    void two_instances_on_one_h2_database_act_once() throws Exception {
        String url = "jdbc:h2:mem:two" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Database first = Database.open(url, "sa", ""); Database second = Database.open(url, "sa", "")) {
            TwoInstancesScenario.run(first, second);
        }
    }

    @Test
    void two_instances_on_one_postgresql_database_act_once() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "TIDEWATCH_TEST_PG_URL is not set");
        try (TestDatabases.Fresh pg = TestDatabases.postgres(); Database second = pg.another()) {
            TwoInstancesScenario.run(pg.db, second);
        }
    }
}
