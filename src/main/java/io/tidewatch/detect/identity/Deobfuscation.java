package io.tidewatch.detect.identity;

import io.tidewatch.detect.ChineseNumerals;

/**
 * Undoes the tricks bait uses to slip past keyword bots, on a post already folded to lower case (homoglyphs and
 * full-width letters are folded before): a link or handle broken up ("t . me / helpdesk", "sgnl dot me slash x",
 * "bnb-apk [.] example", "t 点 m e"), letters spaced out ("l e d g e r - c l a i m", "r e c o v e r y"), Chinese
 * characters spaced out ("私 聊", "钱 包 同 步"), and ids written in Chinese numerals ("薇：二九九七六六零七六"). Every
 * char kept keeps the original offset it came from, so findings still point into the post as written.
 */
final class Deobfuscation {
    /** Single letters spaced out join from this many on ("a b" is two words; "l e d g e r" is one). */
    private static final int MIN_SPACED_LETTERS = 3;
    /** Chinese numerals in a row read as digits from this many on: an id or a number, not "一二三". */
    private static final int MIN_NUMERALS = 5;

    private Deobfuscation() {}

    static NameSkeleton.FoldedText undo(NameSkeleton.FoldedText f) {
        String t = f.text();
        if (!mayHold(t)) return f;
        int n = t.length();
        StringBuilder out = new StringBuilder(n);
        int[] offsets = new int[n];
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            // a dot or a slash written as a word or in brackets between two parts of an address
            int word = dotWord(t, i);
            if (word > 0 && alnumBefore(out) && alnumAt(t, skipSpaces(t, i + word))) {
                trimTrailingSpaces(out);
                char as = t.startsWith("slash", i) ? '/' : '.';
                offsets[out.length()] = f.originalIndex(i);
                out.append(as);
                i = skipSpaces(t, i + word);
                continue;
            }
            // " . " and " / " with spaces on both sides inside an address ("t . me / x", "phantom-validate . test")
            if ((c == '.' || c == '/') && alnumBefore(out) && i > 0 && t.charAt(i - 1) == ' ' && alnumAt(t, skipSpaces(t, i + 1))
                    && (c == '.' || lastTokenHasDot(out))) {
                trimTrailingSpaces(out);
                offsets[out.length()] = f.originalIndex(i);
                out.append(c);
                i = skipSpaces(t, i + 1);
                continue;
            }
            // letters (or CJK characters) spaced out one by one
            int run = spacedRun(t, i);
            if (run > 0) {
                for (int k = i; k < run; k++) {
                    if (t.charAt(k) == ' ') continue;
                    offsets[out.length()] = f.originalIndex(k);
                    out.append(t.charAt(k));
                }
                i = run;
                continue;
            }
            int numerals = numeralRun(t, i);
            if (numerals - i >= MIN_NUMERALS) {
                for (int k = i; k < numerals; k++) {
                    offsets[out.length()] = f.originalIndex(k);
                    out.append(ChineseNumerals.digit(t.charAt(k)));
                }
                i = numerals;
                continue;
            }
            offsets[out.length()] = f.originalIndex(i);
            out.append(c);
            i++;
        }
        if (out.length() == n && out.toString().equals(t)) return f;
        return new NameSkeleton.FoldedText(out.toString(), java.util.Arrays.copyOf(offsets, out.length()), f.originalLength());
    }

    /** A cheap look for any of the tricks: most posts hold none. */
    private static boolean mayHold(String t) {
        int singles = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '[' || c == '(' || c == '点' || ChineseNumerals.isNumeral(c)) return true;
            if ((c == '.' || c == '/') && i > 0 && t.charAt(i - 1) == ' ') return true;
            if (c == ' ' && i + 2 < t.length() && t.charAt(i + 2) == ' ' && ++singles >= 2) return true;
            if (c == 'd' && t.startsWith("dot ", i) || c == 's' && t.startsWith("slash ", i)) return true;
        }
        return false;
    }

    /** A dot written in brackets. */
    private static final String[] BRACKETED_DOTS = {"(dot)", "[dot]", "[.]", "(.)", "{.}"};

    /** The length of a dot or slash written out at {@code i} (" dot ", "(dot)", "[.]", "(.)", " 点 "), or 0. */
    private static int dotWord(String t, int i) {
        char c = t.charAt(i);
        if (c == '(' || c == '[' || c == '{') for (String w : BRACKETED_DOTS) if (t.startsWith(w, i)) return w.length();
        boolean wordStart = i > 0 && t.charAt(i - 1) == ' ';
        if (wordStart && (t.startsWith("dot ", i) || t.startsWith("slash ", i))) return t.startsWith("dot ", i) ? 3 : 5;
        if (t.charAt(i) == '点' && i > 0 && (t.charAt(i - 1) == ' ' || isAsciiAlnum(t.charAt(i - 1)))
                && i + 1 < t.length() && (t.charAt(i + 1) == ' ' || isAsciiAlnum(t.charAt(i + 1)))) return 1;
        return 0;
    }

    /**
     * The end of a run of single chars split by single spaces from {@code i} ("l e d g e r - c l a i m . example",
     * "私 聊", "钱 包 同 步 节 点"), or 0: Latin letters, digits and "-_." from three chars on, CJK from two. A run
     * ending in a dot or a dash takes the word after it ("… m . example").
     */
    private static int spacedRun(String t, int i) {
        int n = t.length();
        if (i > 0 && t.charAt(i - 1) != ' ' && t.charAt(i - 1) != '\n') return 0;
        boolean cjk = isCjk(t.charAt(i));
        int k = i, chars = 0, last = -1;
        while (k < n && (cjk ? isCjk(t.charAt(k)) : isSpaceable(t.charAt(k))) && (k + 1 >= n || t.charAt(k + 1) == ' ' || t.charAt(k + 1) == '\n')) {
            chars++;
            last = k;
            if (k + 1 < n && t.charAt(k + 1) == ' ') k += 2;
            else break;
        }
        if (chars < (cjk ? 2 : MIN_SPACED_LETTERS)) return 0;
        int end = last + 1;
        if (!cjk && (t.charAt(last) == '.' || t.charAt(last) == '-') && end + 1 < n && t.charAt(end) == ' ' && isAsciiAlnum(t.charAt(end + 1))) {
            end++;
            while (end < n && isAsciiAlnum(t.charAt(end))) end++;
        }
        return end;
    }

    private static boolean isSpaceable(char c) { return isAsciiAlnum(c) || c == '-' || c == '_' || c == '.'; }

    private static boolean isCjk(char c) { return c >= 0x4E00 && c <= 0x9FFF; }

    private static boolean isAsciiAlnum(char c) { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'; }

    private static boolean alnumAt(String t, int i) { return i < t.length() && isAsciiAlnum(t.charAt(i)); }

    private static boolean alnumBefore(StringBuilder out) {
        int k = out.length() - 1;
        while (k >= 0 && out.charAt(k) == ' ') k--;
        return k >= 0 && isAsciiAlnum(out.charAt(k));
    }

    /** The address being written ends in a token holding a dot ("t.me" before " / helpdesk"). */
    private static boolean lastTokenHasDot(StringBuilder out) {
        int k = out.length() - 1;
        while (k >= 0 && out.charAt(k) == ' ') k--;
        for (; k >= 0; k--) {
            char c = out.charAt(k);
            if (c == '.') return true;
            if (!isAsciiAlnum(c) && c != '-' && c != '_') return false;
        }
        return false;
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && t.charAt(i) == ' ') i++;
        return i;
    }

    private static int numeralRun(String t, int i) {
        int k = i;
        while (k < t.length() && ChineseNumerals.isNumeral(t.charAt(k))) k++;
        return k;
    }
}
