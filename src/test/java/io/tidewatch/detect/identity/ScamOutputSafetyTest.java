package io.tidewatch.detect.identity;

import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.detect.TestBrands;
import io.tidewatch.detect.secrets.Fingerprinter;
import io.tidewatch.detect.secrets.RuleSet;
import io.tidewatch.detect.secrets.SecretScanner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the scam and link findings show is safe: every secret example in rules/secrets.toml, embedded
 * in scam bait and links in random chat, never shows 6 or more consecutive characters of the secret in
 * any excerpt or reason of a scam or phishing finding, as the full detector set reports them (its
 * masking and the scam excerpts' own; issue 13 point 4, issue 11).
 */
class ScamOutputSafetyTest {
    static final String[] TEMPLATES = {
            "DM me for support, {s}", "{s} DM me privately and I will fix it", "Hi, I'm an admin. {s} inbox me for help",
            "加我微信 kefu8888 {s} 私聊我处理", "{s} 有问题私信我", "send 0.1 ETH to {s} to verify your wallet",
            "contact @okx_support_desk {s}", "claim your airdrop at okx-airdrop.xyz/{s} now", "https://okx-login.com/verify?key={s}",
            "my password is {s}, pls help me recover, dm me", "密码是{s}，联系客服 @okx_kefu 处理", "whatsapp +1 555 013 2299 {s}",
            "your account is frozen {s} click the link within 24 hours", "I can recover your funds {s} contact me",
            "giveaway {s} send 1 ETH get 2 back", "https://user:{s}@okx-support.com/claim"};
    static final String[] CHAT = {"gm", "any news?", "lol", "提现好慢", "thanks admin", "BTC to the moon", "今天行情不错", "hello"};

    @Test
    void no_excerpt_or_reason_of_the_brand_detectors_shows_six_characters_of_a_secret() {
        Set<String> values = secretValues();
        Shown shown = shown(List.of(TEMPLATES), values, null);
        // two unlabeled Chinese phrases and a mail app password, written together and in groups of four, and two codes in
        // Chinese numerals ("六零一八六七": a code only after 码; the excerpts mask them anyway)
        assertTrue(shown.unrecognizable <= 6 * TEMPLATES.length,
                "only unlabeled Chinese phrases, codes in Chinese numerals and mail app passwords are out of scope: " + shown.unrecognizable);
        assertTrue(shown.findings > values.size() * 8, "the templates must produce findings: " + shown.findings);
        assertEquals(List.of(), shown.leaks, String.join("\n", shown.leaks));
    }

    /** The learned model's findings too: bait only the model catches, with every secret example in it. */
    @Test
    void no_excerpt_or_reason_of_the_scam_model_shows_six_characters_of_a_secret() {
        ScamRules rules = ScamRules.load(Path.of("rules/scam.yaml"));
        ScamBaitMatcher matcher = new ScamBaitMatcher(rules, ScamBaitMatcherTest.IDENTITY.skeleton());
        ScamModelJudge judge = new ScamModelJudge(matcher);
        List<String> templates = new ArrayList<>();
        for (ScamRules.Labeled l : rules.training()) {
            if (!l.scam() || l.text().contains("#") || !matcher.find(l.text()).isEmpty() || judge.judge(l.text()) == null) continue;
            templates.add(templates.size() % 2 == 0 ? l.text() + " {s}" : "{s} " + l.text());
            if (templates.size() == 16) break;
        }
        assertTrue(templates.size() >= 8, "bait only the model catches: " + templates);
        Set<String> values = secretValues();
        Shown shown = shown(templates, values, rules.model().id());
        assertTrue(shown.findings > values.size() * 2, "the model must raise findings: " + shown.findings);
        assertEquals(List.of(), shown.leaks, String.join("\n", shown.leaks));
    }

    /** Findings judged, Chinese phrases no detector can tell from prose, and excerpts or reasons that show a secret. */
    record Shown(int findings, int unrecognizable, List<String> leaks) {}

    private static Set<String> secretValues() {
        RuleSet secrets = RuleSet.load(List.of(Path.of("rules/secrets.toml")));
        SecretScanner scanner = new SecretScanner(secrets, new Fingerprinter(new byte[32]));
        Set<String> values = new LinkedHashSet<>();
        for (var rule : secrets.rules()) {
            for (String example : rule.examples()) {
                for (Finding f : scanner.scan(example)) values.addAll(sensitiveParts(example.substring(f.start(), f.end())));
            }
        }
        assertTrue(values.size() >= 40, "secret values from the examples: " + values.size());
        return values;
    }

    /** Every secret in every template, in random chat, through the standard detectors; only findings of {@code rule} when given. */
    private static Shown shown(List<String> templates, Set<String> values, String rule) {
        Detector all = io.tidewatch.detect.Detectors.standard(Path.of("rules"), TestBrands.OKX, List.of());
        Random random = new Random(11);
        List<String> leaks = new ArrayList<>();
        int findings = 0, unrecognizable = 0;
        for (String secret : values) {
            for (String template : templates) {
                String text = CHAT[random.nextInt(CHAT.length)] + "\n" + template.replace("{s}", secret) + " " + CHAT[random.nextInt(CHAT.length)];
                List<Finding> found = all.inspect(Post.ofText("m", text));
                int at = text.indexOf(secret);
                boolean seen = found.stream().anyMatch(f -> f.category() == io.tidewatch.core.Category.SECRET && f.start() <= at + secret.length()
                        && f.end() >= at);
                // a phrase with a word masked ("lift plug … ***** … abuse") is one only where the message says so: a label,
                // seed words, "I hid one word"; the template gives none
                if (!seen && isMaskedPhrase(secret)) continue;
                if (!seen && (isUnspacedHan(secret) || isLowerCaseLetters(secret))) {
                    // twelve Chinese characters written together are a phrase only after a label: out of
                    // context nobody (no detector, no reader) can tell them from prose
                    unrecognizable++;
                    continue;
                }
                for (Finding f : found) {
                    if (f.category() != io.tidewatch.core.Category.SCAM && f.category() != io.tidewatch.core.Category.PHISHING) continue;
                    if (rule != null && !f.rule().equals(rule)) continue;
                    findings++;
                    String shownText = f.excerpt() + " | " + f.reason();
                    String leaked = null;
                    for (String part : unlabelled(secret)) if (leaked == null) leaked = window(part, shownText, text.replace(secret, " "));
                    if (leaked != null) leaks.add(f.rule() + " shows '" + leaked + "' of a secret in: " + shownText);
                }
            }
        }
        return new Shown(findings, unrecognizable, leaks);
    }

    /**
     * What of a finding's span is secret: a span of several parts with labels ("key … secret: … passphrase:
     * …", "organizations/…/apiKeys/…") is secret in its parts that carry digits; a span of words only
     * (a seed phrase) is secret as a whole.
     */
    static List<String> sensitiveParts(String span) {
        String[] parts = span.split("[\\s/:=]+");
        if (parts.length < 2) return List.of(span);
        List<String> withDigits = new ArrayList<>();
        for (String p : parts) if (p.chars().anyMatch(Character::isDigit) && p.length() >= 6) withDigits.add(p);
        return withDigits.isEmpty() ? List.of(span) : withDigits;
    }

    /**
     * A secret of several lines without the labels the writer gave them ("first six: … ⏎last six: …", "前六个：…"): excerpts
     * keep a label next to the masked value, and a label is no part of the secret. The secret itself when no line has one.
     */
    static List<String> unlabelled(String secret) {
        List<String> values = new ArrayList<>();
        boolean anyLabel = false;
        for (String line : secret.split("\n")) {
            String value = line.replaceFirst("^[^:：\\s][^:：]{0,15}[:：]\\s*", "").strip();
            anyLabel |= value.length() < line.strip().length();
            if (!value.isEmpty()) values.add(value);
        }
        return anyLabel ? values : List.of(secret);
    }

    /**
     * The first 6-character window of the secret (spacing normalized) found in the output, ignoring
     * windows the message shows without the secret ("privat" of "DM me privately") and windows inside
     * one English word of the secret ("organi" of "organizations/…/apiKeys/…", "Dignit" of a seed
     * phrase): a word alone reveals nothing, a run of them does.
     */
    static String window(String secret, String output, String textWithoutSecret) {
        String s = secret.replaceAll("[\\s\\u200b]+", " ").strip();
        for (int i = 0; i + 6 <= s.length(); i++) {
            String w = s.substring(i, i + 6);
            if (w.chars().filter(Character::isLetterOrDigit).count() < 4 || textWithoutSecret.contains(w)) continue;
            if (insideOneWord(s, i, i + 6)) continue;
            if (output.contains(w)) return w;
        }
        return null;
    }

    /** The window's letters and digits all belong to one English word of the secret ("-----BEGI", " secre", "tions/"). */
    private static boolean insideOneWord(String s, int from, int to) {
        while (from < to && !Character.isLetterOrDigit(s.charAt(from))) from++;
        while (to > from && !Character.isLetterOrDigit(s.charAt(to - 1))) to--;
        for (int k = from; k < to; k++) if (!Character.isLetter(s.charAt(k))) return false;
        int a = from, b = to;
        while (a > 0 && Character.isLetter(s.charAt(a - 1))) a--;
        while (b < s.length() && Character.isLetter(s.charAt(b))) b++;
        return io.tidewatch.detect.links.WordList.english().contains(s.substring(a, b).toLowerCase(java.util.Locale.ROOT));
    }

    /** A mail app password ("qwhzmrtkvbnsjdle", "qwhz mrtk vbns jdle"): without its label, letters like any word's. */
    private static boolean isLowerCaseLetters(String s) {
        return s.length() <= 19 && s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == ' ');
    }

    private static boolean isMaskedPhrase(String s) {
        return s.indexOf('*') >= 0 && s.codePoints().allMatch(c -> c == '*' || c == '＊' || c == ' ' || (c >= 'a' && c <= 'z')
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static boolean isUnspacedHan(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
