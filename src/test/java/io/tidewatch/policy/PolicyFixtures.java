package io.tidewatch.policy;

import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.core.Severity;

import java.nio.file.Path;
import java.time.Instant;

final class PolicyFixtures {
    static final Path RULES = Path.of("rules");
    static final BrandProfile BRAND = BrandProfileReader.read(RULES.resolve("brand.yaml"));
    static final Policy POLICY = Policy.load(RULES, BRAND);

    static Post post(PostKind kind, String text) {
        return post(Platform.TELEGRAM, kind, text);
    }

    static Post post(Platform platform, PostKind kind, String text) {
        return new Post("17", platform, kind, "-1001234", Instant.EPOCH,
                new Author("42", "alice", "Alice <b>"), text);
    }

    static Finding finding(Category c, String rule, Severity s) {
        return new Finding(c, rule, s, 0, 5, "abandon ****** (12 words)", "matched " + rule, "fp:1");
    }

    private PolicyFixtures() {}
}
