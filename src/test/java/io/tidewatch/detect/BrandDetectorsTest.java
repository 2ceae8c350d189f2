package io.tidewatch.detect;

import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standard detector set judges names, links and scam bait of posts, trusting official and staff ids. */
class BrandDetectorsTest {
    static final Path RULES = Path.of("rules");
    static final BrandProfile BRAND = BrandProfileReader.read(RULES.resolve("brand.yaml"));
    static final Detector DETECTOR = Detectors.standard(RULES, BRAND, List.of());

    static Post post(PostKind kind, Author author, String text, List<String> links) {
        return new Post("m1", Platform.TELEGRAM, kind, "-1001", Instant.EPOCH, author, text, links, null);
    }

    static List<Category> categories(List<Finding> findings) {
        return findings.stream().map(Finding::category).distinct().sorted().toList();
    }

    @Test
    void an_impersonator_offering_support_is_flagged_for_name_and_bait() {
        var author = new Author("42", "exex_support_desk", "ЕхЕх Suppοrt");
        var findings = DETECTOR.inspect(post(PostKind.GROUP, author, "DM me for support with your withdrawal", List.of()));
        assertEquals(List.of(Category.IMPERSONATION, Category.SCAM), categories(findings));
        Finding name = findings.stream().filter(f -> f.category() == Category.IMPERSONATION).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, name.severity());
        assertTrue(name.reason().contains("ExEx") && name.reason().contains("homoglyph"), name.reason());
    }

    @Test
    void official_and_staff_ids_are_never_flagged_whatever_they_write() {
        var staff = new Author("5000000101", "exex_mod_anna", "Anna | Example Exchange");
        var findings = DETECTOR.inspect(post(PostKind.GROUP, staff, "DM me for support, I will help you", List.of()));
        assertEquals(List.of(), findings);
        var official = new Author("5000000001", "ExampleExchange", "Example Exchange");
        assertEquals(List.of(), DETECTOR.inspect(post(PostKind.CHANNEL, official, "Claim your airdrop now at https://www.example.com/airdrop", List.of())));
    }

    @Test
    void the_same_staff_name_on_another_id_is_an_impersonation() {
        var copy = new Author("777", "anna_exex", "Anna | Example Exchange");
        assertEquals(List.of(Category.IMPERSONATION), categories(DETECTOR.inspect(post(PostKind.JOIN, copy, "", List.of()))));
    }

    @Test
    void a_join_is_judged_by_names_only() {
        var member = new Author("43", "bob", "Bob");
        assertEquals(List.of(), DETECTOR.inspect(post(PostKind.JOIN, member, "claim airdrop at example-support.com", List.of())));
    }

    @Test
    void lookalike_links_in_text_and_in_link_entities_are_phishing() {
        var member = new Author("44", "carol", "Carol");
        var inText = DETECTOR.inspect(post(PostKind.GROUP, member, "new site: examp1e.com/login", List.of()));
        assertEquals(List.of(Category.PHISHING), categories(inText));
        assertEquals("examp1e.com/login", "new site: examp1e.com/login".substring(inText.get(0).start(), inText.get(0).end()));
        var inEntity = DETECTOR.inspect(post(PostKind.GROUP, member, "click here", List.of("https://example.com.secure-login.ru/x")));
        assertEquals(List.of(Category.PHISHING), categories(inEntity));
    }

    @Test
    void mentions_of_lookalike_handles_are_phishing_but_official_handles_are_not() {
        var member = new Author("45", "dave", "Dave");
        var fake = DETECTOR.inspect(post(PostKind.GROUP, member, "ask @ExEx_Support_Team or t.me/ExampleExchange_Help", List.of()));
        assertEquals(2, fake.stream().filter(f -> f.rule().equals("lookalike-handle")).count(), fake.toString());
        assertEquals(List.of(), DETECTOR.inspect(post(PostKind.GROUP, member, "official: @ExampleExchange and https://t.me/ExampleExchange", List.of())));
    }

    @Test
    void an_ordinary_conversation_is_clean() {
        var member = new Author("46", "erin_trades", "Erin");
        for (String text : List.of("Withdrawal took 10 minutes today, nice", "Check https://www.example.com/help and etherscan.io for the tx",
                "我在官网 example.com 上提交了工单", "Never DM anyone who says they are support")) {
            assertEquals(List.of(), DETECTOR.inspect(post(PostKind.GROUP, member, text, List.of())), text);
        }
    }

    @Test
    void reasons_follow_the_post_language() {
        var author = new Author("42", null, "ExEx 客服");
        var zh = new Post("m1", Platform.TELEGRAM, PostKind.GROUP, "-1", Instant.EPOCH, author, "", List.of(), "zh");
        assertTrue(DETECTOR.inspect(zh).get(0).reason().contains("冒充"));
        assertFalse(DETECTOR.inspect(zh.withText("hi")).isEmpty());
    }
}
