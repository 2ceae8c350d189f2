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
import io.tidewatch.detect.identity.ScamExcerpt;
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
        Set<String> flaggedHosts = new HashSet<>();
        boolean[] bait = null; // {known, value}: read once, and only when a short name needs evidence
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
                        start, end, ScamExcerpt.safe(link.raw()), reason, null));
                continue;
            }
            // a host is reported once; a clean one is judged again when another mention has a telling path
            if (flaggedHosts.contains(link.host()) || !seen.add(link.host() + link.path())) continue;
            if (bait == null) bait = new boolean[2];
            boolean[] b = bait;
            DomainVerdict v = domains.judge(link.host(), new LookalikeDomainJudge.Context(link.path(), () -> {
                if (!b[0]) { b[1] = rules.evidence().baitIn(post.text()); b[0] = true; }
                return b[1];
            }));
            if (!v.suspicious()) continue;
            flaggedHosts.add(link.host());
            out.add(finding(v, link, start, end, post.language()));
        }
        return out;
    }

    private Finding finding(DomainVerdict v, Link link, int start, int end, String language) {
        String excerpt = safeExcerpt(link);
        if (v.technique().equals("blocklisted")) {
            return new Finding(Category.PHISHING, "blocklisted-domain", Severity.CRITICAL, start, end, excerpt,
                    rules.blockedReason().render(language, Map.of("shown", v.shown())), null);
        }
        String transformations = v.transformations().isEmpty() ? ""
                : "; " + v.transformations().stream().map(Transformation::wireName).sorted().collect(Collectors.joining(", "));
        Severity severity = v.technique().equals("homoglyph") || v.technique().equals("leet") ? Severity.CRITICAL : Severity.HIGH;
        String evidence = v.evidence().isEmpty() ? "" : rules.evidenceNote().render(language, Map.of("kinds", String.join(", ", v.evidence())));
        return new Finding(Category.PHISHING, "lookalike-domain", severity, start, end, excerpt,
                rules.lookalikeReason().render(language, Map.of("shown", v.shown(), "imitates", v.imitates(),
                        "technique", v.technique(), "transformations", transformations, "evidence", evidence)), null);
    }

    /**
     * The link as written, with credentials in it hidden: the user-info of {@code https://user:pw@host}
     * and any path or query piece that looks like a key or password ({@code ?key=…}).
     */
    static String safeExcerpt(Link link) {
        String raw = link.raw();
        int scheme = raw.indexOf("://");
        String prefix = scheme < 0 ? "" : raw.substring(0, scheme + 3);
        String rest = scheme < 0 ? raw : raw.substring(scheme + 3);
        int slash = -1;
        for (int i = 0; i < rest.length() && slash < 0; i++) if ("/?#".indexOf(rest.charAt(i)) >= 0) slash = i;
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = ScamExcerpt.MASK + authority.substring(at);
        StringBuilder out = new StringBuilder(raw.length()).append(prefix).append(authority);
        if (slash < 0) return out.toString();
        String path = rest.substring(slash);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                appendSegment(out, path.substring(start, i));
                if (i < path.length()) out.append('/');
                start = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * One path segment with its key-like pieces ({@code key=…}) hidden; when no piece is key-like but the
     * segment is, it is hidden whole: a password may hold the characters that separate query pieces
     * ("r1ver&Stone").
     */
    private static void appendSegment(StringBuilder out, String segment) {
        StringBuilder pieces = new StringBuilder(segment.length());
        boolean masked = false;
        int start = 0;
        for (int i = 0; i <= segment.length(); i++) {
            if (i == segment.length() || "?&=;,".indexOf(segment.charAt(i)) >= 0) {
                String piece = segment.substring(start, i);
                boolean key = ScamExcerpt.credentialLike(piece);
                masked |= key;
                pieces.append(key ? ScamExcerpt.MASK : piece);
                if (i < segment.length()) pieces.append(segment.charAt(i));
                start = i + 1;
            }
        }
        out.append(!masked && ScamExcerpt.credentialLike(segment) ? ScamExcerpt.MASK : pieces);
    }
}
