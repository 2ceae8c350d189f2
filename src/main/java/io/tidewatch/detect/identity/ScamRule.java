package io.tidewatch.detect.identity;

import com.google.re2j.Pattern;
import io.tidewatch.core.Severity;

import java.util.List;

/**
 * One kind of scam bait: its RE2/J patterns, the patterns that excuse a match of this rule only when
 * its sentence matches one ({@code unless}: a victim asking "can I get my funds back?" is no recovery
 * scammer), and the examples and counterexamples it must agree with.
 *
 * @param combinations sets of concept names ({@link ScamConcepts}), each bait when all its concepts match nearby
 * @param victimStory  the bait tells a victim's story ("lost 4 ETH to a phishing link, @x got it all back"):
 *                     warning words in its clause do not excuse it, negations, questions and reports still do
 * @param negatedBait  the bait is itself a negated instruction ("don't contact the official support about this",
 *                     "先别跟APP里的客服说"): a negation inside its match does not excuse it, one elsewhere in its clause does
 */
public record ScamRule(String id, Severity severity, List<Pattern> patterns, List<List<String>> combinations, List<Pattern> unless,
                       boolean victimStory, boolean negatedBait, List<String> examples, List<String> counterexamples) {
    public ScamRule {
        patterns = List.copyOf(patterns);
        combinations = combinations.stream().map(List::copyOf).toList();
        unless = List.copyOf(unless);
        examples = List.copyOf(examples);
        counterexamples = List.copyOf(counterexamples);
    }
}
