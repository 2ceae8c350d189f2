package io.tidewatch.announce;

import io.tidewatch.core.TweetLength;

import io.tidewatch.core.Platform;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule and the ledger, against a recording fake publisher and an in-memory H2 database. */
class AnnouncementsTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final String NEWS = "-1001000000010";

    @TempDir Path tmp;
    Fixture fx;
    Database db;
    MutableClock clock;
    FakePublisher telegram;
    FakePublisher twitter;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
        db = Database.inMemory("announce-" + UUID.randomUUID());
        clock = new MutableClock(T0);
        telegram = new FakePublisher(Platform.TELEGRAM, clock);
        twitter = new FakePublisher(Platform.TWITTER, clock);
    }

    @AfterEach
    void tearDown() { db.close(); }

    Announcements announcements() {
        return new Announcements(fx.directory(), new PublishLedger(db), List.of(telegram, twitter), clock,
                Announcements.Settings.defaults());
    }

    int tickAt(Announcements a, String time) {
        clock.set(Instant.parse(time));
        return a.publishDue(clock.instant());
    }

    AnnouncementStatus status(Announcements a, String id) {
        return a.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    // --- schedule ---

    @ParameterizedTest(name = "publish_at {0} is due at {1}")
    @CsvSource({
            "2026-12-01T10:00:00+08:00, 2026-12-01T02:00:00Z",
            "2026-12-01T02:00:00Z, 2026-12-01T02:00:00Z",
            "2026-11-30T21:00:00-05:00, 2026-12-01T02:00:00Z",
            "'2026-12-01T10:00:00+08:00[Asia/Shanghai]', 2026-12-01T02:00:00Z",
            "2026-12-01T03:00:00+01:00[Europe/Paris], 2026-12-01T02:00:00Z"})
    void publish_at_is_honoured_in_its_own_time_zone(String publishAt, String dueAt) {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npublish_at: \"" + publishAt + "\"", "维护。", "Maintenance."));
        Announcements a = announcements();
        Instant due = Instant.parse(dueAt);
        assertEquals(0, tickAt(a, due.minusSeconds(1).toString()));
        assertEquals(AnnouncementStatus.Schedule.SCHEDULED, status(a, "m1").schedule());
        assertEquals(2, tickAt(a, dueAt), "zh and en to the news channel");
        assertEquals(0, tickAt(a, due.plusSeconds(60).toString()), "never twice");
        assertEquals(2, telegram.sent.size());
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, status(a, "m1").schedule());
    }

    @Test
    void past_due_at_start_up_is_published_on_the_first_tick() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npublish_at: 2026-11-30T20:00:00Z", "维护。", "Maintenance."));
        assertEquals(2, tickAt(announcements(), "2026-12-01T06:00:00Z"));
    }

    @Test
    void past_due_by_more_than_a_day_is_missed_until_a_moderator_publishes_it() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npublish_at: 2026-11-20T20:00:00Z", "维护。", "Maintenance."));
        Announcements a = announcements();
        assertEquals(0, tickAt(a, "2026-12-01T06:00:00Z"));
        AnnouncementStatus s = status(a, "m1");
        assertEquals(AnnouncementStatus.Schedule.MISSED, s.schedule());
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("/announce publish")), s.problems().toString());
        a.publishNow("m1", "5000000101");
        assertEquals(2, a.publishDue(clock.instant()));
    }

    @Test
    void without_publish_at_only_announce_publish_publishes_it() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]", "维护。", "Maintenance."));
        Announcements a = announcements();
        assertEquals(0, tickAt(a, "2030-01-01T00:00:00Z"));
        assertEquals(AnnouncementStatus.Schedule.DRAFT, status(a, "m1").schedule());
        a.publishNow("m1", "5000000101");
        assertEquals(AnnouncementStatus.Schedule.DUE, status(a, "m1").schedule());
        // the request is persisted: another instance (a restart) publishes it
        assertEquals(2, announcements().publishDue(clock.instant()));
        assertEquals(0, a.publishDue(clock.instant()));
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, status(a, "m1").schedule());
    }

    @Test
    void announcements_with_problems_are_neither_published_nor_accepted_by_publish_now() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news, nowhere]\npublish_at: 2026-11-30T20:00:00Z", "维护。", "Maintenance."));
        Announcements a = announcements();
        assertEquals(0, tickAt(a, "2026-12-01T00:00:00Z"));
        assertEquals(AnnouncementStatus.Schedule.INVALID, status(a, "m1").schedule());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.publishNow("m1", "mod"));
        assertTrue(e.getMessage().contains("unknown target 'nowhere'"), e.getMessage());
    }

    @Test
    void expiry_unpins_the_pinned_message_once_and_stops_publishing() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npin: true\npublish_at: 2026-12-01T00:00:00Z\nexpires_at: 2026-12-02T00:00:00Z",
                "维护。", "Maintenance."));
        Announcements a = announcements();
        assertEquals(2, tickAt(a, "2026-12-01T00:00:00Z"));
        assertTrue(telegram.sent.stream().allMatch(FakePublisher.Sent::pin), "the first (only) part of each language is pinned");
        assertEquals(List.of(), telegram.unpinned);
        tickAt(a, "2026-12-02T00:00:00Z");
        assertEquals(2, telegram.unpinned.size());
        tickAt(a, "2026-12-02T00:01:00Z");
        assertEquals(2, telegram.unpinned.size(), "unpinned once");
        assertEquals(AnnouncementStatus.Schedule.EXPIRED, status(a, "m1").schedule());
    }

    @Test
    void expired_before_its_time_came_is_never_published() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npublish_at: 2026-12-01T00:00:00Z\nexpires_at: 2026-12-01T01:00:00Z",
                "维护。", "Maintenance."));
        assertEquals(0, tickAt(announcements(), "2026-12-01T01:00:00Z"));
        assertEquals(0, telegram.sent.size());
    }

    @Test
    void deleting_the_file_unpins_its_messages() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npin: true\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        Announcements a = announcements();
        tickAt(a, "2026-12-01T00:00:00Z");
        fx.delete("m1.md");
        tickAt(a, "2026-12-01T00:05:00Z");
        assertEquals(2, telegram.unpinned.size());
        assertEquals(AnnouncementStatus.Schedule.DELETED, status(a, "m1").schedule());
    }

    @Test
    void cancel_stops_publishing_and_unpins() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]\npin: true\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        fx.write("m2.md", Fixture.announcement("m2", "targets: [news]\npublish_at: 2026-12-02T00:00:00Z", "上线。", "Listing."));
        Announcements a = announcements();
        tickAt(a, "2026-12-01T00:00:00Z");
        a.cancel("m1", "mod");
        a.cancel("m2", "mod");
        assertEquals(2, telegram.unpinned.size());
        assertEquals(0, tickAt(a, "2026-12-03T00:00:00Z"), "m2 never goes out");
        assertEquals(AnnouncementStatus.Schedule.CANCELLED, status(a, "m2").schedule());
    }

    @Test
    void languages_go_only_to_the_chats_that_take_them() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_zh, group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        tickAt(announcements(), "2026-12-01T00:00:00Z");
        assertEquals(1, telegram.sentTo("-1001000000020").size());
        assertTrue(telegram.sentTo("-1001000000020").get(0).content().contains("维护"));
        assertTrue(telegram.sentTo("-1001000000030").get(0).content().contains("Maintenance"));
    }

    @Test
    void a_platform_without_a_running_publisher_waits_and_says_so() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news, twitter]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        Announcements telegramOnly = new Announcements(fx.directory(), new PublishLedger(db), List.of(telegram), clock,
                Announcements.Settings.defaults());
        assertEquals(2, tickAt(telegramOnly, "2026-12-01T00:00:00Z"));
        AnnouncementStatus s = status(telegramOnly, "m1");
        assertEquals(AnnouncementStatus.Schedule.PUBLISHING, s.schedule());
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("no twitter publisher")), s.problems().toString());
        assertEquals(2, announcements().publishDue(clock.instant()), "an instance with Twitter sends the tweets");
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, status(announcements(), "m1").schedule());
    }

    // --- threads ---

    @Test
    void a_thread_goes_out_in_order_each_tweet_replying_to_the_previous() {
        String longEn = ("Deposits and withdrawals pause during the upgrade. " + "Open orders stay on the book. ").repeat(12);
        fx.write("m1.md", Fixture.announcement("m1", "targets: [twitter]\npublish_at: 2026-12-01T00:00:00Z", "维护。", longEn));
        int sent = tickAt(announcements(), "2026-12-01T00:00:00Z");
        List<FakePublisher.Sent> en = twitter.sent.stream().filter(s -> s.content().contains("/")).toList();
        assertTrue(en.size() >= 3, "a thread: " + en.size());
        assertEquals(sent, twitter.sent.size());
        assertEquals(null, twitter.sent.get(0).replyTo());
        for (int i = 1; i < twitter.sent.size(); i++) {
            FakePublisher.Sent s = twitter.sent.get(i);
            if (s.content().startsWith("维护")) continue; // the zh tweet starts its own thread
            if (s.content().contains("\n\n1/")) {
                assertEquals(null, s.replyTo());
            } else {
                assertEquals(twitter.sent.get(i - 1).id(), s.replyTo(), "part " + (i + 1) + " replies to part " + i);
            }
        }
        twitter.sent.forEach(s -> assertTrue(TweetLength.fits(s.content()), s.content()));
    }

    // --- retries ---

    @Test
    void retryable_failure_is_retried_with_back_off_and_sent_once() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        Announcements a = announcements();
        telegram.failures.add(new PublishException("429 Too Many Requests", true));
        assertEquals(0, tickAt(a, "2026-12-01T00:00:00Z"));
        AnnouncementStatus s = status(a, "m1");
        assertEquals("failed", s.deliveries().get(0).state());
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("429") && p.contains("retry at")), s.problems().toString());
        assertEquals(0, tickAt(a, "2026-12-01T00:00:29Z"), "back-off: not yet");
        assertEquals(1, tickAt(a, "2026-12-01T00:00:30Z"));
        assertEquals(0, tickAt(a, "2026-12-01T00:10:00Z"));
        assertEquals(1, telegram.sent.size());
    }

    @Test
    void back_off_doubles_up_to_the_cap() {
        Announcements a = announcements();
        assertEquals(Duration.ofSeconds(30), a.backoff(1));
        assertEquals(Duration.ofSeconds(60), a.backoff(2));
        assertEquals(Duration.ofSeconds(120), a.backoff(3));
        assertEquals(Duration.ofMinutes(30), a.backoff(20));
    }

    @Test
    void permanent_failure_is_not_retried_and_is_shown_to_moderators() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        Announcements a = announcements();
        telegram.failures.add(new PublishException("403 bot was kicked from the group", false));
        tickAt(a, "2026-12-01T00:00:00Z");
        tickAt(a, "2026-12-02T00:00:00Z");
        assertEquals(0, telegram.sent.size());
        assertTrue(status(a, "m1").problems().stream().anyMatch(p -> p.contains("kicked") && p.contains("not retried")));
    }

    @Test
    void a_send_the_platform_cannot_confirm_is_unknown_and_not_retried() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        Announcements a = announcements();
        telegram.failures.add(new PublishException.Unknowable("timed out after the request was written"));
        tickAt(a, "2026-12-01T00:00:00Z");
        tickAt(a, "2026-12-01T01:00:00Z");
        assertEquals(0, telegram.sent.size());
        assertEquals("unknown", status(a, "m1").deliveries().get(0).state());
    }

    // --- crashes between send and record ---

    @Test
    void crash_after_send_is_found_on_reconciliation_and_not_resent() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        telegram.crashing = FakePublisher.Crashing.AFTER_SEND;
        assertThrows(FakePublisher.Crash.class, () -> tickAt(announcements(), "2026-12-01T00:00:00Z"));
        assertEquals(1, telegram.sent.size(), "the message reached the chat; the process died before recording it");

        Announcements restarted = announcements();
        assertEquals(0, restarted.reconcile(Instant.parse("2026-12-01T00:01:00Z")), "within the lease: maybe still sending");
        assertEquals(0, telegram.findSentCalls);
        clock.set(Instant.parse("2026-12-01T00:03:00Z"));
        restarted.reconcile(clock.instant());
        assertEquals(0, restarted.publishDue(clock.instant()));
        assertEquals(1, telegram.sent.size(), "published exactly once");
        AnnouncementStatus.Delivery d = status(restarted, "m1").deliveries().get(0);
        assertEquals("sent", d.state());
        assertEquals(List.of(telegram.sent.get(0).id()), d.messageIds());
    }

    @Test
    void crash_before_the_send_left_is_resent_once() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        telegram.crashing = FakePublisher.Crashing.BEFORE_SEND;
        assertThrows(FakePublisher.Crash.class, () -> tickAt(announcements(), "2026-12-01T00:00:00Z"));
        assertEquals(0, telegram.sent.size());
        Announcements restarted = announcements();
        assertEquals(1, tickAt(restarted, "2026-12-01T00:05:00Z"), "findSent: certainly not sent -> send");
        assertEquals(0, tickAt(restarted, "2026-12-01T00:10:00Z"));
        assertEquals(1, telegram.sent.size());
    }

    @Test
    void crash_where_the_platform_cannot_tell_is_marked_unknown_and_never_resent() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        telegram.crashing = FakePublisher.Crashing.AFTER_SEND;
        assertThrows(FakePublisher.Crash.class, () -> tickAt(announcements(), "2026-12-01T00:00:00Z"));
        telegram.findSentUnknowable = true;
        Announcements restarted = announcements();
        assertEquals(0, tickAt(restarted, "2026-12-01T00:05:00Z"));
        assertEquals(0, tickAt(restarted, "2026-12-01T01:00:00Z"));
        assertEquals(1, telegram.sent.size(), "no duplicate");
        AnnouncementStatus s = status(restarted, "m1");
        assertEquals("unknown", s.deliveries().get(0).state());
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("may or may not have been sent")), s.problems().toString());
        assertTrue(restarted.preview("m1").problems().stream().anyMatch(p -> p.contains("may or may not")));
    }

    @Test
    void a_moderator_settles_unknown_parts_by_resending_or_confirming() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en, group_zh]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Maintenance."));
        telegram.failures.add(new PublishException.Unknowable("timeout"));
        telegram.failures.add(new PublishException.Unknowable("timeout"));
        Announcements a = announcements();
        tickAt(a, "2026-12-01T00:00:00Z");
        assertEquals(0, telegram.sent.size());
        assertEquals(2, a.resolveUnknown("m1", true, "mod"), "resend both");
        assertEquals(2, tickAt(a, "2026-12-01T00:01:00Z"));
        assertEquals(0, a.resolveUnknown("m1", true, "mod"), "nothing left to settle");

        fx.write("m2.md", Fixture.announcement("m2", "targets: [group_en]\npin: true\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Confirmed."));
        telegram.failures.add(new PublishException.Unknowable("timeout"));
        tickAt(a, "2026-12-01T00:02:00Z");
        assertEquals(1, a.resolveUnknown("m2", false, "mod"), "the moderator saw it in the chat");
        assertEquals(0, tickAt(a, "2026-12-01T00:03:00Z"));
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, status(a, "m2").schedule());
        a.cancel("m2", "mod");
        assertEquals(List.of(), telegram.unpinned, "no message id: nothing to unpin");
    }

    @Test
    void crash_in_the_middle_of_a_thread_resumes_it_without_a_duplicate() {
        String longEn = "Open orders stay on the book during the upgrade. ".repeat(20);
        fx.write("m1.md", Fixture.announcement("m1", "targets: [twitter]\npublish_at: 2026-12-01T00:00:00Z", "维护。", longEn));
        // the zh tweet goes first (one part); then the en thread: crash right after its first tweet
        FakePublisher crashing = twitter;
        crashing.crashAfterSendNumber = 2;
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        Announcements a = announcements();
        assertThrows(FakePublisher.Crash.class, () -> a.publishDue(clock.instant()));
        assertEquals(2, crashing.sent.size());

        Announcements restarted = announcements();
        clock.set(Instant.parse("2026-12-01T00:05:00Z"));
        restarted.publishDue(clock.instant());
        long distinct = crashing.sent.stream().map(FakePublisher.Sent::content).distinct().count();
        assertEquals(crashing.sent.size(), distinct, "no tweet twice");
        List<FakePublisher.Sent> en = crashing.sent.stream().filter(s -> !s.content().startsWith("维护")).toList();
        assertTrue(en.size() >= 3);
        for (int i = 1; i < en.size(); i++) assertEquals(en.get(i - 1).id(), en.get(i).replyTo());
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, status(restarted, "m1").schedule());
    }

    // --- edits ---

    @Test
    void editing_a_published_file_edits_the_telegram_messages_and_reports_twitter() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news, twitter]\npublish_at: 2026-12-01T00:00:00Z", "维护两小时。", "Two hours of maintenance."));
        Announcements a = announcements();
        tickAt(a, "2026-12-01T00:00:00Z");
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news, twitter]\npublish_at: 2026-12-01T00:00:00Z", "维护三小时。", "Three hours of maintenance."));
        assertEquals(0, tickAt(a, "2026-12-01T00:10:00Z"), "nothing re-posted");
        assertEquals(2, telegram.edits.size());
        assertTrue(telegram.edits.stream().anyMatch(e -> e.content().contains("Three hours")));
        assertEquals(telegram.sent.stream().map(FakePublisher.Sent::id).sorted().toList(),
                telegram.edits.stream().map(FakePublisher.Edit::messageId).sorted().toList());
        tickAt(a, "2026-12-01T00:20:00Z");
        assertEquals(2, telegram.edits.size(), "edited once");
        List<String> problems = status(a, "m1").problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("twitter") && p.contains("cannot edit")), problems.toString());
        assertEquals(2, twitter.sent.size(), "tweets are not re-posted");
    }

    @Test
    void an_edit_that_changes_the_number_of_parts_is_reported_not_reposted() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", "Short."));
        Announcements a = announcements();
        tickAt(a, "2026-12-01T00:00:00Z");
        String huge = ("A long paragraph about the maintenance window and what it means for you. ".repeat(20) + "\n\n").repeat(6);
        fx.write("m1.md", Fixture.announcement("m1", "targets: [group_en]\npublish_at: 2026-12-01T00:00:00Z", "维护。", huge));
        assertEquals(0, tickAt(a, "2026-12-01T00:10:00Z"));
        assertEquals(0, telegram.edits.size());
        assertEquals(1, telegram.sent.size());
        assertTrue(status(a, "m1").problems().stream().anyMatch(p -> p.contains("from 1 to 3 parts")), status(a, "m1").problems().toString());
    }

    @Test
    void preview_shows_renderings_and_problems() {
        fx.write("m1.md", Fixture.announcement("m1", "targets: [news]", "**维护**", "**Maintenance**"));
        Preview p = announcements().preview("m1");
        assertEquals(List.of("<b>维护通知</b>\n\n<b>维护</b>", "<b>Maintenance notice</b>\n\n<b>Maintenance</b>"), p.telegram());
        assertEquals(List.of(), p.problems());
        assertThrows(IllegalArgumentException.class, () -> announcements().preview("nope"));
    }
}
