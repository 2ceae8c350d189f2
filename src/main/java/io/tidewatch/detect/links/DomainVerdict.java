package io.tidewatch.detect.links;

import io.tidewatch.detect.identity.Transformation;

import java.util.List;
import java.util.Set;

/**
 * What judging one host concluded.
 *
 * @param technique how it imitates: "homoglyph", "typo-omission", "added-word", "other-tld",
 *                  "brand-in-label", "brand-in-subdomain", "blocklisted", … or "" when it does not
 * @param imitates  the brand domain or name imitated, or null
 * @param evidence  the kinds of evidence (see {@link LinkEvidence}) a short name needed, or empty
 */
public record DomainVerdict(String host, String shown, boolean suspicious, String technique, String imitates,
                            Set<Transformation> transformations, List<String> evidence, boolean official) {
    public DomainVerdict {
        transformations = Set.copyOf(transformations);
        evidence = List.copyOf(evidence);
    }

    static DomainVerdict clean(String host, boolean official) {
        return new DomainVerdict(host, host, false, "", null, Set.of(), List.of(), official);
    }
}
