package io.tidewatch.detect.identity;

/** Small edit-distance facts the Levenshtein distance does not see (a swap is two edits there). */
public final class EditOperations {
    private EditOperations() {}

    /** True when {@code b} is {@code a} with exactly two neighbouring characters swapped. */
    public static boolean isAdjacentSwap(String a, String b) {
        if (a.length() != b.length() || a.equals(b)) return false;
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) i++;
        if (i + 1 >= a.length()) return false;
        if (a.charAt(i) != b.charAt(i + 1) || a.charAt(i + 1) != b.charAt(i)) return false;
        return a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** True when {@code b} is {@code a} with one character doubled ("bybbit"). */
    public static boolean isRepetition(String a, String b) {
        if (b.length() != a.length() + 1) return false;
        for (int i = 0; i < b.length(); i++) {
            if (i > 0 && b.charAt(i) == b.charAt(i - 1) && (b.substring(0, i) + b.substring(i + 1)).equals(a)) return true;
        }
        return false;
    }
}
