package io.tidewatch.detect;

import org.ahocorasick.trie.Trie;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules (secret rules, scam patterns…) can possibly match a text, found in ONE Aho-Corasick
 * pass over the lower-cased text whatever the number of rules. Every emitted keyword counts, overlapping ones included
 * (the trie is built without {@code ignoreOverlaps}/{@code onlyWholeWords}: "apikey" must still
 * light up rules keyed on "key"). Rules without keywords are always candidates.
 */
public final class KeywordIndex {
    private final Trie trie;
    private final Map<String, int[]> rulesByKeyword;
    private final BitSet alwaysRun;

    /** @param keywordsByRule each rule's lower-case keywords, by rule index; an empty list means "always run" */
    public KeywordIndex(List<? extends Collection<String>> keywordsByRule) {
        Map<String, BitSet> byKeyword = new HashMap<>();
        alwaysRun = new BitSet(keywordsByRule.size());
        for (int i = 0; i < keywordsByRule.size(); i++) {
            Collection<String> keywords = keywordsByRule.get(i);
            if (keywords.isEmpty()) alwaysRun.set(i);
            for (String k : keywords) if (!k.isEmpty()) byKeyword.computeIfAbsent(k, x -> new BitSet()).set(i);
        }
        rulesByKeyword = new HashMap<>();
        byKeyword.forEach((k, bits) -> rulesByKeyword.put(k, bits.stream().toArray()));
        trie = Trie.builder().addKeywords(rulesByKeyword.keySet()).build();
    }

    /** The candidate rule indices for an already lower-cased text. */
    public BitSet candidates(String lowerText) {
        BitSet out = (BitSet) alwaysRun.clone();
        if (!rulesByKeyword.isEmpty()) {
            trie.parseText(lowerText, emit -> {
                for (int i : rulesByKeyword.get(emit.getKeyword())) out.set(i);
                return true;
            });
        }
        return out;
    }
}
