package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gitleaks allowlist: a match is NOT a secret when its regexes match (the secret, the whole
 * match or the line, per {@code regexTarget}) or it contains a stopword. With {@code and} every
 * configured check must agree. Path checks mean nothing for chat and are ignored.
 * <p>
 * Any one regex allows, so they run as few passes as can be (RE2/J has no DFA: a search steps over every char
 * whatever it looks for): those anchored at the start ("^…") as one alternation tried at the start only, and each
 * of the others only when the target holds a word its matches must start with ({@link MatchStarts}).
 */
public final class Allowlist {
    private final String description;
    private final boolean and;
    private final String regexTarget;
    private final List<Pattern> regexes;
    private final List<String> stopwords;
    private final List<String> targetRules;
    /** The regexes anchored at the start, as one "^(?:…|…)"; null when there are none. */
    private final Pattern anchored;
    /** The other regexes that start with words, each with the lower-case words one of which its target must hold. */
    private final List<Pattern> led = new ArrayList<>();
    private final List<String[]> leadWords = new ArrayList<>();
    /** The rest, as one alternation; null when there are none. */
    private final Pattern anywhere;

    /** @param targetRules for a file-wide {@code [[allowlists]]}: the rule ids it is limited to (empty: all) */
    public Allowlist(String description, boolean and, String regexTarget, List<Pattern> regexes,
                     List<String> stopwords, List<String> targetRules) {
        this.description = description;
        this.and = and;
        this.regexTarget = regexTarget;
        this.regexes = List.copyOf(regexes);
        this.stopwords = stopwords.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.targetRules = List.copyOf(targetRules);
        List<String> atStart = new ArrayList<>(), rest = new ArrayList<>();
        for (Pattern p : this.regexes) {
            MatchStarts starts = MatchStarts.of(p.pattern());
            if (anchoredAtStart(p.pattern())) {
                atStart.add("(?:" + p.pattern() + ")");
            } else if (starts != null) {
                led.add(p);
                leadWords.add(starts.leads().keySet().toArray(String[]::new));
            } else {
                rest.add("(?:" + p.pattern() + ")");
            }
        }
        anchored = atStart.isEmpty() ? null : Pattern.compile("^(?:" + String.join("|", atStart) + ")");
        anywhere = rest.isEmpty() ? null : Pattern.compile(String.join("|", rest));
    }

    public String description() { return description; }

    public boolean and() { return and; }

    public String regexTarget() { return regexTarget; }

    public List<Pattern> regexes() { return regexes; }

    public List<String> stopwords() { return stopwords; }

    public List<String> targetRules() { return targetRules; }

    public boolean appliesTo(String ruleId) { return targetRules.isEmpty() || targetRules.contains(ruleId); }

    public boolean allows(String secret, String match, String line) {
        boolean hasRegex = !regexes.isEmpty(), hasStop = !stopwords.isEmpty();
        if (!hasRegex && !hasStop) return false;
        String target = switch (regexTarget) {
            case "match" -> match;
            case "line" -> line;
            default -> secret;
        };
        boolean regexHit = hasRegex && regexHit(target);
        boolean stopHit = false;
        if (hasStop) {
            String lower = secret.toLowerCase(Locale.ROOT);
            for (String s : stopwords) if (lower.contains(s)) { stopHit = true; break; }
        }
        if (and) return (!hasRegex || regexHit) && (!hasStop || stopHit);
        return regexHit || stopHit;
    }

    private boolean regexHit(String target) {
        if (anchored != null && anchored.matcher(target).find()) return true;
        if (anywhere != null && anywhere.matcher(target).find()) return true;
        String lower = led.isEmpty() ? null : TextNormalizer.lowerCase(target);
        for (int i = 0; i < led.size(); i++) {
            boolean any = !RuleStarts.wordsFold(lower);
            for (String w : leadWords.get(i)) if (any || lower.contains(w)) { any = true; break; }
            if (any && led.get(i).matcher(target).find()) return true; // else no match can start anywhere in it
        }
        return false;
    }

    /** "^…" or "(?i)^…": a match can only start at the start of the target (no top-level alternative). */
    static boolean anchoredAtStart(String re) {
        int i = 0;
        if (re.startsWith("(?")) {
            int close = re.indexOf(')');
            String flags = close < 0 ? "" : re.substring(2, close);
            // "(?m)^" also matches after every line break
            if (flags.isEmpty() || !flags.chars().allMatch(Character::isLetter) || flags.contains("m")) return false;
            i = close + 1;
        }
        if (!re.startsWith("^", i)) return false;
        // a "|" outside any group or class would start an alternative that is not anchored
        int depth = 0;
        boolean inClass = false;
        for (int k = i; k < re.length(); k++) {
            char c = re.charAt(k);
            if (c == '\\') { k++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') {
                inClass = true;
                if (k + 1 < re.length() && re.charAt(k + 1) == '^') k++;
                if (k + 1 < re.length() && re.charAt(k + 1) == ']') k++; // a leading ']' is a member
            }
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return false;
        }
        return true;
    }
}
