package io.tidewatch.detect.secrets;

import io.tidewatch.core.Finding;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scanners over the shipped rule files, built once per test JVM. */
final class Scanners {
    static final Path SECRETS_TOML = Path.of("rules/secrets.toml");
    static final Path GITLEAKS_TOML = Path.of("../shared/data/gitleaks.toml").toAbsolutePath().normalize();
    static final Fingerprinter FINGERPRINTER = new Fingerprinter("test-salt-0123456789abcdef".getBytes());

    private static SecretScanner own;
    private static SecretScanner withGitleaks;
    private static SecretScanner gitleaksOnly;

    private Scanners() {}

    static synchronized SecretScanner own() {
        if (own == null) own = new SecretScanner(RuleSet.load(List.of(SECRETS_TOML)), FINGERPRINTER);
        return own;
    }

    static synchronized SecretScanner withGitleaks() {
        if (withGitleaks == null) withGitleaks = new SecretScanner(RuleSet.load(List.of(SECRETS_TOML, gitleaksToml())), FINGERPRINTER);
        return withGitleaks;
    }

    static synchronized SecretScanner gitleaksOnly() {
        if (gitleaksOnly == null) gitleaksOnly = new SecretScanner(RuleSet.load(List.of(gitleaksToml())), FINGERPRINTER);
        return gitleaksOnly;
    }

    /**
     * Scans {@code text} with {@link #own()}: some finding's rule is {@code rule} (or starts with it), and no excerpt shows
     * six chars in a row of any of {@code secrets}.
     */
    static List<Finding> assertFoundHiding(String text, String rule, String... secrets) {
        List<Finding> found = own().scan(text);
        assertTrue(found.stream().anyMatch(f -> f.rule().startsWith(rule)), found.toString());
        for (Finding f : found) for (String secret : secrets) for (int k = 0; k + 6 <= secret.length(); k++) {
            assertFalse(f.excerpt().contains(secret.substring(k, k + 6)), f.excerpt());
        }
        return found;
    }

    /** The stock gitleaks config: ../shared/data from the worktree, or /work/shared/data. */
    static Path gitleaksToml() {
        if (java.nio.file.Files.isRegularFile(GITLEAKS_TOML)) return GITLEAKS_TOML;
        return Path.of("/work/shared/data/gitleaks.toml");
    }
}
