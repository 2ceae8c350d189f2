package io.tidewatch.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which rules (secret rules, scam patterns…) can possibly match a text, found in ONE Aho-Corasick
 * pass over the lower-cased text whatever the number of rules. Every keyword occurrence counts, overlapping ones included
 * ("apikey" must still light up rules keyed on "key"). Rules without keywords are always candidates.
 * <p>
 * The automaton is a table (state × char class → state, failure links already folded in) with, per state,
 * the rules of every keyword ending there: one array read per char and no objects per occurrence. Chars
 * no keyword holds share class 0, which leads back to the start from any state, so the table stays as
 * wide as the keywords' alphabet.
 */
public final class KeywordIndex {
    private final BitSet alwaysRun;
    private final int classes;
    /** Class of each char (0: in no keyword); a table over all of UTF-16 (128 KB) is one read per char. */
    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    /** next[state * classes + class]. */
    private final int[] next;
    /** Per state, the rule indices of every keyword that ends there (null: none). */
    private final int[][] matches;

    /** @param keywordsByRule each rule's lower-case keywords, by rule index; an empty list means "always run" */
    public KeywordIndex(List<? extends Collection<String>> keywordsByRule) {
        alwaysRun = new BitSet(keywordsByRule.size());
        Map<String, BitSet> byKeyword = new LinkedHashMap<>();
        TreeSet<Character> alphabet = new TreeSet<>();
        for (int i = 0; i < keywordsByRule.size(); i++) {
            Collection<String> keywords = keywordsByRule.get(i);
            if (keywords.isEmpty()) alwaysRun.set(i);
            for (String k : keywords) {
                if (k.isEmpty()) continue;
                byKeyword.computeIfAbsent(k, x -> new BitSet()).set(i);
                for (int j = 0; j < k.length(); j++) alphabet.add(k.charAt(j));
            }
        }
        classes = alphabet.size() + 1;
        char cls = 0;
        for (char c : alphabet) classOf[c] = ++cls;

        // the trie: children[state] by class, and the rules of the keywords ending at each state
        List<int[]> children = new ArrayList<>();
        List<BitSet> ends = new ArrayList<>();
        children.add(new int[classes]);
        ends.add(new BitSet());
        for (Map.Entry<String, BitSet> e : byKeyword.entrySet()) {
            int s = 0;
            for (char c : e.getKey().toCharArray()) {
                int k = classOf[c];
                if (children.get(s)[k] == 0) {
                    children.get(s)[k] = children.size();
                    children.add(new int[classes]);
                    ends.add(new BitSet());
                }
                s = children.get(s)[k];
            }
            ends.get(s).or(e.getValue());
        }

        // breadth first: a missing child goes where the failure state goes; a state also ends its failure state's keywords
        int states = children.size();
        next = new int[states * classes];
        matches = new int[states][];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 1; k < classes; k++) {
            int child = children.get(0)[k];
            next[k] = child;
            if (child != 0) queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            ends.get(s).or(ends.get(fail[s]));
            for (int k = 1; k < classes; k++) {
                int child = children.get(s)[k];
                int viaFail = next[fail[s] * classes + k];
                if (child == 0) {
                    next[s * classes + k] = viaFail;
                } else {
                    next[s * classes + k] = child;
                    fail[child] = viaFail;
                    queue.add(child);
                }
            }
        }
        for (int s = 0; s < states; s++) if (!ends.get(s).isEmpty()) matches[s] = ends.get(s).stream().toArray();
    }

    /** The candidate rule indices for an already lower-cased text. */
    public BitSet candidates(String lowerText) {
        BitSet out = (BitSet) alwaysRun.clone();
        int s = 0;
        for (int i = 0, n = lowerText.length(); i < n; i++) {
            s = next[s * classes + classOf[lowerText.charAt(i)]];
            int[] m = matches[s];
            if (m != null) for (int r : m) out.set(r);
        }
        return out;
    }
}
