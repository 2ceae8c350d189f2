package io.tidewatch.store;

import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The repositories' behaviour, run once on H2 and once on PostgreSQL by the subclasses. */
abstract class RepositoriesContract {
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    abstract Database db();

    /** A second pool on the same database, standing in for a second instance of the bot. */
    abstract Database secondInstance();

    @Test
    void an_update_is_claimed_by_exactly_one_of_many_racing_instances() throws Exception {
        UpdateLedger a = new UpdateLedger(db()), b = new UpdateLedger(secondInstance());
        AtomicInteger wins = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new java.util.ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 16; i++) {
                UpdateLedger l = i % 2 == 0 ? a : b;
                tasks.add(() -> { if (l.claim("bot1", 77, T)) wins.incrementAndGet(); return true; });
            }
            for (var f : pool.invokeAll(tasks)) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(1, wins.get());
        assertTrue(a.isClaimed("bot1", 77));
        assertFalse(a.isClaimed("bot2", 77));
    }

    @Test
    void the_polling_offset_only_moves_forward() {
        UpdateLedger l = new UpdateLedger(db());
        assertTrue(l.lastOffset("bot1").isEmpty());
        l.advance("bot1", 10, T);
        l.advance("bot1", 7, T);
        assertEquals(10, l.lastOffset("bot1").getAsLong());
        l.advance("bot1", 12, T);
        assertEquals(12, l.lastOffset("bot1").getAsLong());
    }

    @Test
    void incidents_keep_fingerprint_and_excerpt_and_count_per_day_and_category() {
        IncidentLog log = new IncidentLog(db());
        long id = log.record(Platform.TELEGRAM, "-100", "5", "42", Category.SECRET, "api-key", Severity.HIGH,
                "fp:abc", "sk_live_****", "api key", T);
        log.record(Platform.TELEGRAM, "-100", "6", "43", Category.SECRET, "api-key", Severity.HIGH, "fp:abd", "x", "", T);
        log.record(Platform.TELEGRAM, "-100", "7", "44", Category.IMPERSONATION, "name", Severity.MEDIUM, null, "", "",
                T.plusSeconds(86_400));
        var found = log.find(id).orElseThrow();
        assertEquals("fp:abc", found.fingerprint());
        assertEquals("sk_live_****", found.excerpt());
        assertEquals(T, found.at());
        var counts = log.dailyCounts(T.minusSeconds(10));
        assertEquals(new IncidentLog.DailyCount(LocalDate.parse("2026-11-25"), Category.SECRET, 2), counts.get(0));
        assertEquals(new IncidentLog.DailyCount(LocalDate.parse("2026-11-26"), Category.IMPERSONATION, 1), counts.get(1));
        assertEquals(3, log.recent(10).size());
        assertEquals(3, log.countSince(T));
    }

    @Test
    void audit_entries_record_who_what_why_and_are_undone_once() {
        AuditLog audit = new AuditLog(db());
        long id = audit.record("bot", "BAN", Platform.TELEGRAM, "-100", "42", "9", "impersonation", "imitates staff",
                null, AuditLog.Status.PENDING, T);
        audit.setStatus(id, AuditLog.Status.DONE);
        var e = audit.find(id).orElseThrow();
        assertEquals(AuditLog.Status.DONE, e.status());
        assertEquals("impersonation", e.rule());
        assertEquals("42", e.target());
        assertNull(e.incidentId());
        assertFalse(e.undone());
        assertTrue(audit.markUndone(id));
        assertFalse(audit.markUndone(id), "a second undo does nothing");
        assertTrue(audit.find(id).orElseThrow().undone());
    }

    @Test
    void trust_and_allow_entries_by_id_or_username() {
        TrustList trust = new TrustList(db());
        trust.put(Platform.TELEGRAM, "777", TrustList.Kind.TRUST, "mod", T);
        trust.put(Platform.TELEGRAM, "@Real_Anna", TrustList.Kind.ALLOW, "mod", T);
        assertTrue(trust.has(Platform.TELEGRAM, "777", TrustList.Kind.TRUST));
        assertTrue(trust.has(Platform.TELEGRAM, "@real_anna", TrustList.Kind.ALLOW));
        assertFalse(trust.has(Platform.TWITTER, "777", TrustList.Kind.TRUST));
        trust.put(Platform.TELEGRAM, "777", TrustList.Kind.ALLOW, "mod", T);
        assertFalse(trust.has(Platform.TELEGRAM, "777", TrustList.Kind.TRUST), "replaced, not duplicated");
        assertTrue(trust.remove(Platform.TELEGRAM, "777"));
        assertEquals(1, trust.all().size());
    }

    @Test
    void a_name_is_new_once_per_account() {
        SeenNames names = new SeenNames(db());
        assertTrue(names.firstSighting(Platform.TELEGRAM, "42", "Alice|alice", T));
        assertFalse(names.firstSighting(Platform.TELEGRAM, "42", "Alice|alice", T));
        assertTrue(names.firstSighting(Platform.TELEGRAM, "42", "Support|alice", T));
        assertTrue(names.firstSighting(Platform.TELEGRAM, "43", "Alice|alice", T));
    }

    @Test
    void support_topics_are_counted_per_day() {
        SupportStats stats = new SupportStats(db());
        LocalDate d = LocalDate.parse("2026-11-25");
        stats.count(d, "deposit");
        stats.count(d, "deposit");
        stats.count(d.plusDays(1), "kyc");
        var rows = stats.since(d);
        assertEquals(new SupportStats.TopicCount(d, "deposit", 2), rows.get(0));
        assertEquals(new SupportStats.TopicCount(d.plusDays(1), "kyc", 1), rows.get(1));
    }

    @Test
    void chat_settings_override_and_once_markers() {
        ChatSettingsStore settings = new ChatSettingsStore(db());
        assertTrue(settings.find(Platform.TELEGRAM, "-100").isEmpty());
        settings.put(Platform.TELEGRAM, "-100", new ChatSettingsStore.Override("zh", true, null), T);
        settings.put(Platform.TELEGRAM, "-100", new ChatSettingsStore.Override("zh", false, null), T);
        assertEquals(new ChatSettingsStore.Override("zh", false, null), settings.find(Platform.TELEGRAM, "-100").get());
        OnceMarkers once = new OnceMarkers(db());
        assertTrue(once.first("warn:-100:42", T));
        assertFalse(once.first("warn:-100:42", T));
    }
}
