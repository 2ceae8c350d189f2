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
 * The same pass says where a pattern's first words occur, the only places a match of it can start
 * ({@link Words#starts}).
 */
final class PatternPrefilter {
    /** One entry per distinct word, so that its candidates are the words a text holds. */
    private final KeywordIndex index;
    /** How many distinct words start a pattern: their ids come before the words needed further on. */
    private final int firstWords;
    /** Per pattern, the ids of the words it may start with; none: it may start anywhere. */
    private final int[][] starts;
    /** The same as sets, to pick a pattern's places among a text's occurrences at a glance. */
    private final BitSet[] startSets;
    /** Per word id, the patterns that may start with it. */
    private final int[][] startedBy;
    /** The patterns without a word to start with: they may start anywhere. */
    private final BitSet startAnywhere = new BitSet();
    /** Per pattern, sets of word ids, one of each needed. */
    private final int[][][] required;

    PatternPrefilter(List<Pattern> patterns) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        starts = new int[patterns.size()][];
        for (int i = 0; i < patterns.size(); i++) {
            starts[i] = ids(LiteralPrefixes.of(patterns.get(i).pattern()), ids);
            if (starts[i].length == 0) startAnywhere.set(i);
        }
        firstWords = ids.size();
        startSets = new BitSet[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            startSets[i] = new BitSet(firstWords);
            for (int w : starts[i]) startSets[i].set(w);
        }
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

    private static final int[] NONE = {};

    /** The words of all patterns that a lower-case text holds. */
    Words words(String lower) {
        Words w = new Words();
        index.occurrences(lower, w::found);
        w.startPatterns();
        return w;
    }

    /** One text's words: which patterns may match it, and where. */
    final class Words {
        private final BitSet present = new BitSet();
        private BitSet started;
        /** The first words' occurrences, (word, start) pairs in the order found: a text holds a few dozen at most. */
        private int[] occurrences = NONE; // allocated at the first occurrence: excuse scopes mostly hold none
        private int pairs;

        private void found(int word, int start) {
            present.set(word);
            if (word >= firstWords) return;
            if (2 * pairs == occurrences.length) occurrences = java.util.Arrays.copyOf(occurrences, Math.max(64, occurrences.length * 2));
            occurrences[2 * pairs] = word;
            occurrences[2 * pairs + 1] = start;
            pairs++;
        }

        private void startPatterns() {
            started = (BitSet) startAnywhere.clone();
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

        /**
         * Where a match of the pattern can start, ascending: where one of its first words occurs. Null when it may
         * start anywhere. A match tried from each of these alone costs far less than a search over the text (RE2/J
         * has no DFA: a search steps its automaton over every char).
         */
        int[] starts(int pattern) {
            if (PatternPrefilter.this.starts[pattern].length == 0) return null;
            BitSet words = startSets[pattern];
            int[] out = new int[pairs];
            int n = 0;
            for (int i = 0; i < pairs; i++) if (words.get(occurrences[2 * i])) out[n++] = occurrences[2 * i + 1];
            java.util.Arrays.sort(out, 0, n); // found in the order of their ends; two first words may start at one place
            int k = 0;
            for (int i = 0; i < n; i++) if (k == 0 || out[i] != out[k - 1]) out[k++] = out[i];
            return java.util.Arrays.copyOf(out, k);
        }
    }
}
