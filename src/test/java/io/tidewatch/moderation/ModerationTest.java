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

    Moderation moderation(boolean dryRun) {
        ModerationRules.Loader loader = () -> new ModerationRules(Detectors.standard(Path.of("rules"), BRAND, List.of()),
                Policy.load(Path.of("rules"), BRAND), ChatDirectory.load(Path.of("rules/chats.yaml")), Instant.now());
        return new Moderation(BRAND, loader, stores, Clock.systemUTC(), dryRun);
    }

    static Post group(String userId, String name, String text) {
        return new Post("7", Platform.TELEGRAM, PostKind.GROUP, GROUP, Instant.now(), new Author(userId, null, name), text,
                List.of(), null);
    }

    @Test
    void a_leaked_seed_phrase_is_removed_first_recorded_and_audited_without_the_secret() {
        var m = moderation(false);
        var platform = new Recorder();
        var alerts = new Recorder();
        m.routeAlertsTo(alerts);
        Outcome o = m.moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain(), platform);

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
        var platform = new Recorder();
        String official = BRAND.official().telegram().get(0).id();
        assertTrue(m.moderate(group(official, "Example Exchange", "my seed: " + SEED), PostContext.plain(), platform).isClean());
        assertTrue(m.moderate(group("42", "Alice", "my seed: " + SEED), new PostContext(true, null, null, null), platform).isClean());
        assertTrue(platform.done.isEmpty());
    }

    @Test
    void a_dry_run_decides_and_alerts_but_carries_out_nothing_destructive() {
        var m = moderation(true);
        var platform = new Recorder();
        var alerts = new Recorder();
        m.routeAlertsTo(alerts);
        Outcome o = m.moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain(), platform);
        assertTrue(platform.done.isEmpty());
        assertEquals(1, alerts.done.size());
        assertFalse(o.decision().suppressed().isEmpty());
        assertTrue(stores.audit().forIncident(o.incident()).stream().anyMatch(e -> e.status() == AuditLog.Status.DRY_RUN));
    }

    @Test
    void without_a_moderators_chat_the_incident_log_holds_the_alert() {
        var m = moderation(false);
        var platform = new Recorder();
        Outcome o = m.moderate(group("42", "Alice", "my seed: " + SEED), PostContext.plain(), platform);
        assertTrue(platform.types().stream().noneMatch(t -> t == Action.Type.ALERT_MODERATORS));
        assertTrue(stores.incidents().find(o.incident()).isPresent());
    }

    @Test
    void an_impersonator_is_punished_and_undo_lifts_it_once_and_allows_the_name() {
        var m = moderation(false);
        var platform = new Recorder();
        m.routeAlertsTo(new Recorder());
        Outcome o = m.moderate(group("777", "Example Exchange Supp\u043Ert", "hello"), PostContext.plain(), platform);
        assertTrue(platform.types().stream().anyMatch(t -> t == Action.Type.BAN || t == Action.Type.RESTRICT), platform.types().toString());

        var undone = m.undoIncident(o.incident(), "5000000101", platform);
        assertEquals(1, undone.size());
        assertEquals(Action.Type.UNBAN, platform.done.get(platform.done.size() - 1).type());
        assertTrue(m.undoIncident(o.incident(), "5000000101", platform).isEmpty(), "an undo is carried out once");

        var again = new Recorder();
        Post renamedPost = new Post("8", Platform.TELEGRAM, PostKind.GROUP, GROUP, Instant.now(),
                new Author("777", null, "Example Exchange Supp\u043Ert"), "hi again", List.of(), null);
        assertTrue(m.moderate(renamedPost, PostContext.plain(), again).isClean(), "the allowed name is no longer flagged");
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
}
