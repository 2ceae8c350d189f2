package io.tidewatch.detect;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Detector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the standard detector set from a rules directory and brand profile. Every surface
 * (scan, the bots, /reload) builds its detectors here, so they all judge alike. Throws
 * {@link io.tidewatch.core.ConfigException} naming file and line when a rule file is bad.
 */
public final class Detectors {
    private Detectors() {}

    public static Detector standard(Path rulesDir, BrandProfile brand, List<Path> extraSecretFiles) {
        List<Detector> detectors = new ArrayList<>();
        // secrets (detect.secrets) are added here
        // identity, links and scam bait (detect.identity, detect.links) are added here
        detectors.addAll(BrandDetectors.load(rulesDir, brand));
        return new CompositeDetector(detectors);
    }
}
