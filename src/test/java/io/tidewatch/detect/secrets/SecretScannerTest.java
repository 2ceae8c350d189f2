package io.tidewatch.detect.secrets;

import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables of chat messages per secret category: what must be found, under which rule, and what is not a secret. */
class SecretScannerTest {
    static final String SEED12 = "fancy muffin offer equal scorpion harsh caught arm never jar cake hire";
    static final String SEED24 = "dignity pig spring artefact unlock cloth truth empty orbit spatial marble almost razor gaze frame tape latin flame sad file destroy shrug enroll flame";

    private static List<String> rules(String text) {
        return Scanners.own().scan(text).stream().map(Finding::rule).toList();
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
        password-in-chat            | hey my password is Tide#2024 can u check
        password-in-chat            | PWD: zxcv7788
        password-in-chat-zh         | 我的登录密码是abc778899，客服帮我看下
        password-in-chat-zh         | 资金密码为 556677
        email-password-pair         | my acct jack.chen@163.com:Jc19880808 got hacked
        exchange-api-key-uuid       | api key 4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b
        exchange-api-credential     | API_SECRET = 'Q7mZ9xK2pL4vN8wR6tY3uI1oP5aS0dF'
        binance-api-key             | binance apikey=3M03NBQNSgPwlUQia1ID6vW5dql05ha064gIiJhgB3cxLmAxzJLJenuHjDUrhhje
        private-key-hex             | 导入这个私钥 0x3a33847e5bbb07fd07ca47784231b19af45872ceefb9fc59f4f95d14381a3a78 到metamask
        wif-private-key             | L1eCzhzDqUuuxy7XfjeeBcFCPy1KeJBTuCaEUcfAKkgSKSPTaV8c
        bip32-extended-private-key  | backup xprv9s21ZrQH143K3FMFd8Qg7SxHQj5B4Z37QUBRzXUbVxP5kiQt1gAnhuxxfRyLPMEvdmReiFLW7ppss72gqUkvJbzfYGcAnvG1PqzN8mfBFaF ok?
        bip39-seed-phrase           | Fancy, Muffin, Offer, Equal, Scorpion, Harsh, Caught, Arm, Never, Jar, Cake, Hire
        totp-backup-key             | 2fa secret key EADSNF7HO7HKOJM4 in case I lose my phone
        one-time-code               | 谷歌验证码：482913
        cn-resident-id              | 身份证 440306199003076519 帮忙实名
        passport-number             | passport E12345678
        payment-card-number         | 信用卡 4532015112830366 有效期 12/27
        """)
    void finds_each_category(String rule, String text) {
        assertTrue(rules(text).contains(rule), rule + " expected in " + rules(text) + " for <" + text + ">");
    }

    @ParameterizedTest(name = "not a secret: {0}")
    @ValueSource(strings = {
        "txid: 0x04d3af95cce4b6aef4b1a43a15070a22a35cf51a60d5738e0ca004a088ae3e7d",
        "交易ID 04d3af95cce4b6aef4b1a43a15070a22a35cf51a60d5738e0ca004a088ae3e7d 还没到账",
        "https://etherscan.io/tx/0x04d3af95cce4b6aef4b1a43a15070a22a35cf51a60d5738e0ca004a088ae3e7d",
        "deposit address 0x430074cc11bfee80e58917a88610bebc7940cf13 is that right?",
        "send to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq please",
        "my TRC20 address TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
        "order id 2024112512345678 still pending",
        "订单号：202411250001234567 提现还没到",
        "my UID is 48213377, please check",
        "BTC at 97,250.50 and ETH 3,412.18 today",
        "password reset link didn't arrive",
        "never share your seed phrase, private key or 2FA code with anyone",
        "A private key looks like this: `0x` followed by 64 hex chars, e.g. `0xaaaa...`",
        "the key format is ```3a33847e5bbb07fd07ca47784231b19af45872ceefb9fc59f4f95d14381a3a78``` for example",
        "I will never give away this wallet because the market will move again soon",
        "pizza party this weekend, bring your own drink and snacks",
        "请问提币要多久？我的UID 33445566",
        "error code 100012 again",
        "价格 62500 USDT 挂单",
    })
    void leaves_non_secrets_alone(String text) {
        assertEquals(List.of(), rules(text));
    }

    @Test
    void okx_key_secret_and_passphrase_over_lines_are_one_critical_finding() {
        String text = "OKX API\nAPI key: 4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b\nSecret key: 5516CDF2F8B8657666BEF215B9282BFE\nPassphrase: Moon2024!";
        List<Finding> f = Scanners.own().scan(text);
        assertEquals(1, f.size(), f.toString());
        assertEquals("okx-api-credentials", f.get(0).rule());
        assertEquals(Severity.CRITICAL, f.get(0).severity());
        assertTrue(f.get(0).start() <= text.indexOf("4b7f") && f.get(0).end() >= text.indexOf("Moon2024!") + 9);
    }

    /** A context phrase counts when it reaches into the window: a long one need not start inside it. */
    @Test
    void a_context_phrase_that_ends_inside_the_window_counts() {
        String toml = "[[rules]]\nid = 'n'\nregex = '\\b(\\d{6})\\b'\nkeywords = ['0']\ncontextRequired = true\n"
                + "contextWindow = 10\ncontextWords = ['authenticator code']\n";
        SecretScanner s = new SecretScanner(RuleSet.of(List.of(RuleFileReader.parse(Path.of("t.toml"), toml))), Scanners.FINGERPRINTER);
        assertEquals(1, s.scan("the authenticator code, here: 409638").size());
        assertEquals(0, s.scan("the authenticator code was asked for twice, here: 409638").size());
    }

    /** alsoKeywords: a rule runs only when the text holds one of its keywords and one of these. */
    @Test
    void a_rule_with_also_keywords_needs_one_of_each() {
        String toml = "[[rules]]\nid = 'n'\nregex = '(\\d{6})'\nkeywords = ['pin']\nalsoKeywords = [' as ', '当']\n";
        SecretScanner s = new SecretScanner(RuleSet.of(List.of(RuleFileReader.parse(Path.of("t.toml"), toml))), Scanners.FINGERPRINTER);
        assertEquals(1, s.scan("used 409638 as the pin").size());
        assertEquals(1, s.scan("用409638当pin").size());
        assertEquals(0, s.scan("the pin 409638").size());
        assertEquals(0, s.scan("used 409638 as the code").size());
    }

    @Test
    void generic_key_value_split_over_lines_is_found() {
        assertTrue(rules("apiKey=\n   vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgw").contains("exchange-api-credential"));
    }

    @ParameterizedTest(name = "evasion: {0}")
    @ValueSource(strings = {
        "my pass\u200bword is Tide#2024",
        "ｍｙ ｐａｓｓｗｏｒｄ ｉｓ Ｔｉｄｅ２０２４",
        "my p a s s w o r d is Tide2024",
        "my p.a.s.s.w.o.r.d is Tide2024",
        "密\u200b码是abc778899",
        "密 码 是 abc778899",
    })
    void normalization_defeats_evasions(String text) {
        assertFalse(rules(text).isEmpty(), "nothing found in <" + text + ">");
    }

    @Test
    void spans_point_into_the_original_text_after_normalization() {
        String text = "ｍｙ ｐａｓｓｗｏｒｄ ｉｓ Ｔｉｄｅ２０２４ ok";
        Finding f = Scanners.own().scan(text).get(0);
        String covered = text.substring(f.start(), f.end());
        assertTrue(covered.endsWith("Ｔｉｄｅ２０２４"), covered);
        assertTrue(text.substring(f.end()).equals(" ok"));
    }

    @Test
    void seed_phrase_span_is_utf16_offsets_and_excerpt_shows_no_word() {
        String text = "我的助记词 → " + SEED24 + " 谢谢";
        Finding f = Scanners.own().scan(text).get(0);
        assertEquals("bip39-seed-phrase", f.rule());
        assertEquals(Category.SECRET, f.category());
        assertEquals(text.indexOf("dignity"), f.start());
        assertEquals(text.indexOf(" 谢谢"), f.end());
        assertEquals("****** … (24 words)", f.excerpt());
    }

    @Test
    void excerpts_never_contain_the_secret_and_keep_token_type_prefixes() {
        String token = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
        String text = "stripe: my key is " + token;
        for (Finding f : Scanners.withGitleaks().scan(text)) {
            assertFalse(f.excerpt().contains(token), f.excerpt());
            assertFalse(f.excerpt().contains("4eC39HqLyjWDarjtT1zdp7dc"), f.excerpt());
        }
        assertEquals("ghp_****…(40 chars)", Redactor.maskToken("ghp_mPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPg"));
        assertEquals("my password is ****", Scanners.own().scan("my password is Tide#2024").get(0).excerpt());
    }

    @Test
    void an_excerpt_cut_inside_a_secret_hides_the_secrets_first_or_last_chars_at_its_edge() {
        List<String> secrets = List.of("2omp u6ni 55ms pdem ee");
        assertEquals("scan this [image] ****…", Redactor.maskWindows("scan this [image] 2omp u…", secrets));
        assertEquals("…**** ok", Redactor.maskWindows("…em ee ok", secrets));
        assertEquals("bait: \"[image] ****…\" (score 0.98)", Redactor.maskWindows("bait: \"[image] 2omp u…\" (score 0.98)", secrets),
                "a reason quoting the cut excerpt");
        assertEquals("a whole sentence with 2om", Redactor.maskWindows("a whole sentence with 2om", secrets), "three chars reveal nothing");
    }

    @Test
    void same_secret_same_fingerprint_different_secret_different_fingerprint() {
        Finding a = Scanners.own().scan("my password is Tide#2024").get(0);
        Finding b = Scanners.own().scan("pwd: Tide#2024 again").get(0);
        Finding c = Scanners.own().scan("my password is Tide#2025").get(0);
        assertNotNull(a.fingerprint());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertFalse(a.fingerprint().equals(c.fingerprint()));
        Finding numbered = Scanners.own().scan("1. fancy 2. muffin 3. offer 4. equal 5. scorpion 6. harsh 7. caught 8. arm 9. never 10. jar 11. cake 12. hire").get(0);
        Finding plain = Scanners.own().scan("seed: " + SEED12.toUpperCase()).get(0);
        assertEquals(plain.fingerprint(), numbered.fingerprint(), "a phrase is the same phrase however it is typed");
        assertFalse(new Fingerprinter("another-salt-0123456789".getBytes()).fingerprint("password", "Tide#2024").equals(a.fingerprint()));
    }

    @Test
    void every_finding_is_category_secret_with_a_fingerprint() {
        for (Finding f : Scanners.own().scan("pwd: zxcv7788 and seed " + SEED12)) {
            assertEquals(Category.SECRET, f.category());
            assertNotNull(f.fingerprint());
        }
    }
}
