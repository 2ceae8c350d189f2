package io.tidewatch.detect.secrets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's context words, found by one scan of the window around a match: each position looks up
 * only the words that start with its char, instead of searching the text once per word (rules with a
 * hundred negative words did a hundred searches per match).
 */
final class ContextWords {
    private final List<String>[] ascii;
    private final Map<Character, List<String>> other = new HashMap<>();
    private final int longest;

    @SuppressWarnings("unchecked")
    ContextWords(List<String> words) {
        ascii = new List[128];
        int max = 0;
        for (String w : words) {
            if (w.isEmpty()) continue;
            char c = w.charAt(0);
            List<String> list = c < 128 ? (ascii[c] == null ? (ascii[c] = new ArrayList<>()) : ascii[c])
                    : other.computeIfAbsent(c, k -> new ArrayList<>());
            list.add(w);
            max = Math.max(max, w.length());
        }
        longest = max;
    }

    boolean isEmpty() { return longest == 0; }

    /**
     * Occurrences [start, end) that reach into [from, to): a long phrase that ends inside the window counts
     * ("authenticator code, here: 499 638"). Every word starts at a word start ("sms" in "schisms", "code:" in
     * "postalcode:" say nothing); with {@code asWords} it also ends at a word end ("md5" inside a key says nothing).
     */
    List<int[]> occurrences(String lower, int from, int to, boolean asWords) {
        List<int[]> out = new ArrayList<>();
        if (longest == 0) return out;
        int n = lower.length();
        for (int s = Math.max(0, from - longest + 1); s < to && s < n; s++) {
            char c = lower.charAt(s);
            List<String> words = c < 128 ? ascii[c] : other.get(c);
            if (words == null) continue;
            if (isAsciiAlnum(c) && s > 0 && isAsciiAlnum(lower.charAt(s - 1))) continue;
            for (String w : words) {
                int e = s + w.length();
                if (e <= from || !lower.startsWith(w, s)) continue;
                if (asWords && isAsciiAlnum(w.charAt(w.length() - 1)) && e < n && isAsciiAlnum(lower.charAt(e))) continue;
                out.add(new int[]{s, e});
            }
        }
        return out;
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
}
