package io.tidewatch.detect.secrets;

import io.tidewatch.core.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule in rules/secrets.toml carries examples that must fire and counterexamples that must not. */
class RuleExamplesTest {

    @Test
    void every_own_rule_has_examples_and_counterexamples() {
        for (SecretRule r : Scanners.own().rules().rules()) {
            assertFalse(r.examples().isEmpty(), r.id() + " has no examples");
            assertFalse(r.counterexamples().isEmpty(), r.id() + " has no counterexamples");
        }
    }

    @TestFactory
    Stream<DynamicTest> examples_fire_and_counterexamples_do_not() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SecretRule r : Scanners.own().rules().rules()) {
            // a component of composites only (skipReport) fires through a composite that requires it
            List<String> reportedAs = r.skipReport()
                    ? Scanners.own().rules().rules().stream()
                        .filter(c -> c.required().stream().anyMatch(q -> q.id().equals(r.id()))).map(SecretRule::id).toList()
                    : List.of(r.id());
            for (String ex : r.examples()) {
                tests.add(DynamicTest.dynamicTest(r.id() + " fires on: " + ex, () -> {
                    List<Finding> f = Scanners.own().scan(ex);
                    assertTrue(f.stream().anyMatch(x -> reportedAs.contains(x.rule())), r.id() + " should fire on <" + ex + "> but found " + rules(f));
                }));
            }
            for (String ex : r.counterexamples()) {
                tests.add(DynamicTest.dynamicTest(r.id() + " ignores: " + ex, () -> {
                    List<Finding> f = Scanners.own().scan(ex);
                    assertFalse(f.stream().anyMatch(x -> x.rule().equals(r.id())), r.id() + " should not fire on <" + ex + ">");
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> own_examples_still_fire_with_gitleaks_rules_loaded() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SecretRule r : Scanners.own().rules().rules()) {
            for (String ex : r.examples()) {
                tests.add(DynamicTest.dynamicTest(r.id() + ": " + ex, () ->
                        assertFalse(Scanners.withGitleaks().scan(ex).isEmpty(), "nothing found in <" + ex + ">")));
            }
        }
        return tests.stream();
    }

    static List<String> rules(List<Finding> f) { return f.stream().map(Finding::rule).toList(); }
}
