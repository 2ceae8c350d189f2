package io.tidewatch.detect.identity;

import com.google.re2j.Pattern;
import io.tidewatch.detect.KeywordIndex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a list of patterns can match a text, before RE2/J runs any (it has no DFA, so every pattern
 * costs a pass over the text): a pattern needs one of the words it starts with and one word of each set it
 * needs further on ({@link LiteralPrefixes}). Every word of every pattern is looked up in one Aho-Corasick
 * pass: looking up the later words one by one with {@code String.contains} cost as much as the patterns.
 */
final class PatternPrefilter {
    /** One entry per distinct word, so that its candidates are the words a text holds. */
    private final KeywordIndex index;
    /** How many distinct words start a pattern: their ids come before the words needed further on. */
    private final int firstWords;
    /** Per word id, the patterns that may start with it. */
    private final int[][] startedBy;
    /** The patterns without a word to start with: they may start anywhere. */
    private final BitSet startAnywhere = new BitSet();
    /** Per pattern, sets of word ids, one of each needed. */
    private final int[][][] required;

    PatternPrefilter(List<Pattern> patterns) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[][] starts = new int[patterns.size()][];
        for (int i = 0; i < patterns.size(); i++) {
            starts[i] = ids(LiteralPrefixes.of(patterns.get(i).pattern()), ids);
            if (starts[i].length == 0) startAnywhere.set(i);
        }
        firstWords = ids.size();
        required = new int[patterns.size()][][];
        for (int i = 0; i < patterns.size(); i++) {
            List<List<String>> groups = LiteralPrefixes.requiredGroups(patterns.get(i).pattern());
            required[i] = new int[groups.size()][];
            for (int g = 0; g < groups.size(); g++) required[i][g] = ids(groups.get(g), ids);
        }
        List<List<Integer>> started = new ArrayList<>();
        for (int w = 0; w < firstWords; w++) started.add(new ArrayList<>());
        for (int i = 0; i < starts.length; i++) for (int w : starts[i]) started.get(w).add(i);
        startedBy = started.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        index = new KeywordIndex(ids.keySet().stream().map(List::of).toList());
    }

    private static int[] ids(List<String> words, Map<String, Integer> ids) {
        return words.stream().mapToInt(w -> ids.computeIfAbsent(w, x -> ids.size())).toArray();
    }

    /** The words of all patterns that a lower-case text holds. */
    Words words(String lower) {
        return new Words(index.candidates(lower));
    }

    /** One text's words: which patterns may match it. */
    final class Words {
        private final BitSet present;
        private final BitSet started;

        private Words(BitSet present) {
            this.present = present;
            this.started = (BitSet) startAnywhere.clone();
            for (int w = present.nextSetBit(0); w >= 0 && w < firstWords; w = present.nextSetBit(w + 1)) {
                for (int p : startedBy[w]) started.set(p);
            }
        }

        boolean mayMatch(int pattern) {
            if (!started.get(pattern)) return false;
            for (int[] group : required[pattern]) if (!anyPresent(group)) return false;
            return true;
        }

        private boolean anyPresent(int[] words) {
            for (int w : words) if (present.get(w)) return true;
            return false;
        }
    }
}
