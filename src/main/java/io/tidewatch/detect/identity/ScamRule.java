package io.tidewatch.detect.identity;

import com.google.re2j.Pattern;
import io.tidewatch.core.Severity;

import java.util.List;

/** One kind of scam bait: its RE2/J patterns and the examples and counterexamples it must agree with. */
public record ScamRule(String id, Severity severity, List<Pattern> patterns, List<String> examples,
                       List<String> counterexamples) {
    public ScamRule {
        patterns = List.copyOf(patterns);
        examples = List.copyOf(examples);
        counterexamples = List.copyOf(counterexamples);
    }
}
