package io.tidewatch.detect.secrets;

import java.nio.file.Path;
import java.util.List;

/**
 * The rules of one gitleaks-format file, with the allowlists that file sets for all its rules
 * (legacy {@code [allowlist]} and {@code [[allowlists]]}) and words that mark a code block as an
 * explanation of a format rather than a leak ({@code [context] formatWords}).
 */
public record RuleFile(Path path, List<SecretRule> rules, List<Allowlist> globalAllowlists, List<String> formatWords) {
    public RuleFile {
        rules = List.copyOf(rules);
        globalAllowlists = List.copyOf(globalAllowlists);
        formatWords = List.copyOf(formatWords);
    }
}
