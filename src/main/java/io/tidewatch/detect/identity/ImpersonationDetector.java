package io.tidewatch.detect.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges a post's author names (display name and username) against the protected names; official
 * and staff ids are never judged. Emits one {@code impersonation} finding, severity by score.
 * An account's names change rarely while it posts again and again, so the verdict is judged once per
 * (platform, account id, username, name) and remembered, in a bounded cache shared by all threads.
 */
public final class ImpersonationDetector implements Detector {
    /** Accounts whose verdicts are remembered: far more than post in a busy group in a day; a few MB. */
    static final int REMEMBERED_ACCOUNTS = 50_000;

    private final BrandProfile brand;
    private final NameJudge judge;
    private final IdentityRules rules;
    private final Cache<AccountNames, NameVerdict> verdicts;

    public ImpersonationDetector(BrandProfile brand, NameJudge judge, IdentityRules rules) {
        this(brand, judge, rules, REMEMBERED_ACCOUNTS);
    }

    ImpersonationDetector(BrandProfile brand, NameJudge judge, IdentityRules rules, int remembered) {
        this.brand = brand;
        this.judge = judge;
        this.rules = rules;
        // Caffeine: a lookup cost a third of this detector in Guava's cache; upkeep on the caller's thread, no pool
        this.verdicts = Caffeine.newBuilder().maximumSize(remembered).executor(Runnable::run).recordStats().build();
    }

    /** The names of one account as a post shows them: a new name is a new key, judged afresh. */
    private record AccountNames(Platform platform, String accountId, String username, String name) {}

    @Override
    public List<Finding> inspect(Post post) {
        var author = post.author();
        if (brand.isTrusted(post.platform(), author.id())) return List.of();
        AccountNames key = new AccountNames(post.platform(), author.id(), author.username(), author.name());
        NameVerdict v = verdicts.getIfPresent(key);
        if (v == null) {
            // two threads may judge the same new account at once: the verdict is the same, the work is small
            v = judge.judgeAccount(author.username(), author.name());
            verdicts.put(key, v);
        }
        if (!v.suspicious()) return List.of();
        return List.of(new Finding(Category.IMPERSONATION, "impersonation-" + v.field(), severity(v.score(), rules),
                0, 0, v.name(), reason(v, rules, post.language()), null));
    }

    /** How often a post's author was already judged (hits) or judged afresh (misses). */
    CacheStats rememberedVerdicts() { return verdicts.stats(); }

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
