package io.tidewatch.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "TIDEWATCH_TEST_PG_URL", matches = ".+")
class RepositoriesOnPostgresTest extends RepositoriesContract {
    private TestDatabases.Fresh fresh;
    private Database second;

    @BeforeEach
    void open() throws Exception {
        fresh = TestDatabases.postgres();
        second = fresh.another();
    }

    @AfterEach
    void close() throws Exception { second.close(); fresh.close(); }

    @Override Database db() { return fresh.db; }

    @Override Database secondInstance() { return second; }
}
