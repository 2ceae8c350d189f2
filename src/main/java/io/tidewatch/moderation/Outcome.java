package io.tidewatch.moderation;

import io.tidewatch.core.Finding;
import io.tidewatch.policy.Decision;

import java.util.List;

/**
 * What moderation made of one post: the findings (excerpts redacted), the decision (actions carried
 * out, and those a dry run suppressed), and the first incident recorded for it, or null.
 */
public record Outcome(List<Finding> findings, Decision decision, Long incident) {
    public Outcome {
        findings = List.copyOf(findings);
    }

    public static Outcome clean() { return new Outcome(List.of(), Decision.none(), null); }

    public boolean isClean() { return findings.isEmpty(); }
}
