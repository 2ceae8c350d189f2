package io.tidewatch.detect;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Which rules (secret rules, scam patterns…) can possibly match a text, found in ONE Aho-Corasick
 * pass over the lower-cased text whatever the number of rules. Every keyword occurrence counts, overlapping
 * ones included ("apikey" must still light up rules keyed on "key"). Rules without keywords are always
 * candidates.
 * <p>
 * The automaton is a double-array trie (hankcs' AhoCorasickDoubleArrayTrie): a few array reads per char
 * and no object per occurrence, where a per-state map of chars cost about a fifth of a scan.
 */
public final class KeywordIndex {
    private final BitSet alwaysRun;
    /** Each keyword's rule indices; empty when no rule has a keyword. */
    private final AhoCorasickDoubleArrayTrie<int[]> trie;
    private final boolean anyKeyword;

    /** @param keywordsByRule each rule's lower-case keywords, by rule index; an empty list means "always run" */
    public KeywordIndex(List<? extends Collection<String>> keywordsByRule) {
        alwaysRun = new BitSet(keywordsByRule.size());
        TreeMap<String, BitSet> byKeyword = new TreeMap<>();
        for (int i = 0; i < keywordsByRule.size(); i++) {
            Collection<String> keywords = keywordsByRule.get(i);
            if (keywords.isEmpty()) alwaysRun.set(i);
            for (String k : keywords) if (!k.isEmpty()) byKeyword.computeIfAbsent(k, x -> new BitSet()).set(i);
        }
        TreeMap<String, int[]> rulesByKeyword = new TreeMap<>();
        byKeyword.forEach((k, bits) -> rulesByKeyword.put(k, bits.stream().toArray()));
        anyKeyword = !rulesByKeyword.isEmpty();
        trie = new AhoCorasickDoubleArrayTrie<>();
        if (anyKeyword) trie.build(rulesByKeyword);
    }

    /** The candidate rule indices for an already lower-cased text. */
    public BitSet candidates(String lowerText) {
        BitSet out = (BitSet) alwaysRun.clone();
        if (anyKeyword) trie.parseText(lowerText, (begin, end, rules) -> {
            for (int r : rules) out.set(r);
        });
        return out;
    }

    /** Where a keyword occurs: the index of a rule it belongs to, and the occurrence's start. */
    public interface Occurrence {
        void at(int rule, int start);
    }

    /** Every occurrence of every keyword in an already lower-cased text, overlapping ones included, in one pass. */
    public void occurrences(String lowerText, Occurrence each) {
        if (anyKeyword) trie.parseText(lowerText, (begin, end, rules) -> {
            for (int r : rules) each.at(r, begin);
        });
    }
}
