package io.tidewatch.announce;

import io.tidewatch.store.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "TIDEWATCH_TEST_PG_URL", matches = ".+")
class LedgerOnPostgresTest extends LedgerScenarios {
    @Override
    Database open() {
        return Database.open(System.getenv("TIDEWATCH_TEST_PG_URL"), System.getenv("TIDEWATCH_TEST_PG_USER"),
                System.getenv("TIDEWATCH_TEST_PG_PASSWORD"));
    }
}
