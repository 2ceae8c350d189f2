package io.tidewatch.web;

import io.tidewatch.announce.Announcements;
import io.tidewatch.metrics.Heartbeats;
import io.tidewatch.metrics.Metrics;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.store.IncidentLog;
import io.tidewatch.store.PublishLedger;
import io.tidewatch.store.SupportStats;
import io.tidewatch.support.SupportResponder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the web surface reads and calls. {@code sandbox} is null when platforms run (then there is
 * no sandbox); {@code undo} null hides the undo buttons; {@code announcements} null says they are off.
 *
 * @param rules    the rules in force (for the dashboard and /healthz)
 * @param rulesDir the folder they are read from, listed on the dashboard
 */
public record WebServices(Database database, IncidentLog incidents, AuditLog audit, SupportStats support,
                          PublishLedger ledger, Announcements announcements, Supplier<RulesStatus> rules, Path rulesDir,
                          UndoService undo, SandboxEngine sandbox, Metrics metrics, Heartbeats heartbeats,
                          Clock clock) {
    public WebServices {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(rulesDir, "rulesDir");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(heartbeats, "heartbeats");
        Objects.requireNonNull(clock, "clock");
        if (rules == null) rules = sandbox != null ? sandbox::rules : () -> new RulesStatus(null, null);
    }

    /** The repositories of {@code db}, no sandbox, no undo, no announcements: add them with the {@code with…} methods. */
    public static WebServices on(Database db, Path rulesDir, Supplier<RulesStatus> rules, Metrics metrics,
                                 Heartbeats heartbeats, Clock clock) {
        return new WebServices(db, new IncidentLog(db), new AuditLog(db), new SupportStats(db), new PublishLedger(db), null, rules, rulesDir,
                null, null, metrics, heartbeats, clock);
    }

    /**
     * {@code run} without platforms: the sandbox over {@code moderation} (give it an in-memory
     * {@code db}), with undo of what the sandbox "did", and the dashboard over the same store.
     */
    public static WebServices sandbox(Moderation moderation, Supplier<SupportResponder> responders, Database db,
                                      Path rulesDir, Metrics metrics, Heartbeats heartbeats) {
        ModerationSandbox sandbox = new ModerationSandbox(moderation, responders);
        return on(db, rulesDir, null, metrics, heartbeats, moderation.clock()).withSandbox(sandbox)
                .withUndo(new ModerationUndo(moderation));
    }

    /**
     * {@code run} with platforms: the dashboard, /healthz and /metrics over the bots' own store and rules;
     * undo goes through the executors the platforms registered with {@code moderation}.
     */
    public static WebServices running(Moderation moderation, Database db, Path rulesDir, Announcements announcements,
                                      Metrics metrics, Heartbeats heartbeats) {
        return on(db, rulesDir, () -> RulesStatus.loaded(moderation.rules().loadedAt()), metrics, heartbeats,
                moderation.clock()).withAnnouncements(announcements).withUndo(new ModerationUndo(moderation));
    }

    /** Serves the sandbox over {@code engine}; its rules are then the rules in force. */
    public WebServices withSandbox(SandboxEngine engine) {
        return new WebServices(database, incidents, audit, support, ledger, announcements, engine::rules, rulesDir, undo,
                engine, metrics, heartbeats, clock);
    }

    public WebServices withUndo(UndoService service) {
        return new WebServices(database, incidents, audit, support, ledger, announcements, rules, rulesDir, service, sandbox,
                metrics, heartbeats, clock);
    }

    public WebServices withAnnouncements(Announcements a) {
        return new WebServices(database, incidents, audit, support, ledger, a, rules, rulesDir, undo, sandbox, metrics,
                heartbeats, clock);
    }
}
