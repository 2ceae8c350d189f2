package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A gitleaks allowlist: a match is NOT a secret when its regexes match (the secret, the whole
 * match or the line, per {@code regexTarget}) or it contains a stopword. With {@code and} every
 * configured check must agree. Path checks mean nothing for chat and are ignored.
 * <p>
 * Any one regex allows, so they run as few passes as can be (RE2/J has no DFA: a search steps over every char
 * whatever it looks for, and its first step adds a thread for every alternative). A regex whose matches start with
 * words ({@link MatchStarts}) runs only when the target holds one, searched from the first such word; the others
 * anchored at the start ("^…") run as one alternation tried at the start only, and the rest as one search.
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
    /** The regexes whose matches start with words ({@link Led}). */
    private final List<Led> led = new ArrayList<>();
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
            if (starts != null) {
                // the test cards' "^(?:4242…|4111…|…)$": thirteen threads at the first step of every value, for nothing
                led.add(new Led(p, starts, anchoredAtStart(p.pattern())));
            } else if (anchoredAtStart(p.pattern())) {
                atStart.add("(?:" + p.pattern() + ")");
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
        String lower = null;
        for (Led l : led) {
            if (l.anchored()) {
                if (wordAtStart(target, l.starts()) && l.regex().matcher(target).find()) return true;
                continue;
            }
            if (lower == null) lower = TextNormalizer.lowerCase(target);
            int first = RuleStarts.wordsFold(lower) ? firstWord(lower, l.starts()) : 0;
            // a match starts at a word or at most two code points before it (MatchStarts): none starts earlier
            if (first > 0) first = RuleStarts.codePointBefore(target, first);
            if (first > 0) first = RuleStarts.codePointBefore(target, first);
            if (first >= 0 && l.regex().matcher(target).find(first)) return true;
        }
        return false;
    }

    /**
     * A regex whose matches start with the words of {@code starts}; {@code anchored} at the start of its target, its words
     * can only be where its leads put them.
     */
    private record Led(Pattern regex, MatchStarts starts, boolean anchored) {}

    /**
     * Whether one of the words is where a match from the start would have it: at the start, or one or two code points
     * on. Compared ignoring case as {@link String#regionMatches(boolean, int, String, int, int)} does, which takes every
     * pair a case-insensitive regex takes ("ſ" for "s" too).
     */
    private static boolean wordAtStart(String target, MatchStarts starts) {
        int one = codePointsOn(target, 1), two = codePointsOn(target, 2);
        for (Map.Entry<String, Integer> e : starts.leads().entrySet()) {
            String w = e.getKey();
            int leads = e.getValue();
            if ((leads & 1) != 0 && target.regionMatches(true, 0, w, 0, w.length())
                    || (leads & 2) != 0 && one > 0 && target.regionMatches(true, one, w, 0, w.length())
                    || (leads & 4) != 0 && two > 0 && target.regionMatches(true, two, w, 0, w.length())) return true;
        }
        return false;
    }

    /** Where the first of the words occurs in {@code lower}, or -1. */
    private static int firstWord(String lower, MatchStarts starts) {
        int first = -1;
        for (String w : starts.leads().keySet()) {
            int at = lower.indexOf(w);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        return first;
    }

    /** Where the code point after the first {@code n} starts, or -1 when {@code t} has fewer. */
    private static int codePointsOn(String t, int n) {
        return t.codePointCount(0, t.length()) < n ? -1 : t.offsetByCodePoints(0, n);
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
