package io.tidewatch.detect.links;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Post;
import io.tidewatch.detect.TestBrands;
import io.tidewatch.detect.identity.NameJudge;
import io.tidewatch.detect.identity.ProtectedNames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short brand names (OKX's okx.com, MEXC's mexc.com): typos count with evidence; punycode and visual folds always. */
class ShortNameEvidenceTest {
    static final LookalikeDomainJudge OKX = LookalikeDomainJudgeTest.judgeFor(TestBrands.OKX);
    static final LookalikeDomainJudge.Context BARE = LookalikeDomainJudge.Context.NONE;

    @Test
    void a_one_edit_typo_of_a_three_letter_name_needs_evidence() {
        assertFalse(OKX.judge("okk.com").suspicious(), "a typo on the brand's own TLD, nothing else: anyone's site");
        assertFalse(OKX.judge("okk.net").suspicious(), "an unused TLD alone is half the evidence needed");
        assertTrue(OKX.judge("okk.com", new LookalikeDomainJudge.Context("/login", false)).suspicious(), "phishing path");
        assertTrue(OKX.judge("okk.net", new LookalikeDomainJudge.Context("", true)).suspicious(), "bait in the message");
        assertTrue(OKX.judge("okk.xyz").suspicious(), "a TLD phishers favour");
        assertTrue(OKX.judge("oxk.pages.dev").suspicious(), "free hosting");
        DomainVerdict v = OKX.judge("okc.com", new LookalikeDomainJudge.Context("/claim/reward", true));
        assertEquals("typo-replacement+evidence", v.technique());
        assertEquals(List.of("bait_word", "path"), v.evidence());
    }

    @Test
    void a_dictionary_word_is_never_a_typo_even_with_evidence() {
        var ctx = new LookalikeDomainJudge.Context("/login", true);
        for (String d : List.of("oks.com", "ox.com", "ok.com")) assertFalse(OKX.judge(d, ctx).suspicious(), d);
        LookalikeDomainJudge binance = LookalikeDomainJudgeTest.judgeFor(TestBrands.BINANCE);
        assertFalse(binance.judge("finance.com").suspicious());
        assertFalse(binance.judge("finance.yahoo.com").suspicious());
        assertTrue(binance.judge("binanse.com").suspicious());
        assertTrue(binance.judge("binanse.example-host.com").suspicious(), "a typo in a subdomain counts too");
    }

    @Test
    void punycode_homoglyphs_and_visual_folds_need_no_evidence_whatever_the_length() {
        for (String d : List.of("оkх.com", "xn--k-0tbw.com", "0kx.com", "okx.co")) assertTrue(OKX.judge(d).suspicious(), d);
        LookalikeDomainJudge mexc = LookalikeDomainJudgeTest.judgeFor(
                TestBrands.profile("MEXC", List.of(), List.of("mexc.com"), List.of(), List.of()));
        assertEquals("homoglyph", mexc.judge("rnexc.com").technique());
        LookalikeDomainJudge deribit = LookalikeDomainJudgeTest.judgeFor(
                TestBrands.profile("Deribit", List.of(), List.of("deribit.com"), List.of(), List.of()));
        assertEquals("homoglyph", deribit.judge("cleribit.com").technique());
        LookalikeDomainJudge woo = LookalikeDomainJudgeTest.judgeFor(
                TestBrands.profile("WOO", List.of(), List.of("woo.org"), List.of(), List.of()));
        assertTrue(woo.judge("vvoo.org").suspicious());
        assertFalse(woo.judge("wood.org").suspicious());
    }

    /** Every one-edit variant the fuzzer makes of a 3- or 4-letter domain label, linked with a phishing path. */
    @Test
    void fuzzed_typos_of_short_names_are_caught_with_a_phishing_path_and_not_bare_on_the_brand_tld() {
        Set<String> typoOps = Set.of("replacement", "insertion", "omission", "transposition", "bitsquatting");
        List<String> missed = new ArrayList<>();
        int caught = 0, bareFlagged = 0, total = 0;
        for (BrandProfile brand : List.of(TestBrands.OKX,
                TestBrands.profile("MEXC", List.of(), List.of("mexc.com"), List.of(), List.of()),
                TestBrands.profile("FTX", List.of(), List.of("ftx.com"), List.of(), List.of()))) {
            LookalikeDomainJudge judge = LookalikeDomainJudgeTest.judgeFor(brand);
            for (String domain : brand.brand().domains()) {
                for (var v : DomainFuzzer.fuzz(domain)) {
                    String label = v.domain().substring(0, v.domain().indexOf('.'));
                    if (!typoOps.contains(v.operation()) || label.length() < 3 || WordList.english().contains(label)) continue;
                    // "mex.com" is itself a public suffix; "okx.com" (from "okex.com") is the brand's own
                    if (HostName.parse(v.domain()).isEmpty() || judge.judge(v.domain()).official()) continue;
                    total++;
                    if (judge.judge(v.domain(), new LookalikeDomainJudge.Context("/verify", false)).suspicious()) caught++;
                    else missed.add(v.operation() + " " + v.domain());
                    if (judge.judge(v.domain(), BARE).suspicious()) bareFlagged++;
                }
            }
        }
        System.out.printf("short-name typos: %d/%d caught with a phishing path, %d flagged bare%n", caught, total, bareFlagged);
        assertEquals(List.of(), missed);
    }

    @Test
    void the_detector_reads_bait_from_the_message_and_the_path_from_the_link_and_names_the_evidence() {
        var names = new NameJudge(LookalikeDomainJudgeTest.IDENTITY, ProtectedNames.from(TestBrands.OKX, LookalikeDomainJudgeTest.IDENTITY.skeleton()));
        var detector = new PhishingLinkDetector(OKX, names, LookalikeDomainJudgeTest.IDENTITY, LookalikeDomainJudgeTest.RULES);
        assertEquals(List.of(), detector.inspect(Post.ofText("1", "I moved my blog to okk.com")));
        var found = detector.inspect(Post.ofText("1", "Official event! claim your bonus at okk.com"));
        assertEquals(1, found.size());
        assertTrue(found.get(0).reason().contains("evidence: bait_word"), found.get(0).reason());
        assertEquals(1, detector.inspect(Post.ofText("1", "see https://okk.com/login?next=/assets")).size());
        var zh = detector.inspect(new Post("1", io.tidewatch.core.Platform.TELEGRAM, io.tidewatch.core.PostKind.GROUP, "c", null,
                null, "官方活动：okz.net 领取奖励", List.of(), "zh"));
        assertEquals(1, zh.size());
        assertTrue(zh.get(0).reason().contains("证据"), zh.get(0).reason());
    }
}
