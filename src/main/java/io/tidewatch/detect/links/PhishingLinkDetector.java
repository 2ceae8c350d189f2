package io.tidewatch.detect.links;

import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.core.Severity;
import io.tidewatch.detect.identity.ImpersonationDetector;
import io.tidewatch.detect.identity.IdentityRules;
import io.tidewatch.detect.identity.NameJudge;
import io.tidewatch.detect.identity.NameVerdict;
import io.tidewatch.detect.identity.Transformation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags links in a post (text and link entities) to lookalikes of the brand's domains or to known
 * phishing domains, and mentions ({@code @name}, {@code t.me/name}) of accounts imitating the
 * official ones: category {@code phishing}. Works offline; every post kind but {@code join}.
 */
public final class PhishingLinkDetector implements Detector {
    private final LinkExtractor extractor = new LinkExtractor();
    private final LookalikeDomainJudge domains;
    private final NameJudge names;
    private final IdentityRules identityRules;
    private final LinkRules rules;

    public PhishingLinkDetector(LookalikeDomainJudge domains, NameJudge names, IdentityRules identityRules, LinkRules rules) {
        this.domains = domains;
        this.names = names;
        this.identityRules = identityRules;
        this.rules = rules;
    }

    @Override
    public List<Finding> inspect(Post post) {
        if (post.kind() == PostKind.JOIN) return List.of();
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Link link : extractor.extract(post)) {
            int start = Math.max(0, link.start()), end = Math.max(0, link.end());
            if (link.kind() == Link.Kind.HANDLE) {
                if (!seen.add("@" + link.handle().toLowerCase(Locale.ROOT))) continue;
                if (names.protectedNames().isTrustedUsername(link.handle())) continue;
                NameVerdict v = names.judge(link.handle(), "username");
                if (!v.suspicious()) continue;
                String reason = rules.handleReason().render(post.language(), Map.of("shown", link.raw(),
                        "imitates", v.imitates().display(), "score", String.format(Locale.ROOT, "%.2f", v.score())));
                out.add(new Finding(Category.PHISHING, "lookalike-handle", ImpersonationDetector.severity(v.score(), identityRules),
                        start, end, link.raw(), reason, null));
                continue;
            }
            if (!seen.add(link.host())) continue;
            DomainVerdict v = domains.judge(link.host());
            if (!v.suspicious()) continue;
            out.add(finding(v, link, start, end, post.language()));
        }
        return out;
    }

    private Finding finding(DomainVerdict v, Link link, int start, int end, String language) {
        if (v.technique().equals("blocklisted")) {
            return new Finding(Category.PHISHING, "blocklisted-domain", Severity.CRITICAL, start, end, link.raw(),
                    rules.blockedReason().render(language, Map.of("shown", v.shown())), null);
        }
        String transformations = v.transformations().isEmpty() ? ""
                : "; " + v.transformations().stream().map(Transformation::wireName).sorted().collect(Collectors.joining(", "));
        Severity severity = v.technique().equals("homoglyph") || v.technique().equals("leet") ? Severity.CRITICAL : Severity.HIGH;
        return new Finding(Category.PHISHING, "lookalike-domain", severity, start, end, link.raw(),
                rules.lookalikeReason().render(language, Map.of("shown", v.shown(), "imitates", v.imitates(),
                        "technique", v.technique(), "transformations", transformations)), null);
    }
}
