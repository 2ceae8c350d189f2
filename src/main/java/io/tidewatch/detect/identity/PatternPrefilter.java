package io.tidewatch.detect.identity;

import com.google.re2j.Pattern;
import io.tidewatch.detect.KeywordIndex;

import java.util.BitSet;
import java.util.List;

/**
 * Which of a list of patterns can match a text, before RE2/J runs any (it has no DFA, so every pattern
 * costs a pass over the text): a pattern needs one of the words it starts with, found for all patterns in
 * one Aho-Corasick pass, and one word of each set it needs further on ({@link LiteralPrefixes}).
 */
final class PatternPrefilter {
    private final KeywordIndex starts;
    private final List<List<List<String>>> required;

    PatternPrefilter(List<Pattern> patterns) {
        this.starts = new KeywordIndex(patterns.stream().map(p -> LiteralPrefixes.of(p.pattern())).toList());
        this.required = patterns.stream().map(p -> LiteralPrefixes.requiredGroups(p.pattern())).toList();
    }

    /** Indices of the patterns that may match a lower-case text. */
    BitSet candidates(String lower) {
        BitSet out = starts.candidates(lower);
        for (int i = out.nextSetBit(0); i >= 0; i = out.nextSetBit(i + 1)) if (!containsAll(lower, required.get(i))) out.clear(i);
        return out;
    }

    private static boolean containsAll(String text, List<List<String>> groups) {
        for (List<String> group : groups) {
            boolean any = false;
            for (int i = 0; i < group.size() && !any; i++) any = text.contains(group.get(i));
            if (!any) return false;
        }
        return true;
    }
}
