package io.tidewatch.store;

import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard's read queries (IncidentLog.page, AuditLog.page) on H2 and, when CI provides it, PostgreSQL. */
class PagingQueriesTest {
    private static void on(String database, java.util.function.Consumer<Database> test) throws Exception {
        if (database.equals("h2")) {
            try (Database db = TestDatabases.h2()) {
                test.accept(db);
            }
            return;
        }
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL: set TIDEWATCH_TEST_PG_URL (bash .ci/run does)");
        try (TestDatabases.Fresh fresh = TestDatabases.postgres()) {
            test.accept(fresh.db);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void incidents_page_newest_first_by_filter(String database) throws Exception {
        on(database, db -> {
            IncidentLog log = new IncidentLog(db);
            Instant t = Instant.parse("2026-11-25T10:00:00Z");
            for (int i = 0; i < 7; i++) {
                log.record(i % 2 == 0 ? Platform.TELEGRAM : Platform.TWITTER, i < 4 ? "-1001" : "-1002", "m" + i, "42",
                        i % 3 == 0 ? Category.SECRET : Category.SCAM, "r", Severity.HIGH, null, "x", "y", t.plusSeconds(i));
            }
            List<IncidentLog.Incident> first = log.page(IncidentLog.Filter.any(), 3, null);
            assertEquals(List.of("m6", "m5", "m4"), first.stream().map(IncidentLog.Incident::messageId).toList());
            assertEquals(List.of("m3", "m2", "m1"), log.page(IncidentLog.Filter.any(), 3, first.get(2).id()).stream()
                    .map(IncidentLog.Incident::messageId).toList());
            assertEquals(List.of("m6", "m4", "m2", "m0"), log.page(new IncidentLog.Filter(Platform.TELEGRAM, null, null), 10, null)
                    .stream().map(IncidentLog.Incident::messageId).toList());
            assertEquals(List.of("m6", "m0"), log.page(new IncidentLog.Filter(Platform.TELEGRAM, Category.SECRET, null), 10, null)
                    .stream().map(IncidentLog.Incident::messageId).toList());
            assertEquals(List.of("m3", "m0"), log.page(new IncidentLog.Filter(null, Category.SECRET, "-1001"), 10, null)
                    .stream().map(IncidentLog.Incident::messageId).toList());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void audit_pages_newest_first(String database) throws Exception {
        on(database, db -> {
            AuditLog audit = new AuditLog(db);
            for (int i = 0; i < 5; i++) {
                audit.record("tidewatch", "BAN", Platform.TELEGRAM, "-1001", "u" + i, null, "r", "why", null,
                        AuditLog.Status.DONE, Instant.parse("2026-11-25T10:00:00Z"));
            }
            List<AuditLog.Entry> first = audit.page(2, null);
            assertEquals(List.of("u4", "u3"), first.stream().map(AuditLog.Entry::target).toList());
            assertEquals(List.of("u2", "u1", "u0"), audit.page(10, first.get(1).id()).stream().map(AuditLog.Entry::target).toList());
        });
    }
}
