package io.tidewatch.support;

import io.tidewatch.core.TweetLength;

import io.tidewatch.core.Author;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers themselves: safety, secrets, platform shapes, throttle, menu. */
class SupportResponderTest {
    private static final String API_KEY = "exk_live_9f8a7b6c5d4e3f2a1b0c9d8e";
    /** A test-only detector: the responder's warning depends only on the findings passed in. */
    private static final Detector FAKE_SECRETS = post -> {
        List<Finding> out = new ArrayList<>();
        Matcher m = Pattern.compile("exk_live_[0-9a-f]+").matcher(post.text());
        while (m.find()) {
            out.add(new Finding(Category.SECRET, "exchange-api-key", Severity.CRITICAL, m.start(), m.end(),
                    "exk_live_****", "exchange API key", "fp"));
        }
        m = Pattern.compile("(?:\\b[a-z]{3,8}\\b ){11}\\b[a-z]{3,8}\\b").matcher(post.text());
        while (m.find()) {
            out.add(new Finding(Category.SECRET, "bip39-seed-phrase", Severity.CRITICAL, m.start(), m.end(),
                    "****", "seed phrase", "fp2"));
        }
        return out;
    };
    private static final String SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    private static SupportResponder responder;

    @BeforeAll
    static void load() { responder = Fixtures.responder(); }

    /** One question per topic and language: the rule files' own first example. */
    private static List<String[]> questionPerTopicAndLanguage() {
        List<String[]> out = new ArrayList<>();
        responder.rules().languages().forEach((lang, pack) -> pack.topics().forEach((topic, t) ->
                out.add(new String[]{lang, topic, t.examples().isEmpty() ? t.phrases().get(0) : t.examples().get(0)})));
        return out;
    }

    private static List<Post> shapes(String user, String text) {
        return List.of(Fixtures.dm(Platform.TELEGRAM, user, text), Fixtures.dm(Platform.TWITTER, user, text),
                Fixtures.mention(user, text), Fixtures.dm(Platform.LOCAL, user, text));
    }

    @Test
    void no_answer_in_any_topic_language_or_platform_ever_asks_for_a_secret_or_document() {
        List<String> bad = new ArrayList<>();
        Set<String> topicsSeen = new HashSet<>();
        int n = 0, rendered = 0;
        for (String[] q : questionPerTopicAndLanguage()) {
            for (boolean withSecret : List.of(false, true)) {
                String text = withSecret ? q[2] + " " + API_KEY : q[2];
                for (Post post : shapes("u" + n++, text)) {
                    List<Finding> findings = withSecret ? FAKE_SECRETS.inspect(post) : List.of();
                    for (int i = 0; i < 2; i++) {   // full, then the throttled short form
                        SupportAnswer a = responder.answer(post, findings, Fixtures.THURSDAY.plusSeconds(i));
                        topicsSeen.add(q[0] + "/" + a.topic());
                        rendered++;
                        SecretRequestCheck.violations(a.text()).forEach(v -> bad.add(q[0] + "/" + q[1] + ": " + v));
                        assertFalse(a.text().contains(API_KEY), "never repeats the secret");
                    }
                }
            }
        }
        for (String lang : responder.languages()) {
            SupportAnswer menu = responder.menu(lang);
            SecretRequestCheck.violations(menu.text()).forEach(v -> bad.add(lang + "/menu: " + v));
            for (String cb : List.of("email", "verify", "report")) {
                String t = responder.callback("sup:" + cb + ":" + lang, Fixtures.THURSDAY).orElseThrow().text();
                SecretRequestCheck.violations(t).forEach(v -> bad.add(lang + "/" + cb + ": " + v));
            }
        }
        assertEquals(List.of(), bad);
        assertEquals(responder.topics().size() * responder.languages().size(), topicsSeen.size(), "every topic × language rendered: " + topicsSeen);
        assertTrue(rendered >= 300, "rendered " + rendered);
    }

    @Test
    void the_secret_request_check_catches_requests_and_spares_warnings() {
        for (String request : List.of("Please send us your password to verify.", "DM me your seed phrase", "reply with the 2FA code",
                "Upload your passport photo here", "请提供您的助记词。", "把谷歌验证码发给我们", "请私信发送身份证照片")) {
            assertFalse(SecretRequestCheck.violations(request).isEmpty(), request);
        }
        for (String warning : List.of("Staff will never ask for your password.", "Never share your seed phrase with anyone",
                "工作人员绝不会向您索要密码。", "不要把助记词发给任何人")) {
            assertEquals(List.of(), SecretRequestCheck.violations(warning), warning);
        }
    }

    @Test
    void a_dm_containing_a_secret_starts_with_the_urgent_warning_and_revocation_steps() {
        Post tg = Fixtures.dm(Platform.TELEGRAM, "77", "my api key " + API_KEY + " gives an invalid signature error");
        SupportAnswer a = responder.answer(tg, FAKE_SECRETS.inspect(tg), Fixtures.THURSDAY);
        assertTrue(a.text().startsWith("🚨 <b>URGENT"), a.text());
        assertTrue(a.text().contains("Delete this API key in API Management"), a.text());
        assertFalse(a.text().contains(API_KEY));
        assertEquals("api", a.topic());

        Post seed = Fixtures.dm(Platform.TWITTER, "78", "是不是这样 " + SEED + " 我的钱包被盗了");
        SupportAnswer z = responder.answer(seed, FAKE_SECRETS.inspect(seed), Fixtures.THURSDAY);
        assertTrue(z.text().startsWith("🚨 紧急"), z.text());
        assertTrue(z.text().contains("助记词") && z.text().contains("新钱包"), z.text());
        for (String word : SEED.split(" ")) assertFalse(z.text().contains(word), "seed word echoed: " + word);

        Post publicTweet = Fixtures.mention("79", "@ExampleEx withdrawal stuck, my key is " + API_KEY);
        SupportAnswer t = responder.answer(publicTweet, FAKE_SECRETS.inspect(publicTweet), Fixtures.THURSDAY);
        assertTrue(t.text().startsWith("🚨"), t.text());
        assertTrue(TweetLength.of(t.text()) <= 280);
        assertFalse(t.text().contains(API_KEY));
    }

    @Test
    void findings_of_other_categories_do_not_trigger_the_secret_warning() {
        Post p = Fixtures.dm(Platform.TWITTER, "80", "is this site legit? deposit missing");
        Finding phishing = new Finding(Category.PHISHING, "lookalike-domain", Severity.HIGH, 0, 4, "", "", null);
        assertFalse(responder.answer(p, List.of(phishing), Fixtures.THURSDAY).text().contains("🚨"));
    }

    @Test
    void the_same_user_asking_again_within_minutes_gets_the_short_form() {
        SupportResponder r = Fixtures.responder();
        Instant t0 = Fixtures.THURSDAY;
        SupportAnswer first = r.answer(Fixtures.dm(Platform.TELEGRAM, "42", "deposit not arrived"), List.of(), t0);
        SupportAnswer again = r.answer(Fixtures.dm(Platform.TELEGRAM, "42", "hello??? deposit"), List.of(), t0.plus(Duration.ofMinutes(3)));
        SupportAnswer other = r.answer(Fixtures.dm(Platform.TELEGRAM, "43", "deposit not arrived"), List.of(), t0.plus(Duration.ofMinutes(3)));
        SupportAnswer otherPlatform = r.answer(Fixtures.dm(Platform.TWITTER, "42", "deposit not arrived"), List.of(), t0.plus(Duration.ofMinutes(3)));
        SupportAnswer later = r.answer(Fixtures.dm(Platform.TELEGRAM, "42", "deposit not arrived"), List.of(), t0.plus(Duration.ofMinutes(11)));
        assertFalse(first.brief());
        assertTrue(again.brief());
        assertTrue(again.text().length() < first.text().length() / 3, again.text());
        assertTrue(again.text().contains("https://www.example.com/support/chat"), "the short form still names the channel");
        assertFalse(other.brief());
        assertFalse(otherPlatform.brief());
        assertFalse(later.brief());
    }

    @Test
    void twitter_mentions_fit_280_weighted_characters_with_a_link_and_dms_fit_their_limits() {
        String longQuestion = "我的充值已经三天了还没有到账，".repeat(20) + " please help https://example.org/" + "x".repeat(300);
        List<String> questions = new ArrayList<>();
        questionPerTopicAndLanguage().forEach(q -> questions.add(q[2]));
        questions.add(longQuestion);
        int n = 0;
        for (String q : questions) {
            for (boolean secret : List.of(false, true)) {
                Post m = Fixtures.mention("m" + n++, secret ? q + " " + API_KEY : q);
                SupportAnswer a = responder.answer(m, FAKE_SECRETS.inspect(m), Fixtures.THURSDAY);
                assertTrue(TweetLength.of(a.text()) <= 280, TweetLength.of(a.text()) + ": " + a.text());
                assertTrue(a.text().contains("https://"), a.text());
                assertTrue(a.buttons().isEmpty());
                Post dm = Fixtures.dm(Platform.TWITTER, "d" + n, m.text());
                SupportAnswer d = responder.answer(dm, FAKE_SECRETS.inspect(dm), Fixtures.THURSDAY);
                assertTrue(d.text().length() <= 10_000);
                assertFalse(d.text().contains("<b>"), "Twitter text is plain");
                Post tg = Fixtures.dm(Platform.TELEGRAM, "t" + n, m.text());
                assertTrue(responder.answer(tg, FAKE_SECRETS.inspect(tg), Fixtures.THURSDAY).text().length() <= 4096);
            }
        }
    }

    @Test
    void a_public_help_request_gets_one_post_addressed_to_the_asker_within_280_and_anything_else_gets_none() {
        List<String> questions = new ArrayList<>();
        questionPerTopicAndLanguage().forEach(q -> questions.add(q[2]));
        questions.add("我的充值已经三天了还没有到账，".repeat(20));
        int n = 0;
        for (String q : questions) {
            Post m = new Post("p" + n, Platform.TWITTER, PostKind.MENTION, "c", Fixtures.THURSDAY,
                    new Author("7" + n, "a_rather_long_h" + n, "Asker"), "@ExampleEx " + q, List.of(), null);
            n++;
            if (!responder.asksForHelp(m)) continue;
            SupportAnswer a = responder.publicReply(m, Fixtures.THURSDAY).orElseThrow();
            assertTrue(a.text().startsWith("@" + m.author().username() + " "), a.text());
            assertTrue(TweetLength.of(a.text()) <= 280, TweetLength.of(a.text()) + ": " + a.text());
            assertTrue(a.text().contains("https://"), a.text());
        }
        Post chat = new Post("x", Platform.TWITTER, PostKind.MENTION, "c", Fixtures.THURSDAY,
                new Author("9", "fan", "Fan"), "@ExampleEx congrats on the new listing 🚀", List.of(), null);
        assertTrue(responder.publicReply(chat, Fixtures.THURSDAY).isEmpty(), "not a help request");
        assertTrue(responder.publicReply(Fixtures.dm(Platform.TWITTER, "9", "my deposit is missing"), Fixtures.THURSDAY).isEmpty(),
                "a DM gets the full answer, not the public one");
    }

    @Test
    void telegram_text_escapes_the_users_words_and_uses_only_bold_tags() {
        String evil = "\"quoted\" <script>alert(1)</script> & <b>deposit</b> ${email_address} not credited";
        SupportAnswer a = responder.answer(Fixtures.dm(Platform.TELEGRAM, "90", evil), List.of(), Fixtures.THURSDAY);
        assertFalse(a.text().contains("<script>"));
        assertTrue(a.text().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;deposit&lt;/b&gt;"), a.text());
        assertTrue(a.text().contains("${email_address}"), "user words are never expanded as variables");
        assertTrue(a.text().contains("&quot;quoted&quot;"));
        String withoutBold = a.text().replace("<b>", "").replace("</b>", "");
        assertFalse(withoutBold.contains("<") || withoutBold.contains(">"), "no other tags");
        assertFalse(Pattern.compile("&(?!amp;|lt;|gt;|quot;)").matcher(a.text()).find(), "every & is an entity");
        assertEquals("deposit", a.topic());
    }

    @Test
    void the_help_center_link_searches_the_users_own_words_without_codes_or_links() {
        SupportAnswer a = responder.answer(Fixtures.dm(Platform.TWITTER, "91",
                "withdrawal 0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be pending see https://evil.example/x"), List.of(), Fixtures.THURSDAY);
        assertTrue(a.text().contains("https://www.example.com/help/search?q=withdrawal%20pending%20see"), a.text());
        assertFalse(a.text().contains("0x3f5ce5"));
        assertFalse(a.text().contains("evil.example"));
        SupportAnswer zh = responder.answer(Fixtures.dm(Platform.TWITTER, "92", "提币失败"), List.of(), Fixtures.THURSDAY);
        assertTrue(zh.text().contains("q=%E6%8F%90%E5%B8%81%E5%A4%B1%E8%B4%A5"), zh.text());
        assertTrue(zh.text().contains("https://www.example.com/help/articles/withdrawal-status"), "the topic's article");
    }

    @Test
    void telegram_answers_carry_channel_buttons_in_the_recommended_order() {
        SupportAnswer a = responder.answer(Fixtures.dm(Platform.TELEGRAM, "93", "充值没到账"), List.of(), Fixtures.THURSDAY);
        assertEquals(List.of("live_chat", "email", "help_center"), a.channels());
        assertEquals(3, a.buttons().size());
        assertEquals("https://www.example.com/support/chat", a.buttons().get(0).url());
        assertEquals("sup:email:zh", a.buttons().get(1).callbackData());
        assertEquals("https://www.example.com/help/articles/deposit-not-credited", a.buttons().get(2).url());
    }

    @Test
    void menu_offers_live_chat_email_help_center_verify_and_report_in_each_language() {
        for (String lang : List.of("en", "zh")) {
            SupportAnswer menu = responder.menu(lang);
            assertEquals(lang, menu.language());
            List<Button> b = menu.buttons();
            assertEquals(5, b.size());
            assertEquals("https://www.example.com/support/chat", b.get(0).url());
            assertNull(b.get(0).callbackData());
            assertEquals("sup:email:" + lang, b.get(1).callbackData());
            assertEquals("https://www.example.com/help", b.get(2).url());
            assertEquals("sup:verify:" + lang, b.get(3).callbackData());
            assertEquals("sup:report:" + lang, b.get(4).callbackData());
            assertTrue(menu.text().contains("support@example.com"));
            for (Button button : b) {
                if (button.callbackData() != null) {
                    assertTrue(responder.callback(button.callbackData(), Fixtures.THURSDAY).isPresent(), button.callbackData());
                }
            }
        }
        assertEquals("Live chat", responder.menu("en").buttons().get(0).label().replaceAll("^\\P{L}+", ""));
        assertEquals("在线客服", responder.menu("zh-Hans").buttons().get(0).label().replaceAll("^\\P{L}+", ""));
        assertEquals("en", responder.menu("fr").language(), "unknown languages fall back to the default");
        String verify = responder.callback("sup:verify:en", Fixtures.THURSDAY).orElseThrow().text();
        assertTrue(verify.contains("@ExampleExchange") && verify.contains("5000000001") && verify.contains("@ExampleEx "), verify);
        assertTrue(responder.callback("other:thing", Fixtures.THURSDAY).isEmpty());
    }

    @Test
    void asks_for_help_follows_the_rule_file_examples_and_ignores_official_accounts() {
        responder.rules().languages().forEach((lang, pack) -> {
            for (String s : pack.helpExamples()) assertTrue(responder.asksForHelp(Fixtures.mention("5", s)), s);
            for (String s : pack.notHelpExamples()) assertFalse(responder.asksForHelp(Fixtures.mention("5", s)), s);
        });
        Post official = new Post("x", Platform.TWITTER, PostKind.MENTION, "t", Fixtures.THURSDAY,
                new Author("900000001", "ExampleEx", "Example Exchange"), "withdrawal help: see our help center", List.of(), null);
        assertFalse(responder.asksForHelp(official));
    }

    @Test
    void language_follows_the_script_with_the_platform_hint_as_tie_breaker() {
        record Case(String text, String hint, String expected) {}
        for (Case c : List.of(new Case("my deposit is missing", null, "en"), new Case("我的充值还没到账", null, "zh"),
                new Case("我的USDT deposit还没到账", null, "zh"), new Case("my 充值 is still not credited, what to do", null, "en"),
                new Case("12345 ???", "zh-CN", "zh"), new Case("12345", null, "en"), new Case("kyc 认证失败", "zh", "zh"),
                new Case("Привет, депозит не пришел", null, "en"))) {
            Post p = new Post("l", Platform.TELEGRAM, PostKind.DM, "c", Fixtures.THURSDAY, new Author("1", null, null),
                    c.text(), List.of(), c.hint());
            assertEquals(c.expected(), Fixtures.responder().answer(p, List.of(), Fixtures.THURSDAY).language(), c.text());
        }
    }

    @Test
    void answers_are_the_same_when_many_threads_ask_at_once() throws Exception {
        List<String> questions = new ArrayList<>();
        questionPerTopicAndLanguage().forEach(q -> questions.add(q[2]));
        List<String> expected = new ArrayList<>();
        for (String q : questions) expected.add(responder.answer(Fixtures.mention("", q), List.of(), Fixtures.THURSDAY).topic());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < questions.size(); i++) {
                            String got = responder.answer(Fixtures.mention("", questions.get(i)), List.of(), Fixtures.THURSDAY).topic();
                            if (!got.equals(expected.get(i))) return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) assertTrue(r.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void topic_is_all_the_stats_need_and_is_one_of_the_declared_topics() {
        SupportAnswer a = responder.answer(Fixtures.dm(Platform.TWITTER, "95", "转人工"), List.of(), Fixtures.THURSDAY);
        assertTrue(responder.topics().contains(a.topic()));
        assertEquals(List.of("registration", "kyc", "deposit", "withdrawal", "security", "2fa", "trading", "api", "p2p",
                "complaint", "human", "general"), responder.topics());
        assertNotEquals("general", a.topic());
    }
}
