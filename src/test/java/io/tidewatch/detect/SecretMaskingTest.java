package io.tidewatch.detect;

import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.detect.secrets.Fingerprinter;
import io.tidewatch.detect.secrets.RuleSet;
import io.tidewatch.detect.secrets.SecretRule;
import io.tidewatch.detect.secrets.SecretScanner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No excerpt and no reason of any finding, of any category, repeats 6 or more consecutive chars of a
 * secret in the same post: every secret example of rules/secrets.toml, embedded in random chat with
 * scam bait, handles, lookalike links and Chinese, run through all the standard detectors.
 */
class SecretMaskingTest {
    static final Path RULES = Path.of("rules");
    static final Detector ALL = Detectors.standard(RULES, BrandProfileReader.read(RULES.resolve("brand.yaml")), List.of());
    static final SecretScanner SECRETS = new SecretScanner(RuleSet.load(List.of(RULES.resolve("secrets.toml"))),
            new Fingerprinter("masking-test-salt-0123456789".getBytes()));

    static final String[] PREFIXES = {
        "", "pm me ", "DM me for support, ", "hi admin, ", "Having a withdrawal problem? DM me, I will help you. ",
        "Contact our admin @exex_helpdesk_247 to fix it: ", "加我微信 helpu888 立即处理 ", "客服加vx：kefu_2024 ",
        "Claim your airdrop now at exex-drop.xyz ", "visit https://examp1e.com/login and paste ", "请联系官方客服 @exex_kefu 处理 ",
        "Send 100 USDT to verify your account. ", "WhatsApp: +1 555 013 2299 ", "urgent!!! ", "\n", "转50U验证后即可提现 ",
    };
    static final String[] SUFFIXES = {
        "", " and I will fix your withdrawal problem", " DM me for support", " thanks", " 谢谢", " pls help asap",
        " then inbox me, we can assist you", " at https://exex-support.top/verify", " 加我飞机 @exex_cs", "\nWhatsApp me",
        " Official airdrop is live! Connect your wallet to claim", " 您的账户已被冻结，请点击链接验证",
    };

    @Test
    void the_issue_13_case_keeps_the_password_out_of_every_finding() {
        String secret = "Hunter2024!";
        List<Finding> f = ALL.inspect(Post.ofText("m1", "pm me my password is " + secret + " and I will fix your withdrawal problem"));
        assertTrue(f.stream().anyMatch(x -> x.category() == Category.SECRET), f.toString());
        assertEquals(List.of(), leaks(f, List.of(secret)), f.toString());
    }

    @Test
    void a_scam_match_inside_a_key_shows_no_part_of_the_key() {
        String xprv = "xprv9s21ZrQH143K3FMFd8Qg7SxHQj5B4Z37QUBRzXUbVxP5kiQt1gAnhuxxfRyLPMEvdmReiFLW7ppss72gqUkvJbzfYGcAnvG1PqzN8mfBFaF";
        for (String around : List.of("DM me for support " + xprv, xprv + " DM me, I will help you", "inbox me " + xprv + " 加我微信 helpu888")) {
            List<Finding> f = ALL.inspect(Post.ofText("m", around));
            assertEquals(List.of(), leaks(f, List.of(xprv)), f.toString());
        }
    }

    @Test
    void every_secret_example_embedded_in_random_chat_never_reaches_an_excerpt_or_reason() {
        Random rnd = new Random(20261125);
        int posts = 0, withOtherFindings = 0;
        List<String> problems = new ArrayList<>();
        for (SecretRule rule : SECRETS.rules().rules()) {
            for (String example : rule.examples()) {
                for (int k = 0; k < 12; k++) {
                    String text = PREFIXES[rnd.nextInt(PREFIXES.length)] + example + SUFFIXES[rnd.nextInt(SUFFIXES.length)];
                    List<String> secrets = SECRETS.scanDetailed(text).secretTexts();
                    if (secrets.isEmpty()) continue; // whether examples fire is RuleExamplesTest's business
                    List<Finding> f = ALL.inspect(Post.ofText("m" + posts, text));
                    posts++;
                    if (f.stream().anyMatch(x -> x.category() != Category.SECRET)) withOtherFindings++;
                    for (String leak : leaks(f, secrets)) problems.add(rule.id() + ": " + leak + "  <- " + text);
                }
            }
        }
        System.out.printf("masking: %d posts with secrets, %d also with scam/phishing/impersonation findings%n", posts, withOtherFindings);
        assertTrue(posts >= 300 && withOtherFindings >= 50, posts + " / " + withOtherFindings);
        assertEquals(List.of(), problems);
    }

    /** Each excerpt or reason holding a 6-char window of a secret (case and spaces aside), as "rule: text". */
    static List<String> leaks(List<Finding> findings, List<String> secrets) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            for (String shown : List.of(f.excerpt(), f.reason())) {
                String s = squeeze(shown);
                for (String secret : secrets) {
                    String q = squeeze(secret);
                    int w = Math.min(6, q.length());
                    for (int i = 0; i + w <= q.length(); i++) {
                        if (s.contains(q.substring(i, i + w))) { out.add(f.rule() + ": " + shown); break; }
                    }
                }
            }
        }
        return out;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void masking_keeps_the_words_around_the_secret() {
        List<Finding> f = ALL.inspect(Post.ofText("m", "pm me my password is Hunter2024! and I will fix your withdrawal problem"));
        for (Finding x : f) {
            assertFalse(x.excerpt().contains("Hunter"), x.excerpt());
            if (x.category() == Category.SECRET) assertTrue(x.excerpt().contains("password"), x.excerpt());
        }
    }
}
