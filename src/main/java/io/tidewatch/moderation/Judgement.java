package io.tidewatch.moderation;

import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.policy.Decision;

import java.util.List;

/** What moderation decided about one post, before anything is recorded or carried out. */
public record Judgement(Post post, List<Finding> findings, Decision decision) {
    public Judgement {
        findings = List.copyOf(findings);
    }

    static Judgement clean(Post post) { return new Judgement(post, List.of(), Decision.none()); }

    public boolean isClean() { return findings.isEmpty(); }
}
