package io.tidewatch.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twitter's weighted length: code points in the Latin and common punctuation ranges count 1, all
 * others (CJK, emoji) count 2, and every URL counts 23 whatever its length (t.co wrapping).
 */
public final class TweetLength {
    public static final int URL_WEIGHT = 23;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private TweetLength() {}

    public static int weighted(String text) {
        int total = 0;
        int last = 0;
        Matcher m = URL.matcher(text);
        while (m.find()) {
            total += codePointWeight(text, last, m.start()) + URL_WEIGHT;
            last = m.end();
        }
        return total + codePointWeight(text, last, text.length());
    }

    private static int codePointWeight(String s, int from, int to) {
        int w = 0;
        for (int i = from; i < to; ) {
            int cp = s.codePointAt(i);
            w += lightweight(cp) ? 1 : 2;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean lightweight(int cp) {
        return cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    }
}
