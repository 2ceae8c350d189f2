package io.tidewatch.twitter;

import io.tidewatch.announce.AnnouncementDirectory;
import io.tidewatch.announce.AnnouncementStatus;
import io.tidewatch.announce.Announcements;
import io.tidewatch.announce.PublishException;
import io.tidewatch.announce.Publisher;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Platform;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Announcements on Twitter through the ledger, the real client and the fake X API: threads, exactly once. */
class TwitterAnnouncementPublisherTest {
    static final Path RULES = Path.of("rules");

    @TempDir Path tmp;
    XApiHarness h;
    FakeXApi fake;
    XApi x;
    Database db;
    TwitterAnnouncementPublisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        h = new XApiHarness();
        fake = h.api;
        x = h.client();
        db = Database.inMemory("twitter-announce-" + UUID.randomUUID());
        publisher = new TwitterAnnouncementPublisher(x, h.clock);
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            body.append("第").append(i).append("段：维护期间暂停充值和提现，挂单保留，请勿相信任何“补偿”私信。\n\n")
                    .append("Part ").append(i).append(": deposits and withdrawals pause during the upgrade; open orders stay on the book.")
                    .append(" Details: https://www.example.com/help\n\n");
        }
        Files.writeString(tmp.resolve("upgrade.md"), "---\nid: upgrade-2026-12\ntitle: \"系统升级 / System upgrade\"\n"
                + "targets: [twitter]\n---\n\n" + body, StandardCharsets.UTF_8);
    }

    @AfterEach
    void tearDown() {
        db.close();
        h.close();
    }

    Announcements announcements(Publisher p) {
        BrandProfile brand = BrandProfileReader.read(RULES.resolve("brand.yaml"));
        AnnouncementDirectory dir = AnnouncementDirectory.of(tmp, brand, RULES.resolve("brand.yaml"), RULES, host -> false);
        return new Announcements(dir, new PublishLedger(db), List.of(p), h.clock, Announcements.Settings.defaults());
    }

    List<FakeXApi.Tweet> posted() { return fake.tweetsBy(fake.owner().id()); }

    @Test
    void a_long_announcement_is_a_thread_each_tweet_replying_to_the_previous_published_once() {
        Announcements a = announcements(publisher);
        a.publishNow("upgrade-2026-12", "mod");
        int sent = a.publishDue(h.clock.instant());
        assertEquals(0, a.publishDue(h.clock.instant()), "a second tick posts nothing");

        List<FakeXApi.Tweet> tweets = posted();
        assertTrue(tweets.size() >= 3, "a thread: " + tweets.size());
        assertEquals(tweets.size(), sent);
        assertEquals(null, tweets.get(0).repliedTo());
        for (int i = 1; i < tweets.size(); i++) assertEquals(tweets.get(i - 1).id(), tweets.get(i).repliedTo(), "tweet " + (i + 1));
        for (int i = 0; i < tweets.size(); i++) {
            assertTrue(tweets.get(i).posted().endsWith((i + 1) + "/" + tweets.size()), tweets.get(i).posted());
            assertTrue(io.tidewatch.core.TweetLength.fits(tweets.get(i).posted()));
        }
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, a.list().get(0).schedule());
    }

    @Test
    void a_crash_between_posting_and_recording_is_settled_from_the_accounts_tweets_without_a_second_post() {
        Publisher crashing = new CrashAfter(publisher, 2);
        Announcements first = announcements(crashing);
        first.publishNow("upgrade-2026-12", "mod");
        assertThrows(CrashAfter.Crash.class, () -> first.publishDue(h.clock.instant()));
        assertEquals(2, posted().size(), "the second tweet went out, its id was never recorded");

        h.clock.advance(Duration.ofMinutes(5)); // past the claim's lease: the part is reconciled
        Announcements restarted = announcements(publisher);
        restarted.publishDue(h.clock.instant());
        restarted.publishDue(h.clock.instant());

        List<FakeXApi.Tweet> tweets = posted();
        assertEquals(tweets.size(), tweets.stream().map(FakeXApi.Tweet::posted).distinct().count(), "no tweet twice");
        for (int i = 1; i < tweets.size(); i++) assertEquals(tweets.get(i - 1).id(), tweets.get(i).repliedTo(), "tweet " + (i + 1));
        assertTrue(tweets.get(tweets.size() - 1).posted().endsWith(tweets.size() + "/" + tweets.size()));
        assertFalse(fake.calls("GET /2/users/:id/tweets").isEmpty(), "looked the part up among the account's tweets");
        assertEquals(AnnouncementStatus.Schedule.PUBLISHED, restarted.list().get(0).schedule());
    }

    @Test
    void a_post_whose_answer_was_lost_is_found_instead_of_posted_again() throws Exception {
        fake.applyThenFail("POST /2/tweets", 503);
        String id = publisher.send("ExampleEx", "Maintenance at 02:00 UTC. https://www.example.com/help", null, false);
        assertEquals(1, posted().size());
        assertEquals(posted().get(0).id(), id);
    }

    @Test
    void a_part_x_refuses_as_a_duplicate_is_the_earlier_tweet() throws Exception {
        String earlier = x.createTweet("Maintenance at 02:00 UTC & back at 04:00 <UTC>. Details: example.com/help", null);
        h.clock.advance(Duration.ofHours(3));
        String id = publisher.send("@ExampleEx", "Maintenance at 02:00 UTC & back at 04:00 <UTC>. Details: example.com/help", null, false);
        assertEquals(earlier, id);
        assertEquals(1, posted().size());
    }

    @Test
    void find_sent_matches_by_content_since_a_time() throws Exception {
        String a = x.createTweet("Part one https://www.example.com/help\n\n1/2", null);
        x.createTweet("Part two\n\n2/2", a);
        assertEquals(Optional.of(a), publisher.findSent("ExampleEx", "Part one https://www.example.com/help\n\n1/2", h.clock.instant()));
        assertEquals(Optional.empty(), publisher.findSent("ExampleEx", "Part one https://www.example.com/other\n\n1/2", h.clock.instant()));
        assertEquals(Optional.empty(), publisher.findSent("ExampleEx", "Part three\n\n3/3", h.clock.instant()));
    }

    @Test
    void only_the_authenticated_account_can_be_a_target_and_tweets_cannot_be_edited() throws Exception {
        PublishException e = assertThrows(PublishException.class, () -> publisher.send("SomeoneElse", "hi", null, false));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("@ExampleEx"), e.getMessage());
        assertTrue(posted().isEmpty());
        assertFalse(publisher.edit("ExampleEx", "1", "new"));
        assertEquals(Platform.TWITTER, publisher.platform());
    }

    /** A publisher whose process "dies" right after its n-th post reached X, before the ledger recorded it. */
    static final class CrashAfter implements Publisher {
        static final class Crash extends Error {
            Crash() { super("simulated crash after the post, before it was recorded"); }
        }

        private final Publisher delegate;
        private int left;

        CrashAfter(Publisher delegate, int n) {
            this.delegate = delegate;
            this.left = n;
        }

        @Override
        public Platform platform() { return delegate.platform(); }

        @Override
        public String send(String target, String content, String replyTo, boolean pin) throws PublishException {
            String id = delegate.send(target, content, replyTo, pin);
            if (--left == 0) throw new Crash();
            return id;
        }

        @Override
        public boolean edit(String target, String messageId, String content) throws PublishException {
            return delegate.edit(target, messageId, content);
        }

        @Override
        public void unpin(String target, String messageId) throws PublishException { delegate.unpin(target, messageId); }

        @Override
        public Optional<String> findSent(String target, String content, Instant since) throws PublishException {
            return delegate.findSent(target, content, since);
        }
    }
}
