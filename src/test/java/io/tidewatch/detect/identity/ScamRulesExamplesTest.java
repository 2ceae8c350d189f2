package io.tidewatch.detect.identity;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every rule in rules/scam.yaml finds its examples and none of its counterexamples. */
class ScamRulesExamplesTest {
    @Test
    void every_scam_rule_agrees_with_its_examples_and_counterexamples() {
        IdentityRules identity = IdentityRules.load(Path.of("rules/identity.yaml"));
        ScamRules rules = ScamRules.load(Path.of("rules/scam.yaml"));
        ScamBaitMatcher matcher = new ScamBaitMatcher(rules, identity.skeleton());
        List<String> wrong = new ArrayList<>();
        for (ScamRule rule : rules.rules()) {
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
}
