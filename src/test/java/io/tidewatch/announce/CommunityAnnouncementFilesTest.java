package io.tidewatch.announce;

import io.tidewatch.core.Platform;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Announcement files as a community team writes them (DESIGN.md, "Announcement files"). */
class CommunityAnnouncementFilesTest {
    static final String NOTICE = """
            ---
            id: maintenance-notice
            title: "系统维护 / System maintenance"
            targets: [telegram, twitter]
            ---

            系统将于 12 月 3 日 02:00–04:00 (UTC) 维护，期间暂停充值和提现。

            Deposits and withdrawals pause on 3 December, 02:00–04:00 UTC, for system maintenance.
            """;

    @TempDir Path tmp;
    Fixture fx;
    Database db;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
        db = Database.inMemory("community-" + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() { db.close(); }

    @Test
    void a_plain_bilingual_notice_to_telegram_and_twitter_previews_without_problems() {
        fx.write("maint-dec.md", NOTICE);
        AnnouncementDirectory.Entry e = fx.directory().find("maintenance-notice").orElseThrow();
        assertEquals(List.of(), e.problems());
        Announcement a = e.announcement();
        assertEquals(List.of(Announcement.AS_WRITTEN), a.languages());
        assertEquals(Set.of("telegram:-1001000000010", "telegram:-1001000000020", "telegram:-1001000000030", "twitter:ExampleEx"),
                a.targets().stream().map(Target::key).collect(Collectors.toSet()), "telegram: every announcement channel");
        String tweet = e.rendering().twitter().get(Announcement.AS_WRITTEN).get(0);
        assertTrue(tweet.startsWith("系统维护 / System maintenance\n\n系统将于"), tweet);
        assertTrue(tweet.contains("Deposits and withdrawals pause"), "published as written, both languages: " + tweet);
    }

    @Test
    void it_publishes_once_to_every_telegram_channel_whatever_their_languages_and_to_twitter() {
        fx.write("maint-dec.md", NOTICE);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        FakePublisher telegram = new FakePublisher(Platform.TELEGRAM, clock);
        FakePublisher twitter = new FakePublisher(Platform.TWITTER, clock);
        Announcements announcements = new Announcements(fx.directory(), new PublishLedger(db), List.of(telegram, twitter), clock,
                Announcements.Settings.defaults());
        announcements.publishNow("maintenance-notice", "mod");
        assertEquals(4, announcements.publishDue(clock.instant()));
        assertEquals(0, announcements.publishDue(clock.instant()));
        assertEquals(Set.of("-1001000000010", "-1001000000020", "-1001000000030"),
                telegram.sent.stream().map(FakePublisher.Sent::target).collect(Collectors.toSet()));
        assertEquals(1, twitter.sent.size());
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, announcements.list().get(0).schedule());
    }

    @Test
    void the_front_matter_id_is_the_identity_and_the_file_name_only_a_name() {
        fx.write("2026-12-03 notice.md", NOTICE.replace("maintenance-notice", "maint-2026-12-03"));
        List<AnnouncementDirectory.Entry> entries = fx.directory().load();
        assertEquals(List.of("maint-2026-12-03"), entries.stream().map(AnnouncementDirectory.Entry::id).toList());
        assertTrue(entries.get(0).publishable(), entries.get(0).problems().toString());
    }

    @Test
    void language_files_still_belong_to_their_main_file_by_name() {
        fx.write("dec.md", "---\nid: maint-dec\ntitle: {zh: 维护, en: Maintenance}\nlanguages: [zh, en]\ntargets: [news]\n---\n");
        fx.write("dec.zh.md", "维护期间暂停提现。");
        fx.write("dec.en.md", "Withdrawals pause during maintenance.");
        AnnouncementDirectory.Entry e = fx.directory().find("maint-dec").orElseThrow();
        assertEquals(List.of(), e.problems());
        assertEquals(List.of("zh", "en"), e.announcement().languages());
    }

    @Test
    void two_files_with_one_id_are_both_refused() {
        fx.write("one.md", NOTICE);
        fx.write("two.md", NOTICE);
        for (AnnouncementDirectory.Entry e : fx.directory().load()) {
            assertTrue(e.problems().stream().map(Problem::toString).anyMatch(p -> p.contains("id: 'maintenance-notice' is also the id of")),
                    e.problems().toString());
            assertTrue(!e.publishable());
        }
    }

    @Test
    void telegram_names_nothing_when_the_brand_has_no_telegram_channels() {
        fx.write("a.md", NOTICE);
        TargetDirectory none = new TargetDirectory(fx.brand(), java.util.Map.of());
        assertTrue(none.resolve("telegram").isEmpty());
        AnnouncementReader.Result r = new AnnouncementReader(none).read(tmp.resolve("announcements/a.md"));
        assertTrue(r.problems().stream().map(Problem::toString).anyMatch(p -> p.contains("unknown target 'telegram'")), r.problems().toString());
    }
}
