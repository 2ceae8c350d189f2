package io.tidewatch.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forgets what is old: incidents, audit entries, seen names, handled update ids and once-markers older
 * than the ages in {@code rules/retention.yaml}. Run daily from {@code run}:
 * {@code AutoCloseable retention = Retention.startDaily(db, rulesDir);} (close it on shutdown).
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** How long each kind of row is kept. */
    public record Settings(Duration incidents, Duration auditLog, Duration processedUpdates, Duration seenNames,
                           Duration onceMarkers) {
        /** Field names in {@code retention.yaml}, each a number of days. */
        static final Map<String, Integer> DEFAULT_DAYS = defaults();

        private static Map<String, Integer> defaults() {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("incidents_days", 180);
            m.put("audit_log_days", 180);
            m.put("processed_updates_days", 7);
            m.put("seen_names_days", 90);
            m.put("once_markers_days", 90);
            return java.util.Collections.unmodifiableMap(m);
        }

        public static Settings defaultSettings() { return of(DEFAULT_DAYS); }

        /**
         * Reads {@code file} (defaults when it does not exist). Each field is a whole number of days,
         * at least 1; an unknown field or a bad value is refused with the file, line and field.
         */
        public static Settings load(Path file) {
            if (!Files.exists(file)) return defaultSettings();
            YamlFiles.tree(file); // syntax errors, with the line
            Map<String, Integer> days = new LinkedHashMap<>(DEFAULT_DAYS);
            try (JsonParser p = YAML.createParser(file.toFile())) {
                JsonToken first = p.nextToken();
                if (first == null) return defaultSettings();
                if (first != JsonToken.START_OBJECT) throw new ConfigException(file + ":1: expected fields like 'incidents_days: 180'");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    String at = file + ":" + p.currentTokenLocation().getLineNr() + ": " + field + ": ";
                    p.nextToken();
                    JsonNode v = p.readValueAsTree();
                    if (!DEFAULT_DAYS.containsKey(field)) {
                        throw new ConfigException(at + "unknown field (known: " + String.join(", ", DEFAULT_DAYS.keySet()) + ")");
                    }
                    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
                        throw new ConfigException(at + "expected a whole number of days, at least 1; got '"
                                + (v == null ? "" : v.asText()) + "'");
                    }
                    days.put(field, v.asInt());
                }
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage());
            }
            return of(days);
        }

        private static Settings of(Map<String, Integer> days) {
            return new Settings(Duration.ofDays(days.get("incidents_days")), Duration.ofDays(days.get("audit_log_days")),
                    Duration.ofDays(days.get("processed_updates_days")), Duration.ofDays(days.get("seen_names_days")),
                    Duration.ofDays(days.get("once_markers_days")));
        }
    }

    /** Rows deleted by one prune, per table. */
    public record Pruned(int incidents, int auditLog, int processedUpdates, int seenNames, int onceMarkers) {
        public int total() { return incidents + auditLog + processedUpdates + seenNames + onceMarkers; }
    }

    private final Jdbc jdbc;
    private final Settings settings;
    private final Clock clock;

    public Retention(Database db, Settings settings, Clock clock) {
        this.jdbc = new Jdbc(db.dataSource());
        this.settings = settings;
        this.clock = clock;
    }

    /** Deletes every row older than its age, now. Each table is one statement on an indexed time column. */
    public Pruned pruneNow() {
        Instant now = clock.instant();
        return new Pruned(
                jdbc.update("DELETE FROM incident WHERE created_at < ?", now.minus(settings.incidents())),
                jdbc.update("DELETE FROM audit_log WHERE at < ?", now.minus(settings.auditLog())),
                jdbc.update("DELETE FROM processed_update WHERE claimed_at < ?", now.minus(settings.processedUpdates())),
                jdbc.update("DELETE FROM seen_name WHERE first_seen < ?", now.minus(settings.seenNames())),
                jdbc.update("DELETE FROM once_marker WHERE created_at < ?", now.minus(settings.onceMarkers())));
    }

    /**
     * Loads {@code rulesDir/retention.yaml} (refusing a bad file before anything runs), prunes once
     * now and then every 24 hours on a daemon thread until closed. A failed prune is logged and
     * tried again the next day.
     */
    public static AutoCloseable startDaily(Database db, Path rulesDir) {
        Retention retention = new Retention(db, Settings.load(rulesDir.resolve("retention.yaml")), Clock.systemUTC());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tidewatch-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(retention::pruneLogged, 0, 1, TimeUnit.DAYS);
        return timer::shutdownNow;
    }

    private void pruneLogged() {
        try {
            Pruned p = pruneNow();
            log.info("retention: deleted {} old rows (incidents {}, audit {}, updates {}, names {}, markers {})",
                    p.total(), p.incidents(), p.auditLog(), p.processedUpdates(), p.seenNames(), p.onceMarkers());
        } catch (RuntimeException e) {
            log.error("retention: prune failed, trying again tomorrow: {}", e.getMessage());
        }
    }
}
