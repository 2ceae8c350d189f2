package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;

import java.util.List;

/**
 * How a message names the parts of a value handed over in pieces ({@code [context] partLabel} in a rule file):
 * "part 1", "first half", "last 8", "前六位", "后面". {@code keywords}: words that start or stand in a label; the label
 * pattern runs only on a message where two of them (or one twice) are followed on their line by a value.
 */
public record PartLabels(Pattern label, List<String> keywords) {
    /** How far after a keyword its part's value may start: "first half of the key: …". */
    private static final int VALUE_WITHIN = 32;

    public PartLabels {
        keywords = List.copyOf(keywords);
    }

    /**
     * Whether a text may hold two labelled parts: two keyword occurrences in its lower case, each with a value-like run
     * after it on its line in the text itself (most messages that say "first" or "last" have none: "first time").
     */
    boolean mayHold(String text, String lower) {
        int found = 0;
        for (String k : keywords) {
            for (int at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + k.length())) {
                if (valueAfter(text, at + k.length()) && ++found == 2) return true;
            }
        }
        return false;
    }

    /** A value-like run ({@link TextShape#valueLike}) from {@code from} on its line ("43365897:AA_ux…", "4777", "095"). */
    private static boolean valueAfter(String t, int from) {
        int end = Math.min(t.length(), from + VALUE_WITHIN);
        for (int i = from; i < end; ) {
            char c = t.charAt(i);
            if (c == '\n') return false;
            if (!isValueChar(c)) { i++; continue; }
            int e = i;
            boolean digit = false, upper = false, lowerCase = false, other = false;
            while (e < t.length() && isValueChar(t.charAt(e))) {
                char d = t.charAt(e++);
                boolean isDigit = d >= '0' && d <= '9';
                digit |= isDigit;
                other |= !isDigit;
                upper |= d >= 'A' && d <= 'Z';
                lowerCase |= d >= 'a' && d <= 'z';
            }
            if (TextShape.valueLike(e - i, digit, upper, lowerCase, !other)) return true;
            i = e;
        }
        return false;
    }

    private static boolean isValueChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ':' || c == '_' || c == '-';
    }
}
