package io.tidewatch.telegram;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Detector;
import io.tidewatch.detect.Detectors;

import java.nio.file.Path;
import java.util.List;

/** The bot tests run the real detectors over the shipped rules; these are the inputs they must catch. */
final class TestDetectors {
    /** A valid 12-word BIP-39 mnemonic (made for these tests from a fixed hash; holds no funds). */
    static final String SEED = "mad journey bird surface awesome dwarf gift rather usage clip route foot";
    /** Words of the seed that must never appear anywhere the bot writes. */
    static final String SEED_MARK = "surface awesome dwarf";
    /** "Support" with a Cyrillic о. */
    static final String FAKE_SUPPORT = "Example Exchange Supp\u043Ert";

    private TestDetectors() {}

    static Detector forIntegration(BrandProfile brand) {
        return Detectors.standard(Path.of("rules"), brand, List.of());
    }
}
