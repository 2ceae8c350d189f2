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

    @Test
    void incidents_page_newest_first_by_keyset_with_filters() {
        IncidentLog log = new IncidentLog(db());
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Platform platform = i % 3 == 0 ? Platform.TWITTER : Platform.TELEGRAM;
            Category category = i % 2 == 0 ? Category.SECRET : Category.SCAM;
            String chat = i % 5 == 0 ? "-200" : "-100";
            ids.add(log.record(platform, chat, String.valueOf(i), "42", category, "r", Severity.HIGH, null, "x", "", T.plusSeconds(i)));
        }
        java.util.List<Long> newest = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(newest);
        assertEquals(newest.subList(0, 5), log.recent(5).stream().map(IncidentLog.Incident::id).toList());
        assertEquals(30, log.recent(1000).size());
        assertEquals(0, log.recent(0).size());

        // every chat -100 scam on Telegram, four at a time, newest first, none twice, none missed
        var filter = new IncidentLog.Filter(Platform.TELEGRAM, Category.SCAM, "-100");
        java.util.List<Long> expected = new java.util.ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            if (i % 3 != 0 && i % 2 != 0 && i % 5 != 0) expected.add(ids.get(i));
        }
        java.util.List<Long> seen = new java.util.ArrayList<>();
        Long before = null;
        int pages = 0;
        do {
            var page = log.page(filter, 4, before);
            assertTrue(page.incidents().size() <= 4);
            page.incidents().forEach(x -> {
                assertEquals(Platform.TELEGRAM, x.platform());
                assertEquals(Category.SCAM, x.category());
                assertEquals("-100", x.chat());
                seen.add(x.id());
            });
            before = page.nextBeforeId();
            pages++;
        } while (before != null);
        assertEquals(expected, seen);
        assertEquals((expected.size() + 3) / 4, pages, "no empty page at the end");
        assertEquals(6, log.page(new IncidentLog.Filter(null, null, "-200"), 100, null).incidents().size());
        assertEquals(newest.subList(10, 15),
                log.page(IncidentLog.Filter.ALL, 5, ids.get(20)).incidents().stream().map(IncidentLog.Incident::id).toList());
    }

    @Test
    void audit_entries_page_newest_first() {
        AuditLog audit = new AuditLog(db());
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(audit.record("bot", "DELETE_MESSAGE", Platform.TELEGRAM, "-100", "42", String.valueOf(i), "r", "", null,
                    AuditLog.Status.DONE, T.plusSeconds(i)));
        }
        assertEquals(java.util.List.of(ids.get(11), ids.get(10), ids.get(9)), audit.recent(3).stream().map(AuditLog.Entry::id).toList());
        assertEquals(java.util.List.of(ids.get(8), ids.get(7)), audit.page(2, ids.get(9)).stream().map(AuditLog.Entry::id).toList());
    }

    @Test
    void retention_deletes_only_what_is_older_than_its_age() {
        Instant now = Instant.parse("2027-06-01T00:00:00Z");
        Instant old = now.minus(java.time.Duration.ofDays(200)), recent = now.minus(java.time.Duration.ofDays(2));
        IncidentLog incidents = new IncidentLog(db());
        AuditLog audit = new AuditLog(db());
        UpdateLedger updates = new UpdateLedger(db());
        SeenNames names = new SeenNames(db());
        OnceMarkers once = new OnceMarkers(db());
        for (Instant at : new Instant[]{old, recent}) {
            incidents.record(Platform.TELEGRAM, "-100", "1", "42", Category.SECRET, "r", Severity.HIGH, null, "x", "", at);
            audit.record("bot", "BAN", Platform.TELEGRAM, "-100", "42", "1", "r", "", null, AuditLog.Status.DONE, at);
            updates.claim("bot1", at.getEpochSecond(), at);
            names.firstSighting(Platform.TELEGRAM, "42", "name@" + at, at);
            once.first("warn@" + at, at);
        }
        updates.claim("bot1", 1, now.minus(java.time.Duration.ofDays(8)));
        var retention = new Retention(db(), Retention.Settings.defaultSettings(), java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        assertEquals(new Retention.Pruned(1, 1, 2, 1, 1), retention.pruneNow());
        assertEquals(1, incidents.recent(10).size());
        assertEquals(recent, incidents.recent(10).get(0).at());
        assertEquals(1, audit.recent(10).size());
        assertTrue(updates.isClaimed("bot1", recent.getEpochSecond()));
        assertFalse(updates.isClaimed("bot1", old.getEpochSecond()));
        assertFalse(names.firstSighting(Platform.TELEGRAM, "42", "name@" + recent, now), "a recent name is still known");
        assertTrue(names.firstSighting(Platform.TELEGRAM, "42", "name@" + old, now), "an old one is judged again");
        assertFalse(once.first("warn@" + recent, now));
        assertTrue(once.first("warn@" + old, now));
        assertEquals(new Retention.Pruned(0, 0, 0, 0, 0), retention.pruneNow(), "nothing more to delete");
    }
}
