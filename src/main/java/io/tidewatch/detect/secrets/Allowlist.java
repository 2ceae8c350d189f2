package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;

import java.util.List;
import java.util.Locale;

/**
 * A gitleaks allowlist: a match is NOT a secret when its regexes match (the secret, the whole
 * match or the line, per {@code regexTarget}) or it contains a stopword. With {@code and} every
 * configured check must agree. Path checks mean nothing for chat and are ignored.
 *
 * @param targetRules for a file-wide {@code [[allowlists]]}: the rule ids it is limited to (empty: all)
 */
public record Allowlist(String description, boolean and, String regexTarget, List<Pattern> regexes,
                        List<String> stopwords, List<String> targetRules) {
    public Allowlist {
        // any one regex allows, so several run as one alternation: one pass over the target instead of one each
        regexes = regexes.size() < 2 ? List.copyOf(regexes)
                : List.of(Pattern.compile(String.join("|", regexes.stream().map(p -> "(?:" + p.pattern() + ")").toList())));
        stopwords = stopwords.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        targetRules = List.copyOf(targetRules);
    }

    public boolean appliesTo(String ruleId) { return targetRules.isEmpty() || targetRules.contains(ruleId); }

    public boolean allows(String secret, String match, String line) {
        boolean hasRegex = !regexes.isEmpty(), hasStop = !stopwords.isEmpty();
        if (!hasRegex && !hasStop) return false;
        String target = switch (regexTarget) {
            case "match" -> match;
            case "line" -> line;
            default -> secret;
        };
        boolean regexHit = hasRegex && regexes.get(0).matcher(target).find();
        boolean stopHit = false;
        if (hasStop) {
            String lower = secret.toLowerCase(Locale.ROOT);
            for (String s : stopwords) if (lower.contains(s)) { stopHit = true; break; }
        }
        if (and) return (!hasRegex || regexHit) && (!hasStop || stopHit);
        return regexHit || stopHit;
    }
}
