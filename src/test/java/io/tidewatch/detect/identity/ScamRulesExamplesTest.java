package io.tidewatch.detect.identity;

import com.google.re2j.Pattern;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Post;
import io.tidewatch.detect.TestBrands;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every rule in rules/scam.yaml finds its examples and none of its counterexamples, and names words for the
 * prefilter; staff-handle examples hold for every test brand.
 */
class ScamRulesExamplesTest {
    static final IdentityRules IDENTITY = IdentityRules.load(Path.of("rules/identity.yaml"));
    static final ScamRules RULES = ScamRules.load(Path.of("rules/scam.yaml"));

    @Test
    void every_scam_rule_agrees_with_its_examples_and_counterexamples() {
        ScamBaitMatcher matcher = new ScamBaitMatcher(RULES, IDENTITY.skeleton());
        List<String> wrong = new ArrayList<>();
        for (ScamRule rule : RULES.rules()) {
            for (String ex : rule.examples()) {
                if (matcher.find(ex).stream().noneMatch(b -> b.rule().id().equals(rule.id()))) wrong.add(rule.id() + " missed: " + ex);
            }
            for (String ex : rule.counterexamples()) {
                var found = matcher.find(ex);
                if (!found.isEmpty()) wrong.add(rule.id() + " flagged: " + ex + " (by " + found.get(0).rule().id() + ")");
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    /** The matcher runs a pattern only on texts holding its words: a pattern with none would run on every message. */
    @Test
    void every_scam_pattern_names_words_the_prefilter_can_look_for() {
        List<String> blind = new ArrayList<>();
        Map<String, List<Pattern>> all = new LinkedHashMap<>(RULES.concepts());
        for (ScamRule rule : RULES.rules()) all.put(rule.id(), rule.patterns());
        all.forEach((name, patterns) -> {
            for (Pattern p : patterns) {
                if (LiteralPrefixes.of(p.pattern()).isEmpty() && LiteralPrefixes.requiredGroups(p.pattern()).isEmpty()) {
                    blind.add(name + ": " + p.pattern());
                }
            }
        });
        assertEquals(List.of(), blind, String.join("\n", blind));
    }

    @Test
    void staff_handle_examples_hold_for_every_test_brand() {
        ScamBaitMatcher matcher = new ScamBaitMatcher(RULES, IDENTITY.skeleton());
        ScamRules.StaffHandles rule = RULES.staffHandles();
        List<String> wrong = new ArrayList<>();
        for (var e : TestBrands.ALL.entrySet()) {
            BrandProfile brand = e.getValue();
            String stem = brand.brand().domains().get(0).substring(0, brand.brand().domains().get(0).indexOf('.'));
            ScamBaitDetector detector = new ScamBaitDetector(brand, matcher);
            for (String ex : rule.examples()) {
                String text = ex.replace("{brand}", stem);
                if (detector.inspect(Post.ofText("m", text)).stream().noneMatch(f -> f.rule().equals(rule.id()))) wrong.add(e.getKey() + " missed: " + text);
            }
            for (String ex : rule.counterexamples()) {
                String text = ex.replace("{brand}", stem);
                var found = detector.inspect(Post.ofText("m", text));
                if (!found.isEmpty()) wrong.add(e.getKey() + " flagged: " + text + " (by " + found.get(0).rule() + ")");
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }
}
