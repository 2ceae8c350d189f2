package io.tidewatch.web;

import io.tidewatch.metrics.Heartbeats;
import io.tidewatch.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What {@code /healthz} reports: ready once the rules are loaded and the database answers, and every
 * expected platform was polled within 3x its interval. The database probe has a deadline, so a hung
 * database makes /healthz answer 503 quickly instead of hanging; a probe still running is reused.
 * Reasons name what failed, never a connection string or credential (the log has the details).
 */
final class HealthCheck {
    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);
    private static final String LANG = "en";

    private final Database database;
    private final Supplier<RulesStatus> rules;
    private final Heartbeats heartbeats;
    private final WebTexts texts;
    private final Duration deadline;
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tidewatch-health-probe");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> probe;

    HealthCheck(Database database, Supplier<RulesStatus> rules, Heartbeats heartbeats, WebTexts texts, Duration deadline) {
        this.database = database;
        this.rules = rules;
        this.heartbeats = heartbeats;
        this.texts = texts;
        this.deadline = deadline;
    }

    /** Why the process is not healthy now; empty when it is. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!rules.get().ready()) out.add(texts.plain(LANG, "health.rules"));
        String db = probeDatabase();
        if (db != null) out.add(db);
        for (Heartbeats.Overdue o : heartbeats.overdue()) {
            out.add(texts.plain(LANG, o.lastBeat() == null ? "health.platform_never" : "health.platform", Map.of(
                    "platform", o.platform().wireName(),
                    "since", String.valueOf(o.lastBeat() == null ? o.expectedSince() : o.lastBeat()),
                    "interval", String.valueOf(o.interval().toSeconds()))));
        }
        return out;
    }

    private String probeDatabase() {
        CompletableFuture<Void> p;
        synchronized (this) {
            if (probe == null || probe.isDone()) probe = CompletableFuture.runAsync(this::ping, probes);
            p = probe;
        }
        try {
            p.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return texts.plain(LANG, "health.database_timeout", Map.of("seconds", String.valueOf(deadline.toSeconds())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return texts.plain(LANG, "health.database_timeout", Map.of("seconds", String.valueOf(deadline.toSeconds())));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            log.warn("health: the database does not answer: {}", cause.toString());
            String what = cause.getClass().getSimpleName();
            if (cause instanceof SQLException sql && sql.getSQLState() != null) what += " (SQLState " + sql.getSQLState() + ")";
            return texts.plain(LANG, "health.database", Map.of("error", what));
        }
    }

    private void ping() {
        try (Connection c = database.dataSource().getConnection()) {
            if (!c.isValid((int) Math.max(1, deadline.toSeconds()))) throw new SQLException("connection is not valid", "08006");
        } catch (SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    void close() { probes.shutdownNow(); }
}
