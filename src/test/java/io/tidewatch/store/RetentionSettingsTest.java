package io.tidewatch.store;

import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionSettingsTest {
    @TempDir Path tmp;

    @Test
    void the_bundled_file_holds_the_defaults_and_a_missing_file_means_defaults() {
        var bundled = Retention.Settings.load(Path.of("rules/retention.yaml"));
        assertEquals(Retention.Settings.defaultSettings(), bundled);
        assertEquals(Duration.ofDays(180), bundled.incidents());
        assertEquals(Duration.ofDays(180), bundled.auditLog());
        assertEquals(Duration.ofDays(7), bundled.processedUpdates());
        assertEquals(Duration.ofDays(90), bundled.seenNames());
        assertEquals(Retention.Settings.defaultSettings(), Retention.Settings.load(tmp.resolve("absent.yaml")));
    }

    @Test
    void a_changed_age_is_read_and_the_others_keep_their_defaults() throws Exception {
        Path f = Files.writeString(tmp.resolve("retention.yaml"), "incidents_days: 30\n");
        var s = Retention.Settings.load(f);
        assertEquals(Duration.ofDays(30), s.incidents());
        assertEquals(Duration.ofDays(180), s.auditLog());
    }

    @Test
    void bad_values_name_the_file_line_and_field() throws Exception {
        for (String[] c : new String[][]{
                {"incidents_days: 180\naudit_log_days: 0\n", ":2: audit_log_days: expected a whole number of days"},
                {"incidents_days: 180\nseen_names_days: soon\n", ":2: seen_names_days: expected a whole number"},
                {"incidents_days: 1.5\n", ":1: incidents_days: expected a whole number"},
                {"incident_days: 30\n", ":1: incident_days: unknown field (known: incidents_days"},
                {"- 30\n", ":1: expected fields"},
                {"incidents_days: [\n", "retention.yaml:"}}) {
            Path f = Files.writeString(tmp.resolve("retention.yaml"), c[0]);
            var e = assertThrows(ConfigException.class, () -> Retention.Settings.load(f), c[0]);
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void start_daily_refuses_a_bad_file_before_anything_runs() throws Exception {
        Files.writeString(tmp.resolve("retention.yaml"), "incidents_days: -1\n");
        try (Database db = TestDatabases.h2()) {
            assertThrows(ConfigException.class, () -> Retention.startDaily(db, tmp));
        }
    }
}
