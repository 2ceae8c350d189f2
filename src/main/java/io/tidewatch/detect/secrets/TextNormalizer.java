package io.tidewatch.detect.secrets;

import java.text.Normalizer;

/**
 * Undoes the usual ways people (and scammers) dodge filters, so rules see what a reader sees:
 * zero-width and other invisible characters are dropped, full-width and other compatibility
 * forms become ASCII (NFKC), and letters spaced or dotted apart ("p a s s w o r d", "k.e.y")
 * are joined. Every normalized char keeps the original span it came from.
 */
public final class TextNormalizer {
    /** A run of single chars split by one separator joins only from this many chars on. */
    private static final int MIN_SPACED_RUN = 4;

    private static final String[] FULLWIDTH = new String[0xFF5E - 0xFF01 + 1];

    static {
        for (int i = 0; i < FULLWIDTH.length; i++) FULLWIDTH[i] = String.valueOf((char) (0x21 + i));
    }

    private TextNormalizer() {}

    public static NormalizedText normalize(String original) {
        NormalizedText folded = widthFolded(original);
        if (folded != null) return folded;
        int n = original.length();
        StringBuilder sb = new StringBuilder(n);
        int[] start = new int[n + 8];
        int[] end = new int[n + 8];
        int len = 0;
        for (int i = 0; i < n; ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isInvisible(cp)) { i = next; continue; }
            String piece;
            if (cp < 0x80) {
                piece = null;
            } else if (cp == 0x3000) {
                piece = " ";
            } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
                piece = FULLWIDTH[cp - 0xFF01]; // full-width ASCII: the common case, without the normalizer
            } else if (!mayChangeUnderNfkc(cp)) {
                piece = null;
            } else {
                String s = new String(Character.toChars(cp));
                piece = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
                if (piece.isEmpty()) { i = next; continue; }
            }
            if (piece == null) {
                for (int k = i; k < next; k++) {
                    if (len + 1 > start.length) { start = grow(start); end = grow(end); }
                    sb.append(original.charAt(k));
                    start[len] = i; end[len] = next; len++;
                }
            } else {
                for (int k = 0; k < piece.length(); k++) {
                    if (len + 1 > start.length) { start = grow(start); end = grow(end); }
                    sb.append(piece.charAt(k));
                    start[len] = i; end[len] = next; len++;
                }
            }
            i = next;
        }
        String text = sb.toString();
        if (mayHaveSpacedRun(text)) {
            int[][] maps = new int[][]{start, end};
            text = joinSpacedRuns(text, maps, len);
            start = maps[0]; end = maps[1];
            len = text.length();
        }
        int[] s = java.util.Arrays.copyOf(start, len);
        int[] e = java.util.Arrays.copyOf(end, len);
        return new NormalizedText(original, text, lowerCase(text), s, e);
    }

    /**
     * The text with full-width forms (and the ideographic space) made ASCII and its lower case, in one pass, when
     * that is all normalization changes: each char stays one char at its offset, so no offset map is needed (the
     * common case: chat, Chinese with full-width punctuation too); null when the text holds anything else to undo.
     */
    private static NormalizedText widthFolded(String s) {
        char[] text = null, lower = null; // copies made at the first change; until then every char is its own lower case
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i), f;
            if (c < 0x80) {
                if (c < 'A' || c > 'Z') continue;
                f = c;
            } else if (isCjk(c)) {
                continue; // ideographs: nothing NFKC changes, nothing invisible, no case
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                f = FULLWIDTH[c - 0xFF01].charAt(0);
            } else if (c == 0x3000) {
                f = ' ';
            } else if (Character.isSurrogate(c) || isInvisible(c) || mayChangeUnderNfkc(c)) {
                return null;
            } else {
                f = c;
            }
            if (f != c) {
                if (text == null) text = s.toCharArray();
                text[i] = f;
            }
            char l = lowerCase(f);
            if (l != c) {
                if (lower == null) lower = s.toCharArray();
                lower[i] = l;
            }
        }
        String folded = text == null ? s : new String(text);
        if (mayHaveSpacedRun(folded)) return null;
        return new NormalizedText(s, folded, lower == null ? s : new String(lower), null, null);
    }

    /**
     * Blocks holding compatibility characters (full-width forms, ligatures, circled and math
     * letters, superscripts...). CJK ideographs, kana and Hangul syllables are left alone, which
     * keeps Chinese text on the fast path.
     */
    private static boolean mayChangeUnderNfkc(int cp) {
        return (cp >= 0x00A0 && cp <= 0x036F) || (cp >= 0x1D00 && cp <= 0x1DBF) || (cp >= 0x2000 && cp <= 0x2FFF)
                || cp == 0x3000 || (cp >= 0x3036 && cp <= 0x303F) || (cp >= 0x3099 && cp <= 0x309F) || (cp >= 0x3130 && cp <= 0x33FF)
                || (cp >= 0xA640 && cp <= 0xA7FF) || (cp >= 0xF900 && cp <= 0xFFEF) || cp >= 0x10000;
    }

    static boolean isInvisible(int cp) {
        return switch (cp) {
            case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x200D,
                 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x206A, 0x206B, 0x206C,
                 0x206D, 0x206E, 0x206F, 0x3164, 0xFEFF, 0xFFA0,
                 0x20E3 -> true; // the keycap that encloses "4️⃣": the digit stays
            default -> (cp >= 0x202A && cp <= 0x202E) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE007F);
        };
    }

    /** " .-_*·•|/" (bit masks, not a search of a string or a switch: this runs on every char of every message). */
    private static boolean isSeparator(char c) {
        if (c < 64) return (SEPARATORS_LOW >>> c & 1) != 0;
        if (c < 128) return (SEPARATORS_HIGH >>> (c - 64) & 1) != 0;
        return c == '\u00B7' || c == '\u2022';
    }

    /** The ASCII separators below 64 (space, ".", "-", "*", slash) and from 64 on ("_", "|"), one bit per char. */
    private static final long SEPARATORS_LOW = 1L << ' ' | 1L << '.' | 1L << '-' | 1L << '*' | 1L << '/';
    private static final long SEPARATORS_HIGH = 1L << ('_' - 64) | 1L << ('|' - 64);

    private static boolean isJoinable(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || isCjk(c);
    }

    static boolean isCjk(char c) { return c >= 0x3400 && c <= 0x9FFF; }

    /** Cheap test: somewhere a lone letter sits between separators ("x y", "a.b"). */
    private static boolean mayHaveSpacedRun(String t) {
        for (int i = 1; i + 2 < t.length(); i++) {
            if (isSeparator(t.charAt(i)) && isJoinable(t.charAt(i - 1)) && isJoinable(t.charAt(i + 1))
                    && isSeparator(t.charAt(i + 2)) && (i < 2 || !isJoinable(t.charAt(i - 2)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Joins runs like "p a s s w o r d" or "k.e.y" (single chars, each followed by the same
     * separator) of at least {@link #MIN_SPACED_RUN} chars; CJK runs ("密 码") join from two.
     */
    private static String joinSpacedRuns(String t, int[][] maps, int len) {
        int[] start = maps[0], end = maps[1];
        StringBuilder out = new StringBuilder(len);
        int[] ns = new int[len], ne = new int[len];
        int o = 0;
        int i = 0;
        while (i < len) {
            char c = t.charAt(i);
            boolean loneStart = isJoinable(c) && (i == 0 || !isJoinable(t.charAt(i - 1)))
                    && i + 2 < len && isSeparator(t.charAt(i + 1)) && isJoinable(t.charAt(i + 2));
            if (loneStart) {
                char sep = t.charAt(i + 1);
                int j = i; // j walks single chars
                int count = 1;
                boolean cjk = isCjk(c);
                while (j + 2 < len && t.charAt(j + 1) == sep && isJoinable(t.charAt(j + 2))
                        && (j + 3 >= len || !isJoinable(t.charAt(j + 3))) && isCjk(t.charAt(j + 2)) == cjk) {
                    j += 2;
                    count++;
                }
                if (count >= (cjk ? 2 : MIN_SPACED_RUN)) {
                    for (int k = i; k <= j; k += 2) {
                        out.append(t.charAt(k));
                        ns[o] = start[k];
                        ne[o] = end[k];
                        o++;
                    }
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            ns[o] = start[i];
            ne[o] = end[i];
            o++;
            i++;
        }
        maps[0] = ns;
        maps[1] = ne;
        return out.toString();
    }

    /** Lower case char by char (same length, same offsets), as {@link NormalizedText#lower()} is. */
    static String lowerCase(String text) {
        char[] cs = text.toCharArray();
        for (int i = 0; i < cs.length; i++) cs[i] = lowerCase(cs[i]);
        return new String(cs);
    }

    private static char lowerCase(char c) {
        return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    private static int[] grow(int[] a) { return java.util.Arrays.copyOf(a, a.length * 2 + 8); }
}
