package io.tidewatch.twitter;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.detect.Detectors;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.support.SupportResponder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One running Twitter adapter for tests: the shared moderation pipeline on {@code db}, the real X API
 * client (Twitter4J pair + signed JDK calls) against the fake on 127.0.0.1, the official account's
 * actions, polling driven by hand ({@link #poll()}), all on the harness's clock.
 */
final class TwitterRig implements AutoCloseable {
    static final Path RULES = Path.of("rules");
    static final BrandProfile BRAND = BrandProfileReader.read(RULES.resolve("brand.yaml"));
    static final SupportResponder SUPPORT = SupportResponder.load(RULES, BRAND);
    static final TwitterSettings SETTINGS = TwitterSettings.load(RULES.resolve("twitter.yaml")).onTier("pro");

    final XApiHarness x;
    final Database db;
    final Moderation moderation;
    final TwitterService service;

    TwitterRig(XApiHarness x, Database db) { this(x, db, SETTINGS, false, BRAND, null); }

    /** @param executor stands in for the real actions when not null (a process that dies mid-call) */
    TwitterRig(XApiHarness x, Database db, TwitterSettings settings, boolean dryRun, BrandProfile brand, ActionExecutor executor) {
        this.x = x;
        this.db = db;
        ModerationRules.Loader loader = () -> new ModerationRules(Detectors.standard(RULES, brand, List.of()),
                Policy.load(RULES, brand), ChatDirectory.load(RULES.resolve("chats.yaml")), x.clock.instant());
        this.moderation = new Moderation(brand, loader, db, x.clock, dryRun);
        CountedPostBudget budget = new CountedPostBudget(db, settings, x.clock);
        XApi api = XApi.connect(x.credentials(), budget, x.backoff, x.sleeps::add, x.clock);
        this.service = TwitterService.wire(api, budget, moderation, SUPPORT, settings);
        if (executor != null) moderation.register(io.tidewatch.core.Platform.TWITTER, executor);
    }

    TwitterPolling.Round poll() { return service.polling().pollOnce(); }

    /** Polls once and waits until every action it decided is carried out (or failed, or dropped). */
    TwitterPolling.Round pollAndSettle() {
        TwitterPolling.Round r = poll();
        awaitSettled();
        return r;
    }

    void awaitSettled() {
        await(() -> moderation.stores().audit().countPending() == 0, "actions settled: " + pending());
    }

    List<AuditLog.Entry> pending() {
        List<AuditLog.Entry> out = new ArrayList<>();
        for (AuditLog.Entry e : moderation.stores().audit().all()) if (e.status() == AuditLog.Status.PENDING) out.add(e);
        return out;
    }

    /** Waits for a condition the bot's own threads bring about; fails after a generous bound (a busy machine). */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        service.close();
        moderation.close();
    }
}
