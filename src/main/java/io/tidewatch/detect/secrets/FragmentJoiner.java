package io.tidewatch.detect.secrets;

/**
 * A second reading of a message in which a value dictated in pieces is whole again: a card number sent as
 * "6222 6070 4386⏎3960 747" because the app breaks long numbers, a key pasted in groups of eight, a WIF or
 * xprv wrapped over two lines, an ID sent in three messages' worth of lines. Pieces are runs of ASCII
 * letters and digits standing alone between single spaces or line breaks; a run of at least two of them
 * most of which hold a digit (groups of capitals alone are base32: "HYVM") is joined without its
 * separators. Rules then run on this reading too; their validators and context words decide, as ever.
 */
final class FragmentJoiner {
    /** A joined value shorter than this is no secret any rule reports. */
    private static final int MIN_JOINED = 6;

    /** Groups on one line of other lengths are no app's layout. */
    private static final int MIN_GROUP = 3, MAX_GROUP = 16;

    private FragmentJoiner() {}


    /** The text with every run of pieces joined, offsets mapped to the original; null when no run was joined. */
    static NormalizedText join(NormalizedText nt) {
        String t = nt.text();
        if (!twoTokensWithDigits(t)) return null;
        int n = t.length();
        StringBuilder out = null, lower = null;
        int[] start = null, end = null;
        int copied = 0; // t[0, copied) is in out
        int i = 0;
        while (i < n) {
            if (!isPiece(t, i) || i > 0 && !isSeparator(t.charAt(i - 1)) && !isOpening(t.charAt(i - 1))) { i = skipToken(t, i); continue; }
            // a run of pieces from i: count them, those with a digit, and where it ends
            int pieces = 0, withDigit = 0, runEnd = i, j = i, joined = 0;
            boolean lineBreak = false, sawDigits = false, sawCapitals = false, groups = true; // groups: pieces of MIN_GROUP to MAX_GROUP chars
            while (true) {
                int e = skipToken(t, j);
                if (!isPiece(t, j) || e < n && !isSeparator(t.charAt(e)) && !isClosing(t.charAt(e))) break;
                // capitals belong to base32 groups, not to a number: "…3960 747⏎ICBC" is a card and its bank
                boolean digits = allDigits(t, j, e), capitals = !hasDigit(t, j, e);
                if (digits && sawCapitals || capitals && sawDigits) break;
                sawDigits |= digits;
                sawCapitals |= capitals;
                if (e - j < MIN_GROUP || e - j > MAX_GROUP) groups = false;
                pieces++;
                if (hasDigit(t, j, e)) withDigit++;
                joined += e - j;
                if (pieces > 1 && t.substring(runEnd, j).indexOf('\n') >= 0) lineBreak = true;
                runEnd = e;
                int next = skipSeparators(t, e);
                if (next == e || next >= n || next - e > 3) break; // at most "␠⏎␠" between pieces
                j = next;
            }
            // on one line only groups as apps and people print them ("6222 6070 4386 3960 747", "H758 72686"); a value
            // wrapped in the middle of a line ("…e47 126bc52" in a man page) or a date ("2024 12 03") stays apart
            boolean joins = lineBreak || groups;
            if (pieces >= 2 && joined >= MIN_JOINED && withDigit * 2 > pieces && joins) {
                if (out == null) { out = new StringBuilder(n); lower = new StringBuilder(n); start = new int[n]; end = new int[n]; }
                for (int k = copied; k < runEnd; k++) {
                    if (k < i || !isSeparator(t.charAt(k))) keep(nt, k, out, lower, start, end);
                }
                copied = runEnd;
            }
            i = Math.max(runEnd, skipToken(t, i));
        }
        if (out == null) return null;
        for (int k = copied; k < n; k++) keep(nt, k, out, lower, start, end);
        int o = out.length();
        return new NormalizedText(nt.original(), out.toString(), lower.toString(),
                java.util.Arrays.copyOf(start, o), java.util.Arrays.copyOf(end, o));
    }

    /**
     * A run joins only when most of its pieces (two at least) hold a digit: a text with fewer than two runs of
     * letters and digits holding one (most chat) has nothing to join, and one pass tells.
     */
    private static boolean twoTokensWithDigits(String t) {
        int found = 0;
        boolean inToken = false, digit = false;
        for (int i = 0, n = t.length(); i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!(inToken && digit) && ++found == 2) return true;
                inToken = digit = true;
            } else if (isAlnum(c)) {
                if (!inToken) digit = false;
                inToken = true;
            } else {
                inToken = digit = false;
            }
        }
        return false;
    }

    /** Appends char {@code k} of the reading (and its lower case) with the original span it came from. */
    private static void keep(NormalizedText nt, int k, StringBuilder out, StringBuilder lower, int[] start, int[] end) {
        int o = out.length();
        out.append(nt.text().charAt(k));
        lower.append(nt.lower().charAt(k));
        start[o] = nt.originalStart(k);
        end[o] = nt.originalEnd(k + 1);
    }

    private static boolean isAlnum(char c) { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

    private static boolean isSeparator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    /** Chars a value may follow or be followed by at the ends of a run: a label's colon, a quote, a bracket. */
    private static boolean isOpening(char c) { return c == ':' || c == '：' || c == '"' || c == '\'' || c == '(' || c == '（' || c == '「'; }

    private static boolean isClosing(char c) {
        return c == ',' || c == '，' || c == '。' || c == '.' || c == ')' || c == '）' || c == '」' || c == '"' || c == '\'' || c == '!' || c == '?';
    }

    /** At {@code i} starts a run of at least two letters or digits, holding a digit or all capitals. */
    private static boolean isPiece(String t, int i) {
        int e = skipToken(t, i);
        if (e - i < 2) return false;
        if (hasDigit(t, i, e)) return true;
        for (int k = i; k < e; k++) if (t.charAt(k) < 'A' || t.charAt(k) > 'Z') return false;
        return true;
    }

    private static boolean allDigits(String t, int from, int to) {
        for (int k = from; k < to; k++) if (t.charAt(k) < '0' || t.charAt(k) > '9') return false;
        return true;
    }

    private static boolean hasDigit(String t, int from, int to) {
        for (int k = from; k < to; k++) if (t.charAt(k) >= '0' && t.charAt(k) <= '9') return true;
        return false;
    }

    /** The end of the run of letters and digits at {@code i} (i + 1 at least, so that scanning moves on). */
    private static int skipToken(String t, int i) {
        int e = i;
        while (e < t.length() && isAlnum(t.charAt(e))) e++;
        return Math.max(e, i + 1);
    }

    private static int skipSeparators(String t, int i) {
        int e = i;
        while (e < t.length() && isSeparator(t.charAt(e))) e++;
        return e;
    }
}
