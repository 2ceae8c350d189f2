package io.tidewatch.detect.secrets;

import java.nio.file.Path;
import java.util.List;

/**
 * The rules of one gitleaks-format file, with the allowlists that file sets for all its rules
 * (legacy {@code [allowlist]} and {@code [[allowlists]]}) and words that mark a code block as an
 * explanation of a format rather than a leak ({@code [context] formatWords}); how a value handed over in parts
 * names them ({@code [context] partLabel} and {@code partKeywords}; null when the file sets none); the words that say a
 * value is written backwards ({@code [context] reversedCues}) and which marks to take out of one
 * ({@code [context] removedMarks}); labels in other languages and the words the rules know them by
 * ({@code [context] translatedLabels}).
 */
public record RuleFile(Path path, List<SecretRule> rules, List<Allowlist> globalAllowlists, List<String> formatWords,
                       PartLabels partLabels, List<String> reversedCues, List<MarkRemoval> markRemovals,
                       List<LabelTranslation> labelTranslations) {
    public RuleFile {
        labelTranslations = List.copyOf(labelTranslations);
        markRemovals = List.copyOf(markRemovals);
        reversedCues = List.copyOf(reversedCues);
        rules = List.copyOf(rules);
        globalAllowlists = List.copyOf(globalAllowlists);
        formatWords = List.copyOf(formatWords);
    }
}
