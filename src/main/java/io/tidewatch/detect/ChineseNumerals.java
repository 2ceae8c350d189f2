package io.tidewatch.detect;

/**
 * The Chinese numerals people write digits with to slip an id, a code or a card past a bot: the common ones, the
 * financial ones (壹贰叁…), 幺 (one, as read out) and 两 (two), in simplified and traditional forms.
 */
public final class ChineseNumerals {
    /** Every numeral, for a regular expression's character class. */
    public static final String CHARS = "零〇一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖幺两兩";
    private static final String VALUES = "00123456789122334566789122";
    /** The numerals among the CJK ideographs (U+4E00–U+9FFF), one bit each: tested for every such char of a post. */
    private static final long[] BITS = new long[(0x9FFF - 0x4E00 >> 6) + 1];

    static {
        for (char c : CHARS.toCharArray()) if (c >= 0x4E00) BITS[c - 0x4E00 >> 6] |= 1L << (c - 0x4E00);
    }

    private ChineseNumerals() {}

    public static boolean isNumeral(char c) {
        if (c < 0x4E00) return c == '〇';
        return c <= 0x9FFF && (BITS[c - 0x4E00 >> 6] >>> (c - 0x4E00) & 1) != 0;
    }

    /** The digit a numeral stands for ('五' → '5'), or 0 when {@code c} is none. */
    public static char digit(char c) {
        int k = isNumeral(c) ? CHARS.indexOf(c) : -1;
        return k < 0 ? 0 : VALUES.charAt(k);
    }
}
