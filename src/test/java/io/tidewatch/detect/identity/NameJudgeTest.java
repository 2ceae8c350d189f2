package io.tidewatch.detect.identity;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.detect.TestBrands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Name imitations across several brands are caught; ordinary names are not; verdicts say why. */
class NameJudgeTest {
    static final IdentityRules RULES = IdentityRules.load(Path.of("rules/identity.yaml"));

    static NameJudge judgeFor(BrandProfile brand) {
        return new NameJudge(RULES, ProtectedNames.from(brand, RULES.skeleton()));
    }

    static Stream<NameCases.Case> imitations() { return NameCases.IMITATIONS.stream(); }

    static Stream<String> ordinary() { return NameCases.ORDINARY.stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imitations")
    void imitation_is_suspicious(NameCases.Case c) {
        NameVerdict v = judgeFor(TestBrands.ALL.get(c.brand())).judge(c.name(), "name");
        assertTrue(v.suspicious(), c.name() + " scored " + v.score());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinary")
    void ordinary_name_is_clean_for_every_brand(String name) {
        for (var e : TestBrands.ALL.entrySet()) {
            NameVerdict v = judgeFor(e.getValue()).judge(name, "name");
            assertFalse(v.suspicious(), name + " flagged for " + e.getKey() + " at " + v.score()
                    + (v.imitates() == null ? "" : " ~ " + v.imitates().display()));
        }
    }

    @Test
    void a_plain_fan_scores_lower_than_fake_support() {
        NameJudge judge = judgeFor(TestBrands.EXAMPLE);
        double fan = judge.judge("Tom loves ExEx", "name").score();
        double support = judge.judge("ExEx Support", "name").score();
        assertTrue(fan < support && fan < RULES.thresholds().suspicious(), fan + " vs " + support);
    }

    @Test
    void an_official_name_copied_as_is_onto_another_account_scores_high() {
        NameJudge judge = judgeFor(TestBrands.EXAMPLE);
        assertTrue(judge.judge("Example Exchange", "name").score() >= RULES.thresholds().high());
        assertTrue(judge.judge("Anna | Example Exchange", "name").score() >= RULES.thresholds().high());
        // a short alias alone is suspicious but not "high": too many fans abbreviate the brand
        double alias = judge.judge("ExEx", "name").score();
        assertTrue(alias >= RULES.thresholds().suspicious() && alias < RULES.thresholds().high(), "alias " + alias);
    }

    @Test
    void verdict_names_the_imitated_name_the_disguises_and_the_bait() {
        NameVerdict v = judgeFor(TestBrands.EXAMPLE).judge("ЕхЕх Suppοrt", "name");
        assertEquals("ExEx", v.imitates().display());
        assertEquals("alias", v.imitates().source());
        assertEquals(Set.of(Transformation.HOMOGLYPH), v.transformations());
        assertEquals(List.of("support"), v.baitWords());
        assertTrue(v.score() >= RULES.thresholds().critical());
    }

    @Test
    void each_disguise_is_reported() {
        NameJudge judge = judgeFor(TestBrands.BINANCE);
        Map<String, Transformation> cases = Map.of(
                "Bin\u200bance Support", Transformation.ZERO_WIDTH,
                "\u202eBinance Support", Transformation.BIDI,
                "B1n4nce Support", Transformation.LEET,
                "Βinance Support", Transformation.HOMOGLYPH,
                "Ｂｉｎａｎｃｅ Support", Transformation.COMPATIBILITY,
                "Bïnance Support", Transformation.DIACRITICS,
                "Binance_Support", Transformation.SEPARATORS,
                "Binance Support ✅", Transformation.DECORATIONS);
        List<String> wrong = new ArrayList<>();
        cases.forEach((name, t) -> {
            NameVerdict v = judge.judge(name, "name");
            if (!v.suspicious() || !v.transformations().contains(t)) wrong.add(name + " -> " + v.transformations() + " " + v.score());
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void a_copied_staff_name_is_suspicious_and_says_it_copies_staff() {
        NameVerdict v = judgeFor(TestBrands.EXAMPLE).judgeAccount("anna_real_99", "Anna | Example Exchange");
        assertTrue(v.suspicious());
        assertEquals("staff telegram name", v.imitates().source());
    }

    @Test
    void username_is_judged_when_the_display_name_is_harmless() {
        NameVerdict v = judgeFor(TestBrands.OKX).judgeAccount("@OKX_Support_Desk", "Jenny");
        assertTrue(v.suspicious());
        assertEquals("username", v.field());
    }

    @Test
    void short_brand_is_not_found_inside_ordinary_words() {
        NameJudge judge = judgeFor(TestBrands.OKX);
        for (String name : List.of("Bokx Tokyo", "Rockxstar", "Fokker", "Oklahoma Support")) {
            assertFalse(judge.judge(name, "name").suspicious(), name);
        }
    }
}
