package io.tidewatch.web;

import io.tidewatch.announce.MutableClock;
import io.tidewatch.core.Action;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import io.tidewatch.detect.Detectors;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.store.IncidentLog;
import io.tidewatch.store.TestDatabases;
import io.tidewatch.support.SupportResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The production sandbox engine and undo over the one moderation pipeline, on an in-memory store. */
class ModerationSandboxTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Database db = TestDatabases.h2();
    private Moderation moderation;
    private ModerationSandbox sandbox;

    private void start(Path rules) {
        BrandProfile brand = BrandProfileReader.read(rules.resolve("brand.yaml"));
        moderation = new Moderation(brand, () -> new ModerationRules(Detectors.standard(rules, brand, List.of()),
                Policy.load(rules, brand), ChatDirectory.load(rules.resolve("chats.yaml")), clock.instant()),
                db, clock, false);
        sandbox = new ModerationSandbox(moderation, () -> SupportResponder.load(rules, brand));
    }

    @AfterEach
    void close() { db.close(); }

    private static SandboxRequest group(String id, String name, String username, String text) {
        return new SandboxRequest(Platform.TELEGRAM, SandboxRequest.Chat.GROUP, new SandboxRequest.User(id, name, username), text);
    }

    @Test
    void a_leak_is_judged_recorded_and_audited_as_on_telegram_and_nothing_leaves() {
        start(WebHarness.RULES);
        SandboxReply reply = sandbox.handle(group("7000000042", "Ivan", "ivan", "seed: " + SandboxApiTest.SEED));
        assertEquals(Category.SECRET, reply.findings().get(0).category());
        assertEquals(Action.Type.DELETE_MESSAGE, reply.actions().get(0).type());
        assertTrue(reply.actions().stream().anyMatch(a -> a.type() == Action.Type.ALERT_MODERATORS), "the alert is shown too");
        assertEquals(SandboxReply.Format.TELEGRAM_HTML, reply.format());
        List<IncidentLog.Incident> incidents = moderation.stores().incidents().page(
                new IncidentLog.Filter(null, null, ModerationSandbox.GROUP_CHAT), 10, null).incidents();
        assertEquals(1, incidents.size());
        Secrets.assertNoWordPairOf(SandboxApiTest.SEED, incidents.get(0).excerpt());
        assertTrue(moderation.stores().audit().all().stream()
                .anyMatch(e -> e.action().equals("DELETE_MESSAGE") && e.status() == AuditLog.Status.DONE));
    }

    @Test
    void an_impersonator_is_banned_and_a_moderator_undoes_it_once() {
        start(WebHarness.RULES);
        SandboxReply reply = sandbox.handle(group("7000095028", "ExEx Suppοrt", "ExEx_Supp0rt",
                "Hello, I am from the support team. Send me a private message and I will fix your withdrawal."));
        assertTrue(reply.findings().stream().anyMatch(f -> f.category() == Category.IMPERSONATION), reply.findings().toString());
        AuditLog.Entry ban = moderation.stores().audit().all().stream()
                .filter(e -> e.action().equals("BAN") || e.action().equals("RESTRICT")).findFirst().orElseThrow();
        ModerationUndo undo = new ModerationUndo(moderation);
        assertTrue(undo.undoable(ban));
        UndoResult result = undo.undo(ban.id(), "web:Anna");
        assertEquals(UndoResult.Outcome.UNDONE, result.outcome(), result.detail());
        assertTrue(result.detail().contains("7000095028"), result.detail());
        assertEquals(UndoResult.Outcome.ALREADY_UNDONE, undo.undo(ban.id(), "web:Anna").outcome());
        AuditLog.Entry unban = moderation.stores().audit().all().stream().filter(e -> e.action().equals("UNBAN")).findFirst().orElseThrow();
        assertEquals("web:Anna", unban.actor());
        assertFalse(undo.undoable(moderation.stores().audit().find(ban.id()).orElseThrow()));
        assertEquals(UndoResult.Outcome.NOT_FOUND, undo.undo(987654, "web").outcome());
        AuditLog.Entry delete = moderation.stores().audit().all().stream().filter(e -> e.action().equals("DELETE_MESSAGE")).findFirst().orElseThrow();
        assertEquals(UndoResult.Outcome.NOT_UNDOABLE, undo.undo(delete.id(), "web").outcome());
    }

    @Test
    void the_official_account_is_trusted_by_id_whatever_it_writes() {
        start(WebHarness.RULES);
        SandboxReply reply = sandbox.handle(group("5000000001", "Example Exchange", "ExampleExchange",
                "Claim your anniversary bonus before midnight: https://examp1e-rewards.com/claim"));
        assertTrue(reply.findings().isEmpty());
        assertTrue(reply.actions().isEmpty());
    }

    @Test
    void a_private_leak_gets_the_revocation_steps_and_the_support_answer_is_counted() {
        start(WebHarness.RULES);
        SandboxReply reply = sandbox.handle(new SandboxRequest(Platform.TELEGRAM, SandboxRequest.Chat.PRIVATE,
                new SandboxRequest.User("7000000042", "Ivan", "ivan"), "is this my seed? " + SandboxApiTest.SEED));
        assertEquals(Category.SECRET, reply.findings().get(0).category());
        assertEquals(1, reply.replies().size());
        Secrets.assertNoWordPairOf(SandboxApiTest.SEED, reply.replies().get(0));
        clock.advance(Duration.ofMinutes(10));
        sandbox.handle(new SandboxRequest(Platform.TELEGRAM, SandboxRequest.Chat.PRIVATE,
                new SandboxRequest.User("7000047514", "李华", "lihua"), "我的充值已经两个小时了还没到账，怎么办？"));
        assertEquals(2, moderation.stores().support().since(java.time.LocalDate.parse("2026-11-25")).stream()
                .mapToInt(io.tidewatch.store.SupportStats.TopicCount::answered).sum());
    }

    @Test
    void a_twitter_question_to_the_official_account_gets_a_plain_text_answer() {
        start(WebHarness.RULES);
        SandboxReply reply = sandbox.handle(new SandboxRequest(Platform.TWITTER, SandboxRequest.Chat.GROUP,
                new SandboxRequest.User("800000042", "Carol", "carol"), "@ExampleEx my withdrawal has been pending for 2 hours, what do I do?"));
        assertEquals(SandboxReply.Format.PLAIN_TEXT, reply.format());
        assertEquals(1, reply.replies().size(), reply.toString());
        assertFalse(reply.replies().get(0).contains("<b>"));
    }

    @Test
    void a_bad_rule_file_is_refused_on_reload_and_the_rules_in_force_stay(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        copy(WebHarness.RULES, rules);
        start(rules);
        Instant loaded = sandbox.rules().loadedAt();
        Files.writeString(rules.resolve("policy.yaml"), "secret: [unclosed\n");
        clock.advance(Duration.ofMinutes(1));
        RulesStatus refused = sandbox.reload();
        assertEquals(loaded, refused.loadedAt());
        assertNotNull(refused.refusal());
        assertTrue(refused.refusal().contains("policy.yaml"), refused.refusal());
        assertFalse(sandbox.handle(group("7000000042", "Ivan", "ivan", "seed: " + SandboxApiTest.SEED)).findings().isEmpty(),
                "the old rules still judge");
        Files.copy(WebHarness.RULES.resolve("policy.yaml"), rules.resolve("policy.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RulesStatus fixed = sandbox.reload();
        assertNull(fixed.refusal());
        assertEquals(clock.instant(), fixed.loadedAt());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
