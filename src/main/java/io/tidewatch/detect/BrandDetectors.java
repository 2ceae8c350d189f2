package io.tidewatch.detect;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Detector;
import io.tidewatch.detect.identity.IdentityRules;
import io.tidewatch.detect.identity.ImpersonationDetector;
import io.tidewatch.detect.identity.NameJudge;
import io.tidewatch.detect.identity.ProtectedNames;
import io.tidewatch.detect.identity.ScamBaitDetector;
import io.tidewatch.detect.identity.ScamBaitMatcher;
import io.tidewatch.detect.identity.ScamRules;
import io.tidewatch.detect.links.LinkRules;
import io.tidewatch.detect.links.LookalikeDomainJudge;
import io.tidewatch.detect.links.PhishingLinkDetector;

import java.nio.file.Path;
import java.util.List;

/**
 * The detectors that protect the brand itself: impersonating names, phishing links and scam bait,
 * from {@code identity.yaml}, {@code links.yaml} and {@code scam.yaml} in the rules directory. They
 * share one {@link io.tidewatch.detect.identity.NameSkeleton}, so names, handles and domains are
 * normalized alike.
 */
public final class BrandDetectors {
    private BrandDetectors() {}

    public static List<Detector> load(Path rulesDir, BrandProfile brand) {
        IdentityRules identity = IdentityRules.load(rulesDir.resolve("identity.yaml"));
        NameJudge judge = new NameJudge(identity, ProtectedNames.from(brand, identity.skeleton()));
        LinkRules links = LinkRules.load(rulesDir.resolve("links.yaml"));
        ScamRules scam = ScamRules.load(rulesDir.resolve("scam.yaml"));
        return List.of(
                new ImpersonationDetector(brand, judge, identity),
                new PhishingLinkDetector(new LookalikeDomainJudge(brand, links, identity.skeleton()), judge, identity, links),
                new ScamBaitDetector(brand, new ScamBaitMatcher(scam, identity.skeleton())));
    }

    /** Hosts that imitate the brand's domains: the announcement link check chains this in. */
    public static java.util.function.Predicate<String> lookalikeHosts(Path rulesDir, BrandProfile brand) {
        IdentityRules identity = IdentityRules.load(rulesDir.resolve("identity.yaml"));
        LookalikeDomainJudge judge = new LookalikeDomainJudge(brand, LinkRules.load(rulesDir.resolve("links.yaml")),
                identity.skeleton());
        return host -> judge.judge(host).suspicious();
    }
}
