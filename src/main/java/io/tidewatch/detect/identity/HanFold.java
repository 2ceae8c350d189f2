package io.tidewatch.detect.identity;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional Chinese characters read as their simplified forms, so that "帳戶已凍結，請點擊連結" is the same bait as
 * "账户已冻结，请点击链接": the scam rules are written, and the model learns, mostly in simplified characters, while
 * Hong Kong and Taiwan members write traditional ones. Both the rules' patterns and the text they read are folded.
 * The table comes from ICU's Traditional-Simplified transform, one character at a time, built once: only
 * one-to-one mappings inside the CJK blocks, so offsets and everything outside Chinese stay as they are.
 */
final class HanFold {
    private static final int FIRST = 0x3400, LAST = 0x9FFF;
    /** Per char from {@link #FIRST}: its simplified form, or 0 when it has none of its own. */
    private static final char[] SIMPLIFIED = build();

    private HanFold() {}

    private static char[] build() {
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        char[] table = new char[LAST - FIRST + 1];
        for (int c = FIRST; c <= LAST; c++) {
            if (!Character.isIdeographic(c)) continue;
            String s = toSimplified.transliterate(String.valueOf((char) c));
            if (s.length() == 1 && s.charAt(0) != c && s.charAt(0) >= FIRST && s.charAt(0) <= LAST) table[c - FIRST] = s.charAt(0);
        }
        // simplified forms that simplified text itself writes both ways: ICU gives 帳 -> 帐, the rules write 账户
        for (int k = 0; k + 1 < SAME.length(); k += 2) {
            char variant = SAME.charAt(k), usual = SAME.charAt(k + 1);
            table[variant - FIRST] = usual;
            for (int c = 0; c < table.length; c++) if (table[c] == variant) table[c] = usual;
        }
        return table;
    }

    /** Pairs (variant, usual form) of simplified characters written both ways. */
    private static final String SAME = "帐账";

    /** The simplified form of {@code c}, or {@code c}. */
    static char fold(char c) {
        if (c < FIRST || c > LAST) return c;
        char s = SIMPLIFIED[c - FIRST];
        return s == 0 ? c : s;
    }

    /** {@code text} with every traditional character folded; the same string when none is. */
    static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i), f = fold(c);
            if (f == c) continue;
            if (out == null) out = text.toCharArray();
            out[i] = f;
        }
        return out == null ? text : new String(out);
    }
}
