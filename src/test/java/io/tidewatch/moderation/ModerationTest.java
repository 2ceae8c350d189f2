package io.tidewatch.moderation;

import io.tidewatch.core.Action;
import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.detect.Detectors;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The shared pipeline without any platform: a recording executor stands in for the adapter. */
class ModerationTest {
    static final BrandProfile BRAND = BrandProfileReader.read(Path.of("rules/brand.yaml"));
    static final String SEED = "mad journey bird surface awesome dwarf gift rather usage clip route foot";
    static final String GROUP = "-1001000000003";

    /** Carries nothing out; remembers what it was asked to do, in order. */
    static final class Recorder implements ActionExecutor {
        final List<Action> done = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<?> execute(Action action, Dispatch dispatch) {
            done.add(action);
            return CompletableFuture.completedFuture(null);
        }

        List<Action.Type> types() { return done.stream().map(Action::type).toList(); }
    }

    Database db;
    Stores stores;

    @BeforeEach
    void open() {
        db = Database.inMemory("moderation" + System.nanoTime());
        stores = Stores.on(db);
    }

    @AfterEach
    void close() { db.close(); }

    final Recorder platform = new Recorder();

    Moderation moderation(boolean dryRun) {
        ModerationRules.Loader loader = () -> new ModerationRules(Detectors.standard(Path.of("rules"), BRAND, List.of()),
                Policy.load(Path.of("rules"), BRAND), ChatDirectory.load(Path.of("rules/chats.yaml")), Instant.now());
        Moderation m = new Moderation(BRAND, loader, db, Clock.systemUTC(), dryRun);
        m.register(Platform.TELEGRAM, platform);
        return m;
    }

    static Post group(String userId, String name, String text) {
        return new Post("7", Platform.TELEGRAM, PostKind.GROUP, GROUP, Instant.now(), new Author(userId, null, name), text,
                List.of(), null);
    }

    @Test
    void a_leaked_seed_phrase_is_removed_first_recorded_and_audited_without_the_secret() {
        var m = moderation(false);
        var alerts = new Recorder();
        m.routeAlertsTo(alerts);
        Outcome o = m.moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());

        assertFalse(o.isClean());
        assertNotNull(o.incident());
        assertEquals(Action.Type.DELETE_MESSAGE, platform.types().get(0));
        assertTrue(platform.types().contains(Action.Type.REPLY));
        assertEquals(List.of(Action.Type.ALERT_MODERATORS), alerts.types());
        List<AuditLog.Entry> audit = stores.audit().forIncident(o.incident());
        assertEquals(platform.done.size() + alerts.done.size(), audit.size());
        assertTrue(audit.stream().allMatch(e -> e.status() == AuditLog.Status.DONE), audit.toString());
        for (Action a : platform.done) assertFalse(String.valueOf(a.text()).contains("surface awesome"), a.toString());
        assertFalse(alerts.done.get(0).text().contains("surface awesome"));
    }

    @Test
    void official_and_trusted_accounts_are_never_acted_on() {
        var m = moderation(false);
        String official = BRAND.official().telegram().get(0).id();
        assertTrue(m.moderate(group(official, "Example Exchange", "my seed: " + SEED), PostContext.plain()).isClean());
        assertTrue(m.moderate(group("42", "Alice", "my seed: " + SEED), new PostContext(true, null, null, null)).isClean());
        assertTrue(platform.done.isEmpty());
    }

    @Test
    void a_dry_run_decides_and_alerts_but_carries_out_nothing_destructive() {
        var m = moderation(true);
        var alerts = new Recorder();
        m.routeAlertsTo(alerts);
        Outcome o = m.moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());
        assertTrue(platform.done.isEmpty());
        assertEquals(1, alerts.done.size());
        assertFalse(o.decision().suppressed().isEmpty());
        assertTrue(stores.audit().forIncident(o.incident()).stream().anyMatch(e -> e.status() == AuditLog.Status.DRY_RUN));
    }

    @Test
    void without_a_moderators_chat_the_incident_log_holds_the_alert() {
        var m = moderation(false);
        Outcome o = m.moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());
        assertTrue(platform.types().stream().noneMatch(t -> t == Action.Type.ALERT_MODERATORS));
        assertTrue(stores.incidents().find(o.incident()).isPresent());
    }

    @Test
    void an_impersonator_is_punished_and_undo_lifts_it_once_and_allows_the_name() {
        var m = moderation(false);
        m.routeAlertsTo(new Recorder());
        Outcome o = m.moderate(group("777", "Example Exchange Supp\u043Ert", "hello"), PostContext.plain());
        assertTrue(platform.types().stream().anyMatch(t -> t == Action.Type.BAN || t == Action.Type.RESTRICT), platform.types().toString());

        var undone = m.undoIncident(o.incident(), "5000000101");
        assertEquals(1, undone.size());
        assertEquals(Action.Type.UNBAN, platform.done.get(platform.done.size() - 1).type());
        assertTrue(m.undoIncident(o.incident(), "5000000101").isEmpty(), "an undo is carried out once");

        Post renamedPost = new Post("8", Platform.TELEGRAM, PostKind.GROUP, GROUP, Instant.now(),
                new Author("777", null, "Example Exchange Supp\u043Ert"), "hi again", List.of(), null);
        assertTrue(m.moderate(renamedPost, PostContext.plain()).isClean(), "the allowed name is no longer flagged");
    }

    @Test
    void a_private_message_records_secrets_only() {
        var m = moderation(false);
        Post dm = new Post("9", Platform.TELEGRAM, PostKind.DM, "42", Instant.now(), new Author("42", null, "Alice"),
                "help, my seed is " + SEED, List.of(), null);
        var secrets = m.inspectPrivate(dm);
        assertEquals(1, secrets.size());
        assertEquals(1, stores.incidents().recent(10).size());
        assertTrue(m.inspectPrivate(new Post("10", Platform.TELEGRAM, PostKind.DM, "42", Instant.now(),
                new Author("42", null, "Alice"), "where is my deposit", List.of(), null)).isEmpty());
    }

    /** Answers each action type as scripted; unscripted types succeed; "hang" never answers (a crash mid-call). */
    static final class Scripted implements ActionExecutor {
        final java.util.Map<Action.Type, java.util.function.Supplier<CompletableFuture<?>>> answers = new java.util.EnumMap<>(Action.Type.class);
        final List<Action> asked = new CopyOnWriteArrayList<>();

        Scripted answer(Action.Type type, ActionFailed.Kind kind) {
            answers.put(type, () -> CompletableFuture.failedFuture(new ActionFailed(kind, "scripted " + kind, null, null)));
            return this;
        }

        Scripted hang() {
            for (Action.Type t : Action.Type.values()) answers.put(t, CompletableFuture::new);
            return this;
        }

        @Override
        public CompletableFuture<?> execute(Action action, Dispatch dispatch) {
            asked.add(action);
            return answers.getOrDefault(action.type(), () -> CompletableFuture.completedFuture(null)).get();
        }

        long count(Action.Type t) { return asked.stream().filter(a -> a.type() == t).count(); }
    }

    Moderation moderation(ActionExecutor executor, String instance) {
        return moderation(executor, java.time.Duration.ofMinutes(10));
    }

    Moderation moderation(ActionExecutor executor, java.time.Duration lease) {
        ModerationRules.Loader loader = () -> new ModerationRules(Detectors.standard(Path.of("rules"), BRAND, List.of()),
                Policy.load(Path.of("rules"), BRAND), ChatDirectory.load(Path.of("rules/chats.yaml")), Instant.now());
        Moderation m = new Moderation(BRAND, loader, db, Clock.systemUTC(), false,
                new Moderation.Settings(lease));
        m.register(Platform.TELEGRAM, executor);
        m.routeAlertsTo(executor);
        return m;
    }

    private List<AuditLog.Entry> rows(String action) {
        return stores.audit().all().stream().filter(e -> e.action().equals(action)).toList();
    }

    /** Long enough that a loaded machine still resumes inside the dead run's lease when the test means it to. */
    private static final java.time.Duration LEASE = java.time.Duration.ofMillis(1500);

    @Test
    void actions_pending_when_the_process_died_are_carried_out_after_a_restart_and_only_once() throws Exception {
        var dead = new Scripted().hang();
        moderation(dead, LEASE).moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());
        assertTrue(rows("DELETE_MESSAGE").stream().allMatch(e -> e.status() == AuditLog.Status.PENDING));

        var restarted = new Scripted();
        var again = moderation(restarted, LEASE);
        assertEquals(0, again.resume(), "the lease of the run that died is respected until it runs out");
        Thread.sleep(LEASE.toMillis() + 100); // the dead run renews nothing
        int resumed = again.resume();
        assertTrue(resumed >= 3, "delete, warning, private message and alert resumed: " + resumed);
        assertEquals(1, restarted.count(Action.Type.DELETE_MESSAGE));
        assertEquals(1, restarted.count(Action.Type.REPLY));
        assertEquals(1, restarted.count(Action.Type.ALERT_MODERATORS));
        assertTrue(stores.audit().all().stream().allMatch(e -> e.status() == AuditLog.Status.DONE), stores.audit().all().toString());
        Thread.sleep(LEASE.toMillis() + 100);
        assertEquals(0, moderation(new Scripted(), LEASE).resume(), "nothing left to do");
    }

    @Test
    void a_message_handed_to_the_platform_when_the_process_died_is_not_sent_again() throws Exception {
        ActionExecutor diesMidSend = (action, dispatch) -> {
            if (action.type() == Action.Type.DELETE_MESSAGE) return CompletableFuture.completedFuture(null);
            dispatch.beforeSend().run(); // the call left; the process dies before the answer is recorded
            return new CompletableFuture<>();
        };
        moderation(diesMidSend, java.time.Duration.ofMillis(300)).moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());
        Thread.sleep(400);
        var restarted = new Scripted();
        moderation(restarted, java.time.Duration.ofMillis(300)).resume();
        assertEquals(0, restarted.count(Action.Type.DIRECT_MESSAGE), "it may have arrived: never twice");
        assertEquals(AuditLog.Status.DROPPED, rows("DIRECT_MESSAGE").get(0).status());
    }

    @Test
    void a_deleted_message_already_gone_counts_as_done_and_a_refused_call_is_not_retried() {
        moderation(new Scripted().answer(Action.Type.DELETE_MESSAGE, ActionFailed.Kind.ALREADY_DONE)
                .answer(Action.Type.REPLY, ActionFailed.Kind.REFUSED), "n").moderate(group("42", "Alice", "my seed: " + SEED),
                PostContext.plain());
        assertEquals(AuditLog.Status.DONE, rows("DELETE_MESSAGE").get(0).status());
        assertEquals(AuditLog.Status.FAILED, rows("REPLY").get(0).status());
        assertEquals(0, stores.audit().countPending());
    }

    @Test
    void an_unreachable_owner_gets_the_steps_pointed_to_in_the_group_instead() {
        var executor = new Scripted().answer(Action.Type.DIRECT_MESSAGE, ActionFailed.Kind.UNREACHABLE);
        moderation(executor, "n").moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());
        assertEquals(AuditLog.Status.FAILED, rows("DIRECT_MESSAGE").get(0).status());
        List<Action> replies = executor.asked.stream().filter(a -> a.type() == Action.Type.REPLY).toList();
        assertEquals(1, replies.size(), "one warning, the one that fits: " + replies);
        assertTrue(replies.get(0).text().contains("/start"), replies.get(0).text());
        assertFalse(replies.get(0).text().contains("surface awesome"));
    }

    @Test
    void a_delivered_private_message_is_followed_by_the_warning_that_says_so() {
        var executor = new Scripted();
        moderation(executor, "n").moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());
        List<Action.Type> order = executor.asked.stream().map(Action::type).filter(t -> t != Action.Type.ALERT_MODERATORS).toList();
        assertEquals(List.of(Action.Type.DELETE_MESSAGE, Action.Type.DIRECT_MESSAGE, Action.Type.REPLY), order);
        Action warning = executor.asked.stream().filter(a -> a.type() == Action.Type.REPLY).findFirst().orElseThrow();
        assertFalse(warning.text().contains("/start"), warning.text());
    }

    @Test
    void a_platform_that_cannot_take_it_now_gets_it_again_later_and_stale_messages_are_dropped() {
        var executor = new Scripted().answer(Action.Type.DELETE_MESSAGE, ActionFailed.Kind.RETRY_LATER)
                .answer(Action.Type.DIRECT_MESSAGE, ActionFailed.Kind.RETRY_LATER)
                .answer(Action.Type.ALERT_MODERATORS, ActionFailed.Kind.RETRY_LATER);
        var m = moderation(executor, "n");
        m.moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain());
        assertEquals(AuditLog.Status.PENDING, rows("DELETE_MESSAGE").get(0).status());
        assertEquals(0, m.resume(), "not due yet");

        // three minutes on: the deletion is still wanted, the private message and the alert are stale
        var later = new Moderation(BRAND, () -> m.rules(), db,
                Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(3)), false, new Moderation.Settings(java.time.Duration.ofMinutes(10)));
        var recovered = new Scripted();
        later.register(Platform.TELEGRAM, recovered);
        later.routeAlertsTo(recovered);
        later.resume();
        assertEquals(1, recovered.count(Action.Type.DELETE_MESSAGE));
        assertEquals(0, recovered.count(Action.Type.DIRECT_MESSAGE));
        assertEquals(AuditLog.Status.DONE, rows("DELETE_MESSAGE").get(0).status());
        assertEquals(AuditLog.Status.DROPPED, rows("DIRECT_MESSAGE").get(0).status());
        assertEquals(AuditLog.Status.DROPPED, rows("ALERT_MODERATORS").get(0).status());
        assertTrue(rows("REPLY").isEmpty(), "no warning follows a private message that never went");
    }

    @Test
    void the_update_claim_incidents_and_actions_are_written_together_or_not_at_all() {
        var executor = new Scripted();
        var m = moderation(executor, "n");
        Judgement j = m.judge(group("42", "Alice", "my seed: " + SEED), PostContext.plain(),
                m.inspect(group("42", "Alice", "my seed: " + SEED)));
        assertThrows(IllegalStateException.class, () -> m.record(j, () -> { throw new IllegalStateException("claim failed"); }));
        assertTrue(stores.incidents().recent(10).isEmpty());
        assertTrue(stores.audit().all().isEmpty());
        assertTrue(m.record(j, () -> false).isEmpty(), "claimed elsewhere: nothing written");
        assertTrue(stores.audit().all().isEmpty());
        assertTrue(m.record(j, () -> true).isPresent());
        assertEquals(1, stores.incidents().recent(10).size());
    }

    @Test
    void with_the_database_away_a_leak_is_still_judged_and_removed_but_nothing_is_recorded() {
        var executor = new Scripted();
        var m = moderation(executor, "n");
        db.close();
        Post leak = group("42", "Alice", "my seed: " + SEED);
        Judgement j = m.judge(leak, PostContext.plain(), m.inspect(leak));
        assertTrue(j.decision().actions().stream().anyMatch(a -> a.type() == Action.Type.DELETE_MESSAGE));
        m.startRemovals(j);
        m.startRemovals(j); // served again while the database is away: not deleted twice
        assertEquals(1, executor.count(Action.Type.DELETE_MESSAGE));
        assertThrows(RuntimeException.class, () -> m.record(j, () -> true));
        assertEquals(1, executor.asked.size(), "nothing but the removal went out");
    }
}
