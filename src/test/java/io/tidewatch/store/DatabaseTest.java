package io.tidewatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @Test
    void migrations_run_on_embedded_h2() throws Exception {
        try (Database db = Database.inMemory("dbtest"); Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT note FROM schema_note WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("tidewatch", rs.getString(1));
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TIDEWATCH_TEST_PG_URL", matches = ".+")
    void migrations_run_on_postgresql() throws Exception {
        try (Database db = Database.open(System.getenv("TIDEWATCH_TEST_PG_URL"),
                System.getenv("TIDEWATCH_TEST_PG_USER"), System.getenv("TIDEWATCH_TEST_PG_PASSWORD"));
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT note FROM schema_note WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("tidewatch", rs.getString(1));
        }
    }

    @Test
    void an_h2_file_is_created_owner_only(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path dir = tmp.resolve("data");
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("tidewatch") + ";AUTO_SERVER=FALSE", "sa", "")) {
            new IncidentLog(db).countSince(java.time.Instant.EPOCH);
            assertEquals("rwx------", perms(dir));
            assertEquals("rw-------", perms(dir.resolve("tidewatch.mv.db")));
        }
        // a file an older version left world-readable is tightened when opened
        java.nio.file.Path old = dir.resolve("tidewatch.mv.db");
        java.nio.file.Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open("jdbc:h2:" + dir.resolve("tidewatch"), "sa", "")) {
            assertEquals("rw-------", perms(old));
        }
        assertEquals(java.util.Optional.empty(), H2FilePermissions.basePath("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        assertEquals(java.util.Optional.empty(), H2FilePermissions.basePath("jdbc:h2:tcp://localhost/~/x"));
        assertEquals(java.util.Optional.empty(), H2FilePermissions.basePath("jdbc:postgresql://db/x"));
        assertEquals(java.nio.file.Path.of("data/tidewatch").toAbsolutePath(), H2FilePermissions.basePath(Database.DEFAULT_URL).orElseThrow());
    }

    private static String perms(java.nio.file.Path p) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(p));
    }

    @Test
    void a_database_from_before_v3_takes_it_although_v50_is_applied(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        for (String f : new String[]{"V1__baseline.sql", "V2__telegram_moderation.sql", "V50__announcements.sql"}) {
            java.nio.file.Files.copy(java.nio.file.Path.of("src/main/resources/db/migration", f), tmp.resolve(f));
        }
        String url = "jdbc:h2:mem:before-v3;DB_CLOSE_DELAY=-1";
        try (var ds = new com.zaxxer.hikari.HikariDataSource()) {
            ds.setJdbcUrl(url);
            org.flywaydb.core.Flyway.configure().dataSource(ds).locations("filesystem:" + tmp).load().migrate();
            try (Database db = Database.open(url, "", "");
                 Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '3'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "V3 applied after V50");
            }
        }
    }
}
