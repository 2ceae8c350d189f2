package io.tidewatch.telegram;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.core.Severity;
import io.tidewatch.detect.CompositeDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * Small stand-ins for the real detectors (merged from other branches). They flag exactly what the
 * real ones should flag in these tests: a valid BIP-39 test mnemonic and a staff name spelled with
 * a Cyrillic "о". To run the bot tests against the real detectors, change {@link #forIntegration}
 * to {@code return io.tidewatch.detect.Detectors.standard(java.nio.file.Path.of("rules"), brand, List.of());}.
 */
final class TestDetectors {
    /** A valid 12-word BIP-39 mnemonic (a public test vector, holds no funds). */
    static final String SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    /** Words of the seed that must never appear anywhere the bot writes. */
    static final String SEED_MARK = "sausage worth useful";
    /** "Support" with a Cyrillic о. */
    static final String FAKE_SUPPORT = "Example Exchange Supp\u043Ert";

    private TestDetectors() {}

    static Detector forIntegration(BrandProfile brand) {
        return new CompositeDetector(List.of(new SeedPhrase(), new StaffName()));
    }

    static final class SeedPhrase implements Detector {
        @Override
        public List<Finding> inspect(Post post) {
            int at = post.text().indexOf(SEED);
            if (at < 0) return List.of();
            return List.of(new Finding(Category.SECRET, "bip39-seed-phrase", Severity.CRITICAL, at, at + SEED.length(),
                    "legal ****** … (12 words)", "BIP-39 mnemonic with a valid checksum", "fp:6b1f2c"));
        }
    }

    static final class StaffName implements Detector {
        @Override
        public List<Finding> inspect(Post post) {
            List<Finding> out = new ArrayList<>();
            String name = post.author().name();
            if (name != null && name.contains("Supp\u043Ert")) {
                out.add(new Finding(Category.IMPERSONATION, "staff-name", Severity.HIGH, 0, 0, name,
                        "imitates 'Example Exchange Support' via a homoglyph", null));
            }
            return out;
        }
    }
}
