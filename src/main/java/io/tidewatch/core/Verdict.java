package io.tidewatch.core;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Everything the detectors found in one post. */
public record Verdict(Post post, List<Finding> findings) {
    public Verdict {
        findings = List.copyOf(findings);
    }

    public boolean clean() { return findings.isEmpty(); }

    public Optional<Finding> worst() {
        return findings.stream().max(Comparator.comparing(Finding::severity));
    }

    public boolean has(Category category) {
        return findings.stream().anyMatch(f -> f.category() == category);
    }
}
