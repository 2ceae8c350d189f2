package io.tidewatch.detect.identity;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.core.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges a post's author names (display name and username) against the protected names; official
 * and staff ids are never judged. Emits one {@code impersonation} finding, severity by score.
 */
public final class ImpersonationDetector implements Detector {
    private final BrandProfile brand;
    private final NameJudge judge;
    private final IdentityRules rules;

    public ImpersonationDetector(BrandProfile brand, NameJudge judge, IdentityRules rules) {
        this.brand = brand;
        this.judge = judge;
        this.rules = rules;
    }

    @Override
    public List<Finding> inspect(Post post) {
        var author = post.author();
        if (brand.isTrusted(post.platform(), author.id())) return List.of();
        NameVerdict v = judge.judgeAccount(author.username(), author.name());
        if (!v.suspicious()) return List.of();
        return List.of(new Finding(Category.IMPERSONATION, "impersonation-" + v.field(), severity(v.score(), rules),
                0, 0, v.name(), reason(v, rules, post.language()), null));
    }

    public static Severity severity(double score, IdentityRules rules) {
        if (score >= rules.thresholds().critical()) return Severity.CRITICAL;
        if (score >= rules.thresholds().high()) return Severity.HIGH;
        return Severity.MEDIUM;
    }

    /** The verdict's reason in the post's language, from the template in identity.yaml. */
    public static String reason(NameVerdict v, IdentityRules rules, String language) {
        String transformations = v.transformations().isEmpty() ? ""
                : "; " + v.transformations().stream().map(Transformation::wireName).sorted().collect(Collectors.joining(", "));
        String bait = v.baitWords().isEmpty() ? "" : "; " + String.join(", ", v.baitWords());
        return rules.reason().render(language, Map.of(
                "name", v.name(), "field", v.field(), "source", v.imitates().source(),
                "protected", v.imitates().display(), "match", v.match(), "transformations", transformations,
                "bait", bait, "score", String.format(Locale.ROOT, "%.2f", v.score())));
    }
}
