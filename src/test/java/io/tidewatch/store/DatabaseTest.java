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
}
