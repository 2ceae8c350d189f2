package io.tidewatch.detect.secrets;

import io.tidewatch.detect.ChineseNumerals;

/**
 * What one pass over a normalized text tells the extra readings of it, so that each of them can tell at once that it
 * has nothing to do (most messages): runs of letters and digits holding a digit ({@link FragmentJoiner} joins two or
 * more), value-like runs ({@link PartJoiner} needs two labelled ones), and the marks, line breaks and Chinese
 * numerals {@link InsertedSeparators} takes out.
 *
 * @param digitTokens runs of ASCII letters and digits that hold a digit
 * @param valueRuns   runs of ASCII letters, digits and ":_-" of four chars or more holding a digit, of eight or more
 *                    in both cases, or of three digits: what a value handed over in a part looks like
 * @param punctuation chars that split values into groups (".", "-", "/", "|", "_", ",")
 * @param symbols     emoji and other symbols
 * @param lines       line breaks
 * @param numerals    Chinese numerals
 * @param camelBreaks a lower-case ASCII letter followed by a capital ("Method|Adapt|Stable…")
 * @param loneChars   printable ASCII chars standing alone between spaces ("U . Q . Y", "& c A N 4 7")
 */
record TextShape(int digitTokens, int valueRuns, int punctuation, int symbols, int lines, int numerals,
                 int camelBreaks, int loneChars) {
    /** {@code PUNCTUATION}'s chars below 64, one bit each. */
    private static final long LOW_PUNCTUATION = 1L << '.' | 1L << '-' | 1L << '/' | 1L << ',';

    /**
     * Whether a run of ASCII letters, digits and ":_-" looks like a value handed over in a part: four chars or more
     * holding a digit, eight or more in both cases, or three digits alone (half of a six-digit code, "前三位095 后三位163").
     * {@link PartLabels} asks the same of the run after a label.
     */
    static boolean valueLike(int length, boolean digit, boolean upper, boolean lower, boolean onlyDigits) {
        return length >= 4 && digit || length >= 8 && upper && lower || length == 3 && onlyDigits;
    }

    static TextShape of(String t) {
        int digitTokens = 0, valueRuns = 0, punctuation = 0, symbols = 0, lines = 0, numerals = 0, camelBreaks = 0, loneChars = 0;
        int n = t.length();
        int token = 0, run = 0; // lengths of the current alnum token and value run
        boolean tokenDigit = false, runDigit = false, runUpper = false, runLower = false, runOther = false;
        char before = ' ', previous = ' '; // the two chars before c
        for (int i = 0; i <= n; i++) {
            char c = i < n ? t.charAt(i) : ' ';
            boolean digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
            if (upper && previous >= 'a' && previous <= 'z') camelBreaks++;
            if ((c == ' ' || c == '\n') && previous > ' ' && previous <= '~' && (before == ' ' || before == '\n')) loneChars++;
            before = previous;
            previous = c;
            boolean alnum = digit || upper || lower;
            if (alnum) {
                token++;
                tokenDigit |= digit;
            } else if (token > 0) {
                if (tokenDigit) digitTokens++;
                token = 0;
                tokenDigit = false;
            }
            if (alnum || c == ':' || c == '_' || c == '-') {
                run++;
                runDigit |= digit;
                runUpper |= upper;
                runLower |= lower;
                runOther |= !digit;
            } else if (run > 0) {
                if (valueLike(run, runDigit, runUpper, runLower, !runOther)) valueRuns++;
                run = 0;
                runDigit = runUpper = runLower = runOther = false;
            }
            if (alnum || i == n) continue;
            if (c < 0x80) {
                if (c == '\n') lines++;
                else if (c < 64 ? (LOW_PUNCTUATION >>> c & 1) != 0 : c == '|' || c == '_') punctuation++;
            } else if (c >= 0x3400) {
                // CJK (the common case of non-ASCII) holds the numerals; above it, surrogates hold the emoji
                if (ChineseNumerals.isNumeral(c)) numerals++;
                else if (Character.isHighSurrogate(c)) symbols++;
            } else if (c == '〇') {
                numerals++;
            } else if (InsertedSeparators.isMark(c)) {
                symbols++; // below the CJK ideographs: symbols
            }
        }
        return new TextShape(digitTokens, valueRuns, punctuation, symbols, lines, numerals, camelBreaks, loneChars);
    }
}
