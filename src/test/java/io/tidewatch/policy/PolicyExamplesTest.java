package io.tidewatch.policy;

import io.tidewatch.core.Action;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.PostKind;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.tidewatch.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs every example in rules/policy.yaml: context + findings -> the action types expected, in order. */
class PolicyExamplesTest {
    @TestFactory
    Stream<DynamicTest> every_example_in_policy_yaml_holds() {
        List<PolicyRules.Example> examples = POLICY.rules().examples();
        assertFalse(examples.isEmpty());
        return examples.stream().map(ex -> DynamicTest.dynamicTest(ex.name(), () -> {
            Map<String, Object> c = ex.context();
            var settings = new ChatSettings((String) c.getOrDefault("language", "en"),
                    Boolean.TRUE.equals(c.get("dry_run")), !Boolean.FALSE.equals(c.get("moderation")));
            var ctx = new PolicyContext(settings, Boolean.TRUE.equals(c.get("trusted")),
                    Boolean.TRUE.equals(c.get("sender_chat")) ? "-100999" : null, "Example group",
                    "https://t.me/c/1234/17", "-1001000000001", "en");
            List<Finding> findings = ex.findings().stream().map(f -> finding(Category.fromWire(f.get("category")),
                    f.get("rule"), Severity.fromWire(f.get("severity")))).toList();
            Platform platform = Platform.fromWire((String) c.getOrDefault("platform", "telegram"));
            var decision = POLICY.decide(post(platform, PostKind.fromWire((String) c.get("kind")), "text"), findings, ctx, k -> true);
            assertEquals(ex.expect(), decision.expected().stream().map(a -> a.type().name()).toList(), ex.name());
        }));
    }
}
