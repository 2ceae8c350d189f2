package io.tidewatch.detect.identity;

import io.tidewatch.detect.KeywordIndex;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds scam bait in text: folds homoglyphs and styled letters with the shared {@link NameSkeleton},
 * matches every rule, and drops a match whose sentence warns about it or asks whether it is real.
 * At most one finding per rule. Thread-safe.
 */
public final class ScamBaitMatcher {
    private static final int MAX_EXCERPT = 80;

    private final ScamRules rules;
    private final NameSkeleton skeleton;
    /** Patterns a message can possibly match, by the literal words they start with (one pass). */
    private final KeywordIndex prefilter;

    public ScamBaitMatcher(ScamRules rules, NameSkeleton skeleton) {
        this.rules = rules;
        this.skeleton = skeleton;
        this.prefilter = new KeywordIndex(rules.rules().stream().flatMap(r -> r.patterns().stream())
                .map(p -> LiteralPrefixes.of(p.pattern())).toList());
    }

    public ScamRules rules() { return rules; }

    public List<ScamBait> find(String text) {
        List<ScamBait> found = new ArrayList<>();
        if (text == null || text.isBlank()) return found;
        NameSkeleton.FoldedText folded = skeleton.readable(text);
        String t = folded.text();
        java.util.BitSet candidates = prefilter.candidates(t.toLowerCase(java.util.Locale.ROOT));
        int first = 0; // index of the rule's first pattern in the prefilter
        for (ScamRule rule : rules.rules()) {
            List<Pattern> patterns = rule.patterns();
            int base = first;
            first += patterns.size();
            for (int k = 0; k < patterns.size(); k++) {
                if (!candidates.get(base + k)) continue;
                Matcher m = patterns.get(k).matcher(t);
                ScamBait hit = null;
                while (m.find()) {
                    if (excused(t, m.start(), m.end())) continue;
                    int start = folded.originalIndex(m.start());
                    int end = m.end() == 0 ? 0 : folded.originalIndex(m.end() - 1) + 1;
                    end = Math.min(text.length(), Math.max(end, start));
                    if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) end++;
                    hit = new ScamBait(rule, start, end, excerpt(text.substring(start, end)));
                    break;
                }
                if (hit != null) { found.add(hit); break; }
            }
        }
        return found;
    }

    /** The sentences the match spans warn or ask about it. */
    private boolean excused(String t, int start, int end) {
        int from = sentenceStart(t, start);
        int to = sentenceEnd(t, Math.max(start, end - 1));
        String sentence = t.substring(from, to);
        for (Pattern c : rules.counterPatterns()) if (c.matcher(sentence).find()) return true;
        return false;
    }

    private static int sentenceStart(String t, int pos) {
        for (int i = pos - 1; i >= 0; i--) if (endsSentence(t, i)) return i + 1;
        return 0;
    }

    private static int sentenceEnd(String t, int pos) {
        for (int i = pos; i < t.length(); i++) if (endsSentence(t, i)) return i + 1;
        return t.length();
    }

    private static boolean endsSentence(String t, int i) {
        char c = t.charAt(i);
        if (c == '。' || c == '！' || c == '？' || c == '\n') return true;
        if (i + 1 >= t.length()) return c == '.' || c == '!' || c == '?';
        char next = t.charAt(i + 1);
        // folding turns '？' into '?', and Chinese puts no space after it
        if (c == '!' || c == '?') return Character.isWhitespace(next) || next >= 0x2E80;
        if (c == '.') return Character.isWhitespace(next);
        return false;
    }

    private static String excerpt(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_EXCERPT ? one : one.substring(0, MAX_EXCERPT - 1) + "…";
    }
}
