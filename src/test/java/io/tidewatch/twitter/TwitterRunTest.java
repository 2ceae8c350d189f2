package io.tidewatch.twitter;

import io.tidewatch.core.Action;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.TweetLength;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import io.tidewatch.store.IncidentLog;
import io.tidewatch.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code run} on X, end to end: the fake X API v2 on 127.0.0.1, the real Twitter4J client, the shared
 * moderation pipeline on H2. Every test also checks that no request carried any part of a seeded secret.
 */
class TwitterRunTest {
    static final String OWNER = "900000001";
    /** A WIF private key (rules/secrets.toml's own example): natural-language secrets share 6-letter windows with any answer. */
    static final String SEED = "5JUs9iowtfHsHMNDQ9GTjPkAFs9US4KoxWfoLyAUFbVTyKjMEUJ";
    static final String MENTIONS = "GET /2/users/:id/mentions";
    static final String TWEETS = "POST /2/tweets";
    static final String SEND_DM = "POST /2/dm_conversations/with/:participant_id/messages";

    XApiHarness x;
    FakeXApi fake;
    Database db;
    TwitterRig rig;
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        x = new XApiHarness();
        fake = x.api;
        fake.user("1001", "alice", "Alice");
        fake.user("1002", "bob", "Bob");
        fake.user("1003", "xiaoming", "小明");
        fake.user("1004", "ExampleEx_Support", "Example Exchange Support");
        db = TestDatabases.h2();
        rig = new TwitterRig(x, db);
    }

    @AfterEach
    void tearDown() {
        try {
            for (FakeXApi.Call c : fake.calls()) for (String s : secrets) assertNoWindowOf(s, c.everything());
        } finally {
            rig.close();
            db.close();
            x.close();
        }
    }

    String leak(String text) {
        secrets.add(SEED);
        return text + " " + SEED;
    }

    /** No 6-character window of {@code secret} (spaces included) appears in {@code sent}. */
    static void assertNoWindowOf(String secret, String sent) {
        for (int i = 0; i + 6 <= secret.length(); i++) {
            String w = secret.substring(i, i + 6);
            assertFalse(sent.contains(w), "a request carried '" + w + "' of a secret: " + sent);
        }
    }

    List<FakeXApi.Tweet> ourReplies() {
        return fake.tweetsBy(OWNER).stream().filter(t -> t.repliedTo() != null).toList();
    }

    @Test
    void a_leak_under_an_official_post_is_hidden_and_its_owner_gets_the_steps_by_dm_never_the_secret() {
        String official = fake.tweet(OWNER, "Maintenance tonight 02:00 UTC.", null, "en");
        String reply = fake.tweet("1001", leak("@ExampleEx is this my backup?"), official, "en");

        rig.pollAndSettle();

        assertTrue(fake.isHidden(reply));
        assertEquals(List.of(), ourReplies(), "a hidden reply gets no public answer");
        List<FakeXApi.DmEvent> dms = fake.dmsFrom(OWNER);
        assertEquals(1, dms.size());
        assertTrue(dms.get(0).conversationId().contains("1001"));
        assertTrue(dms.get(0).text().contains("new wallet"), dms.get(0).text());
        assertFalse(dms.get(0).text().contains("<b>"), "plain text on X");
        IncidentLog.Incident i = rig.moderation.stores().incidents().recent(1).get(0);
        assertEquals("secret", i.category().wireName());
        assertEquals(reply, i.messageId());
    }

    @Test
    void a_leak_in_a_mention_elsewhere_gets_the_steps_by_dm_and_a_public_warning_without_it() {
        String mention = fake.tweet("1001", leak("@ExampleEx help, my wallet:"), null, "en");
        fake.closeDms("1002");
        String other = fake.tweet("1002", leak("@ExampleEx and mine:"), null, "en");

        rig.poll();
        TwitterRig.await(() -> ourReplies().size() == 2, "a warning under each");
        rig.awaitSettled();

        assertFalse(fake.isHidden(mention));
        assertEquals(1, fake.dmsFrom(OWNER).size(), "the steps reach the one whose DMs are open");
        FakeXApi.Tweet toAlice = ourReplies().stream().filter(t -> t.repliedTo().equals(mention)).findFirst().orElseThrow();
        FakeXApi.Tweet toBob = ourReplies().stream().filter(t -> t.repliedTo().equals(other)).findFirst().orElseThrow();
        assertTrue(toAlice.posted().startsWith("@alice ") && toAlice.posted().contains("sent you the steps"), toAlice.posted());
        assertTrue(toBob.posted().startsWith("@bob ") && toBob.posted().contains("could not send you the steps by DM"), toBob.posted());
        assertTrue(TweetLength.fits(toAlice.posted()) && TweetLength.fits(toBob.posted()));
    }

    @Test
    void look_alike_links_scam_bait_and_impersonators_under_official_posts_are_hidden_and_impersonators_blocked_or_muted() {
        String official = fake.tweet(OWNER, "New listing today.", null, "en");
        String phishing = fake.tweet("1002", "@ExampleEx claim the airdrop at https://examp1e.com/claim", official, "en");
        String scam = fake.tweet("1003", "@ExampleEx Having a withdrawal problem? DM me, I will help you", official, "en");
        String impostor = fake.tweet("1004", "@ExampleEx we are sorry for the delay, send us a DM", official, "en");
        String clean = fake.tweet("1001", "@ExampleEx congrats on the new listing", official, "en");

        rig.pollAndSettle();

        assertTrue(fake.isHidden(phishing), "look-alike link");
        assertTrue(fake.isHidden(scam), "scam bait");
        assertTrue(fake.isHidden(impostor), "impersonator");
        assertFalse(fake.isHidden(clean));
        assertTrue(fake.blocked().contains("1004") || fake.muted().contains("1004"), "the impersonator is blocked or muted");
        assertFalse(fake.blocked().contains("1001") || fake.muted().contains("1001"));
        assertEquals(List.of(), ourReplies(), "nothing to say in public about hidden replies");
    }

    @Test
    void a_help_request_gets_one_short_reply_in_the_askers_language_once_across_polls_and_restarts() {
        String zh = fake.tweet("1003", "@ExampleEx 我的充值还没到账，怎么办？", null, "zh");
        String en = fake.tweet("1002", "@ExampleEx my withdrawal is stuck for 2 days, can someone help?", null, "en");
        String newest = fake.tweet("1001", "@ExampleEx congrats on the new listing 🚀", null, "en");

        rig.pollAndSettle();
        rig.pollAndSettle();

        List<FakeXApi.Tweet> replies = ourReplies();
        assertEquals(2, replies.size(), replies.toString());
        FakeXApi.Tweet toZh = replies.stream().filter(t -> t.repliedTo().equals(zh)).findFirst().orElseThrow();
        FakeXApi.Tweet toEn = replies.stream().filter(t -> t.repliedTo().equals(en)).findFirst().orElseThrow();
        assertTrue(toZh.posted().startsWith("@xiaoming ") && toZh.posted().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), toZh.posted());
        assertTrue(toEn.posted().startsWith("@bob ") && toEn.posted().toLowerCase().contains("withdraw"), toEn.posted());
        for (FakeXApi.Tweet t : replies) {
            assertTrue(TweetLength.of(t.posted()) <= 280, t.posted());
            assertTrue(t.posted().contains("example.com"), "names an official channel: " + t.posted());
        }

        // a restart on the same database reads on from the stored since_id: nothing missed, nothing repeated
        rig.close();
        rig = new TwitterRig(x, db);
        String later = fake.tweet("1001", "@ExampleEx how do I reset my 2FA, lost my phone", null, "en");
        rig.pollAndSettle();
        assertEquals(3, ourReplies().size());
        assertTrue(ourReplies().stream().anyMatch(t -> t.repliedTo().equals(later)));
        List<FakeXApi.Call> reads = fake.calls(MENTIONS);
        assertEquals(newest, lastSinceIdBefore(reads), "the restarted run asks only for newer mentions");
    }

    /** The since_id of the first mentions read after the restart (the second-to-last read may be before it). */
    private static String lastSinceIdBefore(List<FakeXApi.Call> reads) {
        return reads.get(reads.size() - 1).query().get("since_id");
    }

    @Test
    void dms_in_english_and_chinese_get_the_full_answer_and_the_accounts_own_dms_are_never_answered() {
        fake.dm("1002", "Hi, my deposit has not arrived after 3 hours");
        fake.dm("1003", "你好，提现一直在审核中，怎么办？");

        rig.pollAndSettle();
        rig.pollAndSettle(); // our own answers are now among the DM events
        rig.pollAndSettle();

        List<FakeXApi.DmEvent> sent = fake.dmsFrom(OWNER);
        assertEquals(2, sent.size(), sent.toString());
        FakeXApi.DmEvent en = sent.stream().filter(e -> e.conversationId().contains("1002")).findFirst().orElseThrow();
        FakeXApi.DmEvent zh = sent.stream().filter(e -> e.conversationId().contains("1003")).findFirst().orElseThrow();
        assertTrue(en.text().contains("support@example.com") || en.text().contains("https://www.example.com/support/chat"), en.text());
        assertTrue(zh.text().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), zh.text());
        assertFalse(en.text().contains("**") || en.text().contains("<b>"), "plain text");
    }

    @Test
    void a_dm_holding_a_secret_gets_the_urgent_warning_and_the_steps_and_an_incident_but_never_the_secret() {
        secrets.add(SEED);
        fake.dm("1001", "is my wallet safe? " + SEED);

        rig.pollAndSettle();

        List<FakeXApi.DmEvent> sent = fake.dmsFrom(OWNER);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).text().contains("URGENT"), sent.get(0).text());
        assertEquals(1, rig.moderation.stores().incidents().recent(5).size());
        assertNoWindowOf(SEED, rig.moderation.stores().incidents().recent(1).get(0).excerpt());
    }

    @Test
    void a_429_closes_the_endpoint_until_its_reset_and_nothing_calls_it_before() {
        var reset = x.clock.instant().plus(Duration.ofMinutes(15));
        fake.rateLimit(MENTIONS, reset);
        fake.tweet("1002", "@ExampleEx my withdrawal is stuck, help", null, "en");

        assertFalse(rig.poll().mentionsRead());
        for (int i = 0; i < 14; i++) {
            x.clock.advance(Duration.ofMinutes(1));
            rig.poll();
        }
        assertEquals(1, fake.calls(MENTIONS).size(), "no call before the reset");
        assertTrue(rig.poll().dmsRead(), "the other endpoint goes on");
        x.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertTrue(rig.pollAndSettle().mentionsRead());
        assertEquals(2, fake.calls(MENTIONS).size());
        assertEquals(1, ourReplies().size());
    }

    @Test
    void wrong_credentials_and_missing_permissions_are_answered_clearly() {
        rig.close();
        fake.fail("GET /2/users/me", 401, 1);
        ConfigException e = assertThrows(ConfigException.class, () -> new TwitterRig(x, db));
        assertTrue(e.getMessage().contains("401") && e.getMessage().contains("TWITTER_ACCESS_TOKEN"), e.getMessage());
        rig = new TwitterRig(x, db);

        fake.refuseApp(TWEETS, 5);
        String ask = fake.tweet("1002", "@ExampleEx my withdrawal is stuck, help", null, "en");
        rig.pollAndSettle();
        assertEquals(List.of(), ourReplies());
        AuditLog.Entry failed = rig.moderation.stores().audit().all().stream().filter(a -> ask.equals(a.messageId())).findFirst().orElseThrow();
        assertEquals(AuditLog.Status.FAILED, failed.status(), "refused, not retried");
        XApiException refused = assertThrows(XApiException.class, () -> rig.service.api().createTweet("hello", null));
        assertTrue(refused.getMessage().contains("Read and Write and Direct Messages"), refused.getMessage());
    }

    @Test
    void official_and_staff_accounts_are_never_acted_on_and_a_dry_run_acts_on_nothing() {
        rig.close();
        BrandProfile b = TwitterRig.BRAND;
        BrandProfile withStaff = new BrandProfile(b.brand(), b.official(), new BrandProfile.Accounts(b.staff().telegram(),
                List.of(new BrandProfile.Account("1004", "ExampleEx_Support", "Example Exchange Support"))), b.moderators(), b.support());
        rig = new TwitterRig(x, db, TwitterRig.SETTINGS, false, withStaff, null);
        String official = fake.tweet(OWNER, "AMA at 14:00 UTC", null, "en");
        String staff = fake.tweet("1004", "@ExampleEx please DM me for support, I am on the team", official, "en");
        rig.pollAndSettle();
        assertFalse(fake.isHidden(staff));
        assertTrue(fake.blocked().isEmpty() && fake.muted().isEmpty() && ourReplies().isEmpty());

        rig.close();
        rig = new TwitterRig(x, db, TwitterRig.SETTINGS, true, TwitterRig.BRAND, null);
        String leak = fake.tweet("1001", leak("@ExampleEx my phrase"), official, "en");
        fake.tweet("1002", "@ExampleEx my withdrawal is stuck, help", null, "en");
        fake.dm("1003", "提现失败怎么办");
        rig.pollAndSettle();
        assertFalse(fake.isHidden(leak));
        assertEquals(List.of(), ourReplies());
        assertEquals(List.of(), fake.dmsFrom(OWNER));
        assertTrue(rig.moderation.stores().audit().all().stream().anyMatch(e -> e.status() == AuditLog.Status.DRY_RUN));
    }

    @Test
    void moderators_get_the_alert_and_undo_unhides_and_unblocks_through_the_twitter_executor() {
        List<Action> alerts = new CopyOnWriteArrayList<>();
        rig.moderation.routeAlertsTo((a, d) -> {
            alerts.add(a);
            return CompletableFuture.completedFuture(null);
        });
        String official = fake.tweet(OWNER, "New listing today.", null, "en");
        String impostor = fake.tweet("1004", "@ExampleEx we are sorry for the delay, send us a DM", official, "en");
        rig.pollAndSettle();
        assertTrue(fake.isHidden(impostor));
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).text().contains("x.com/ExampleEx_Support/status/" + impostor), alerts.get(0).text());

        long incident = rig.moderation.stores().audit().all().stream().filter(e -> e.action().equals("HIDE_REPLY"))
                .findFirst().orElseThrow().incidentId(); // the incident the alert's buttons carry
        var undone = rig.moderation.undoIncident(incident, "5000000101");
        rig.awaitSettled();
        assertFalse(undone.isEmpty());
        assertFalse(fake.isHidden(impostor));
        assertTrue(fake.blocked().isEmpty() && fake.muted().isEmpty(), "unblocked and unmuted");
        assertTrue(fake.calls("PUT /2/tweets/:id/hidden").stream().anyMatch(c -> c.body().contains("false")));
    }

    @Test
    void a_hide_and_a_reply_pending_when_the_process_dies_are_carried_out_once_after_the_restart() {
        rig.close();
        // the first run records its decisions, then dies before X answers any of them
        ActionExecutor dies = (a, d) -> new CompletableFuture<>();
        rig = new TwitterRig(x, db, TwitterRig.SETTINGS, false, TwitterRig.BRAND, dies);
        String official = fake.tweet(OWNER, "New listing today.", null, "en");
        String leak = fake.tweet("1001", leak("@ExampleEx my phrase"), official, "en");
        String ask = fake.tweet("1002", "@ExampleEx my withdrawal is stuck, help", null, "en");
        rig.poll();
        assertEquals(3, rig.pending().size(), "hide, DM and reply recorded as pending: " + rig.pending());
        rig.close();

        x.clock.advance(rig.moderation.lease().plusSeconds(1)); // the dead run's lease runs out
        rig = new TwitterRig(x, db);
        assertEquals(3, rig.moderation.resume());
        rig.awaitSettled();
        rig.pollAndSettle(); // the mentions were claimed by the dead run: read past, not acted on again
        rig.moderation.resume();
        rig.awaitSettled();

        assertTrue(fake.isHidden(leak));
        assertEquals(1, fake.calls("PUT /2/tweets/:id/hidden").size());
        assertEquals(1, fake.dmsFrom(OWNER).size());
        assertEquals(List.of(ask), ourReplies().stream().map(FakeXApi.Tweet::repliedTo).toList());
    }

    @Test
    void when_the_months_posts_run_low_help_answers_stop_first_and_leak_warnings_still_go_out() {
        rig.close();
        TwitterSettings tiny = new TwitterSettings("tiny", java.util.Map.of("tiny", new TwitterSettings.Tier(10, 10)),
                TwitterRig.SETTINGS.keepBack(), Duration.ofHours(1), List.of());
        rig = new TwitterRig(x, db, tiny, false, TwitterRig.BRAND, null);
        for (int i = 0; i < 9; i++) {
            fake.user("20" + i, "asker" + i, "Asker " + i);
            fake.tweet("20" + i, "@ExampleEx my withdrawal is stuck, help", null, "en");
        }
        rig.pollAndSettle();
        assertEquals(8, ourReplies().size(), "20 % of 10 kept back from help answers");
        assertEquals(1, rig.moderation.stores().audit().all().stream().filter(e -> e.status() == AuditLog.Status.DROPPED).count());

        rig.close();
        rig = new TwitterRig(x, db, tiny, false, TwitterRig.BRAND, null); // the count is in the database
        fake.tweet("1003", "@ExampleEx 提现卡住了，怎么办", null, "zh");
        fake.tweet("1001", leak("@ExampleEx is this right?"), null, "en");
        fake.closeDms("1001");
        rig.poll();
        TwitterRig.await(() -> ourReplies().size() == 9, "the leak warning");
        rig.awaitSettled();
        assertEquals(9, rig.service.budget().used(PostBudget.Kind.TWEET));
        assertTrue(ourReplies().stream().noneMatch(t -> t.posted().startsWith("@xiaoming")), "help held back");
    }
}
