package io.tidewatch.detect.secrets;

import java.util.List;

/**
 * A reading of a message that says which mark to take out of a value ("点去掉就行", "横杠去掉", "remove the spaces"):
 * that mark goes wherever it stands inside a value-like run (letters, digits and "-_:", twelve letters and digits or
 * more holding a digit, or sixteen capitals: a base32 key). A scammer's "add a dot so the bot won't delete it" is
 * undone the way the message itself says; rules judge the reading with their context words and validators as ever.
 */
final class RemovedMarks {
    /** Fewer value chars than this make a word or a number, not a key. */
    private static final int MIN_VALUE = 12, MIN_CAPITALS = 16;

    private RemovedMarks() {}

    /** The reading, or null when none of {@code removals} is said or no run holds its mark. */
    static NormalizedText read(NormalizedText nt, List<MarkRemoval> removals) {
        if (removals.isEmpty()) return null;
        String t = nt.text(), lower = nt.lower();
        char[] as = null;
        for (MarkRemoval r : removals) {
            if (t.indexOf(r.mark()) < 0 || !r.saidIn(lower)) continue; // (the scanner passes only those said)
            as = remove(t, r.mark(), as);
        }
        if (as == null) return null;
        ReadingBuilder out = new ReadingBuilder(nt);
        for (int k = 0; k < t.length(); k++) if (as[k] != '\0') out.keep(k);
        return out.build();
    }

    /** Drops {@code mark} inside every value-like run of {@code t}; {@code as} marks dropped chars with '\0'. */
    private static char[] remove(String t, char mark, char[] as) {
        int n = t.length();
        for (int i = 0; i < n; ) {
            if (!isValueChar(t.charAt(i), mark)) { i++; continue; }
            // a run: value chars, and the mark where a value char stands on both sides
            int e = i, chars = 0, marks = 0, capitals = 0;
            boolean digit = false;
            while (e < n) {
                char c = t.charAt(e);
                if (isValueChar(c, mark)) {
                    if (isAlnum(c)) chars++;
                    digit |= c >= '0' && c <= '9';
                    if (c >= 'A' && c <= 'Z') capitals++;
                    e++;
                } else if (c == mark && e + 1 < n && isValueChar(t.charAt(e + 1), mark)) {
                    marks++;
                    e++;
                } else {
                    break;
                }
            }
            if (marks > 0 && (chars >= MIN_VALUE && digit || capitals >= MIN_CAPITALS)) {
                if (as == null) as = t.toCharArray();
                for (int k = i; k < e; k++) if (t.charAt(k) == mark) as[k] = '\0';
            }
            i = e;
        }
        return as;
    }

    /** Letters, digits and the punctuation keys and tokens hold ("-", "_", ":"), unless it is the mark itself. */
    private static boolean isValueChar(char c, char mark) {
        return c != mark && (isAlnum(c) || c == '_' || c == '-' || c == ':');
    }

    private static boolean isAlnum(char c) { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }
}
