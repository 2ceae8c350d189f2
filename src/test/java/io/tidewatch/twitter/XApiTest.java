package io.tidewatch.twitter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The X API facade against the fake v2 server, driven by the real Twitter4J client and signed JDK calls. */
class XApiTest {
    static final String MENTIONS = "GET /2/users/:id/mentions";
    static final String TWEETS = "POST /2/tweets";
    XApiHarness h;
    FakeXApi fake;
    XApi x;

    @BeforeEach
    void setUp() throws Exception {
        h = new XApiHarness();
        fake = h.api;
        x = h.client();
        fake.user("1001", "alice", "Alice");
        fake.user("1002", "bob_cn", "小明");
    }

    @AfterEach
    void tearDown() { h.close(); }

    @Test
    void the_official_account_is_asked_for_once() throws Exception {
        XUser me = x.me();
        assertEquals(new XUser("900000001", "ExampleEx", "Example Exchange"), me);
        x.me();
        assertEquals(1, fake.calls("GET /2/users/me").size());
    }

    @Test
    void mentions_come_with_authors_reply_targets_and_expanded_links_page_by_page() throws Exception {
        String official = fake.tweet("900000001", "Maintenance tonight.", null, "en");
        String reply = fake.tweet("1001", "@ExampleEx my deposit is stuck, see https://exarnple-support.com/ticket?id=1", official, "en");
        String mention = fake.tweet("1002", "@ExampleEx 提现多久到账？", null, "zh");
        fake.pageSize(1);

        XPage<XTweet> page = x.mentionsSince(null, 5);

        assertEquals(List.of(mention, reply), page.items().stream().map(XTweet::id).toList(), "newest first");
        assertNull(page.nextToken(), "every page was read");
        XTweet r = page.items().get(1);
        assertEquals("1001", r.authorId());
        assertEquals("900000001", r.inReplyToUserId(), "the replied-to tweet's author");
        assertEquals(official, r.repliedToId());
        assertEquals(official, r.conversationId());
        assertEquals("en", r.lang());
        assertEquals("https://exarnple-support.com/ticket?id=1", r.links().get(0).expanded());
        assertTrue(r.text().contains("https://t.co/"), "the text holds the t.co link, as on X");
        assertEquals(new XUser("1002", "bob_cn", "小明"), page.users().get("1002"));
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), r.createdAt());
        assertNull(page.items().get(0).inReplyToUserId());
        for (FakeXApi.Call c : fake.calls(MENTIONS)) {
            assertTrue(c.query().get("expansions").contains("author_id"), c.query().toString());
            assertTrue(c.query().get("tweet.fields").contains("in_reply_to_user_id"), c.query().toString());
        }
        assertEquals(2, fake.calls(MENTIONS).size());
    }

    @Test
    void since_id_returns_only_newer_mentions() throws Exception {
        String first = fake.tweet("1001", "@ExampleEx hello", null, "en");
        String second = fake.tweet("1001", "@ExampleEx again", null, "en");
        XPage<XTweet> page = x.mentionsSince(first, 5);
        assertEquals(List.of(second), page.items().stream().map(XTweet::id).toList());
        assertEquals(first, fake.calls(MENTIONS).get(0).query().get("since_id"));
    }

    @Test
    void max_pages_leaves_a_token_when_older_mentions_were_not_read() throws Exception {
        for (int i = 0; i < 3; i++) fake.tweet("1001", "@ExampleEx n" + i, null, "en");
        fake.pageSize(1);
        XPage<XTweet> page = x.mentionsSince(null, 2);
        assertEquals(2, page.items().size());
        assertNotNull(page.nextToken());
    }

    @Test
    void tweets_replies_hiding_blocking_and_muting_reach_the_api() throws Exception {
        String root = x.createTweet("Scheduled maintenance: 02:00-04:00 UTC. https://www.example.com/help", null);
        String reply = fake.tweet("1001", "@ExampleEx send your seed to me", root, "en");
        String ours = x.createTweet("@alice Please never share your seed phrase.", reply);

        assertEquals(reply, fake.tweetById(ours).repliedTo());
        assertEquals(root, fake.tweetById(ours).conversationId());
        x.setHidden(reply, true);
        assertTrue(fake.isHidden(reply));
        assertEquals("{\"hidden\":true}", fake.calls("PUT /2/tweets/:id/hidden").get(0).body());
        x.setHidden(reply, false);
        assertFalse(fake.isHidden(reply));
        x.block("1001");
        x.mute("1002");
        assertEquals(java.util.Set.of("1001"), fake.blocked());
        assertEquals(java.util.Set.of("1002"), fake.muted());
        x.unblock("1001");
        x.unmute("1002");
        assertTrue(fake.blocked().isEmpty() && fake.muted().isEmpty());
        assertEquals("{\"target_user_id\":\"1001\"}", fake.calls("POST /2/users/:id/blocking").get(0).json().toString());
    }

    @Test
    void own_tweets_since_a_time_are_listed_with_their_links_expanded() throws Exception {
        x.createTweet("Before", null);
        h.clock.advance(Duration.ofHours(1));
        Instant since = h.clock.instant();
        String after = x.createTweet("After: https://www.example.com/help", null);
        XPage<XTweet> page = x.userTweets(x.me().id(), since, null);
        assertEquals(List.of(after), page.items().stream().map(XTweet::id).toList());
        assertEquals("https://www.example.com/help", page.items().get(0).links().get(0).expanded());
        assertEquals("2026-12-01T09:00:00Z", fake.calls("GET /2/users/:id/tweets").get(0).query().get("start_time"));
    }

    @Test
    void dm_events_since_an_event_include_senders_and_the_accounts_own_messages() throws Exception {
        String old = fake.dm("1001", "hi");
        h.clock.advance(Duration.ofMinutes(1));
        String question = fake.dm("1002", "我的充值没到账");
        String answer = x.sendDm("1002", "请联系在线客服：https://www.example.com/support/chat");
        fake.pageSize(1);

        XPage<XDmEvent> page = x.dmEventsSince(old, 10);

        assertEquals(List.of(answer, question), page.items().stream().map(XDmEvent::id).toList());
        assertEquals("900000001", page.items().get(0).senderId(), "the bot's own DM is in the list, by its sender id");
        assertEquals("1002", page.items().get(1).senderId());
        assertEquals("1002-900000001", page.items().get(1).conversationId());
        assertTrue(page.items().get(1).isMessage());
        assertEquals("小明", page.users().get("1002").name());
        assertEquals("{\"text\":\"请联系在线客服：https://www.example.com/support/chat\"}",
                fake.calls("POST /2/dm_conversations/with/:participant_id/messages").get(0).body());
        assertEquals("MessageCreate", fake.calls("GET /2/dm_events").get(0).query().get("event_types"));
    }

    // ---- rate limits, retries, refusals ---------------------------------------------------

    @Test
    void a_429_closes_the_endpoint_until_its_reset_and_nothing_is_called_before() throws Exception {
        x.me();
        Instant reset = h.clock.instant().plusSeconds(600);
        fake.rateLimit(MENTIONS, reset);

        XApiException first = assertThrows(XApiException.class, () -> x.mentions(null, null));
        assertEquals(XApiException.Kind.RATE_LIMITED, first.kind());
        assertEquals(reset, first.retryAt());
        XApiException again = assertThrows(XApiException.class, () -> x.mentions(null, null));
        assertEquals(XApiException.Kind.RATE_LIMITED, again.kind());
        assertEquals(1, fake.calls(MENTIONS).size(), "not called again before the reset");
        assertEquals(reset, x.closedUntil(MENTIONS).orElseThrow());
        x.createTweet("other endpoints stay open", null);

        h.clock.set(reset.minusSeconds(1));
        assertThrows(XApiException.class, () -> x.mentions(null, null));
        assertEquals(1, fake.calls(MENTIONS).size());
        h.clock.set(reset);
        x.mentions(null, null);
        assertEquals(2, fake.calls(MENTIONS).size());
        assertTrue(h.sleeps.isEmpty(), "a 429 is not slept through: the caller comes back after the reset");
    }

    @Test
    void an_answer_with_no_calls_remaining_closes_the_endpoint_too() throws Exception {
        x.me();
        Instant reset = h.clock.instant().plusSeconds(300);
        fake.limits(MENTIONS, 0, reset);
        x.mentions(null, null);
        assertThrows(XApiException.class, () -> x.mentions(null, null));
        assertEquals(1, fake.calls(MENTIONS).size());
        h.clock.set(reset);
        x.mentions(null, null);
        assertEquals(2, fake.calls(MENTIONS).size());
    }

    @Test
    void server_errors_on_a_read_are_retried_with_growing_jittered_waits() throws Exception {
        x.me();
        fake.fail(MENTIONS, 503, 3);
        x.mentions(null, null);
        assertEquals(4, fake.calls(MENTIONS).size());
        assertEquals(3, h.sleeps.size());
        for (int i = 0; i < 3; i++) {
            long ceiling = 1000L << i;
            long ms = h.sleeps.get(i).toMillis();
            assertTrue(ms >= ceiling / 2 && ms <= ceiling, "wait " + (i + 1) + " = " + ms + " ms");
        }
    }

    @Test
    void a_read_that_keeps_failing_is_reported_after_the_last_try() throws Exception {
        x.me();
        fake.fail(MENTIONS, 500, 10);
        XApiException e = assertThrows(XApiException.class, () -> x.mentions(null, null));
        assertEquals(XApiException.Kind.SERVER, e.kind());
        assertTrue(e.retryable());
        assertEquals(4, fake.calls(MENTIONS).size());
    }

    @Test
    void a_lost_connection_is_retried_for_reads_and_reported_as_maybe_sent_for_posts() throws Exception {
        x.me();
        fake.dropConnection(MENTIONS);
        x.mentions(null, null);
        assertEquals(2, fake.calls(MENTIONS).size());

        fake.user("1003", "carol", "Carol");
        fake.dropConnection("POST /2/dm_conversations/with/:participant_id/messages");
        XApiException e = assertThrows(XApiException.class, () -> x.sendDm("1003", "hello"));
        assertEquals(XApiException.Kind.NETWORK, e.kind());
        assertTrue(e.maybeApplied());
        assertEquals(1, fake.calls("POST /2/dm_conversations/with/:participant_id/messages").size(), "a post is never repeated blindly");
    }

    /** HttpURLConnection (under Twitter4J) silently re-sends a POST whose connection broke, unless told not to. */
    @Test
    void a_tweet_whose_connection_broke_is_sent_once_and_reported_as_maybe_posted() throws Exception {
        fake.dropConnection(TWEETS);
        XApiException e = assertThrows(XApiException.class, () -> x.createTweet("Exactly once", null));
        assertEquals(XApiException.Kind.NETWORK, e.kind());
        assertTrue(e.maybeApplied());
        assertEquals(1, fake.calls(TWEETS).size(), "the JDK must not re-send the POST by itself");
    }

    @Test
    void a_post_answered_with_5xx_is_not_repeated_and_may_have_happened() throws Exception {
        fake.fail(TWEETS, 503, 1);
        XApiException e = assertThrows(XApiException.class, () -> x.createTweet("Hello", null));
        assertEquals(XApiException.Kind.SERVER, e.kind());
        assertTrue(e.maybeApplied());
        assertEquals(1, fake.calls(TWEETS).size());
        assertTrue(h.sleeps.isEmpty());
    }

    @Test
    void wrong_credentials_are_a_clear_401_and_are_not_retried() {
        XApi wrong = XApi.connect(new TwitterCredentials(FakeXApi.CONSUMER_KEY, "not-the-secret", FakeXApi.ACCESS_TOKEN,
                FakeXApi.ACCESS_SECRET, fake.url()), PostBudget.unlimited(), h.backoff, h.sleeps::add, h.clock);
        XApiException e = assertThrows(XApiException.class, wrong::me);
        assertEquals(XApiException.Kind.UNAUTHORIZED, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("TWITTER_API_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
        assertEquals(1, fake.calls("GET /2/users/me").size());
    }

    @Test
    void a_403_carries_the_apis_reason_and_is_not_retried() throws Exception {
        String someone = fake.tweet("1001", "my own thread", null, "en");
        String reply = fake.tweet("1002", "@alice reply", someone, "en");
        XApiException e = assertThrows(XApiException.class, () -> x.setHidden(reply, true));
        assertEquals(XApiException.Kind.FORBIDDEN, e.kind());
        assertEquals("You are not permitted to hide this reply.", e.apiDetail());
        assertEquals(1, fake.calls("PUT /2/tweets/:id/hidden").size());

        x.createTweet("Same text twice", null);
        XApiException dup = assertThrows(XApiException.class, () -> x.createTweet("Same text twice", null));
        assertEquals(XApiException.Kind.FORBIDDEN, dup.kind());
        assertTrue(dup.apiDetail().contains("duplicate content"), dup.apiDetail());
    }

    @Test
    void the_post_budget_is_taken_per_post_and_given_back_when_nothing_was_posted() throws Exception {
        AtomicInteger left = new AtomicInteger(2);
        PostBudget budget = new PostBudget() {
            @Override
            public boolean tryTake(Kind kind, Purpose purpose) { return left.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0; }

            @Override
            public void giveBack(Kind kind) { left.incrementAndGet(); }
        };
        XApi capped = h.client(budget);
        capped.createTweet("one", null);
        assertEquals(1, left.get());
        assertThrows(XApiException.class, () -> capped.createTweet("one", null)); // 403 duplicate: nothing posted
        assertEquals(1, left.get(), "a refused post is given back");
        fake.fail(TWEETS, 503, 1);
        assertThrows(XApiException.class, () -> capped.createTweet("two", null));
        assertEquals(0, left.get(), "a post that may have happened stays counted");
        XApiException e = assertThrows(XApiException.class, () -> capped.sendDm("1001", "three"));
        assertEquals(XApiException.Kind.BUDGET_EXHAUSTED, e.kind());
        assertEquals(0, fake.calls("POST /2/dm_conversations/with/:participant_id/messages").size(), "nothing sent past the cap");
        capped.me();
        capped.mentions(null, null); // reads draw on no budget
    }

    @Test
    void every_call_is_v2_and_signed_for_the_official_account() throws Exception {
        x.me();
        x.mentions(null, null);
        x.createTweet("hi", null);
        x.dmEvents(null);
        for (FakeXApi.Call c : fake.calls()) {
            assertTrue(c.path().startsWith("/2/"), c.path());
            Map<String, String> oauth = FakeXApi.oauthParams(c.authorization());
            assertNotNull(oauth, c.authorization());
            assertEquals(FakeXApi.CONSUMER_KEY, oauth.get("oauth_consumer_key"));
            assertEquals(FakeXApi.ACCESS_TOKEN, oauth.get("oauth_token"));
            assertTrue(c.status() < 300, c.endpoint() + " answered " + c.status());
        }
    }
}
