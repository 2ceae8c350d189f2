package io.tidewatch.detect;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Detector;
import io.tidewatch.detect.secrets.Fingerprinter;
import io.tidewatch.detect.secrets.RuleSet;
import io.tidewatch.detect.secrets.SecretScanner;

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
        detectors.add(secretScanner(rulesDir, extraSecretFiles));
        detectors.addAll(BrandDetectors.load(rulesDir, brand));
        return new CompositeDetector(detectors);
    }

    /** {@code rulesDir/secrets.toml} plus each extra gitleaks-format file, salted per install (see {@link Fingerprinter}). */
    public static SecretScanner secretScanner(Path rulesDir, List<Path> extraSecretFiles) {
        List<Path> files = new ArrayList<>();
        files.add(rulesDir.resolve("secrets.toml"));
        files.addAll(extraSecretFiles);
        return new SecretScanner(RuleSet.load(files), Fingerprinter.fromEnvironment(System.getenv(), Path.of("data")));
    }
}
