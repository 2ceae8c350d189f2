package io.tidewatch.core;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tweet's length as Twitter counts it (twitter-text v3 rules): text is NFC-normalized; code points
 * in 0-4351, 8192-8205, 8208-8223 and 8242-8247 weigh 1, every other code point (CJK, most symbols)
 * weighs 2; every URL weighs 23 whatever its length; an emoji sequence (ZWJ families, flags, keycaps,
 * skin tones) weighs 2 as a whole. A tweet may weigh at most {@link #MAX}.
 */
public final class TweetLength {
    public static final int MAX = 280;
    public static final int URL_WEIGHT = 23;

    /** URLs with a scheme, or bare hosts under common TLDs (twitter-text links those too). */
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![a-z0-9])https?://[\\x21-\\x7E\\u00A1-\\u10FF&&[^<>\"']]+"
            + "|(?<![@\\w.-])(?:www\\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+"
            + "(?:com|net|org|io|co|me|info|biz|app|dev|xyz|top|cn|hk|tw|jp|sg|uk|us|eu|de|fr|ly|gg|so|to|exchange|finance)"
            + "\\b(?:/[\\x21-\\x7E\\u00A1-\\u10FF&&[^<>\"']]*)?");

    private static final BreakIterator GRAPHEMES = BreakIterator.getCharacterInstance(java.util.Locale.ROOT);

    private TweetLength() {}

    public static int of(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        int total = 0;
        int from = 0;
        Matcher m = URL.matcher(s);
        while (m.find()) {
            String url = trimTrailingPunctuation(m.group());
            total += weightOfText(s.substring(from, m.start()));
            total += URL_WEIGHT;
            from = m.start() + url.length();
        }
        return total + weightOfText(s.substring(from));
    }

    public static boolean fits(String text) { return of(text) <= MAX; }

    /** URLs as this counter sees them, so callers can keep them whole when splitting. */
    public static Matcher urls(String text) { return URL.matcher(text); }

    public static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]}'\"。，；：！？）".indexOf(url.charAt(end - 1)) >= 0) {
            if (url.charAt(end - 1) == ')' && url.substring(0, end).contains("(")) break;
            end--;
        }
        return url.substring(0, end);
    }

    private static int weightOfText(String s) {
        if (s.isEmpty()) return 0;
        int simple = simpleWeight(s);
        if (simple >= 0) return simple;
        BreakIterator graphemes = (BreakIterator) GRAPHEMES.clone();
        graphemes.setText(s);
        int total = 0;
        for (int start = graphemes.first(), end = graphemes.next(); end != BreakIterator.DONE;
             start = end, end = graphemes.next()) {
            String cluster = s.substring(start, end);
            if (isEmoji(cluster)) {
                total += 2;
            } else {
                for (int i = 0; i < cluster.length(); ) {
                    int cp = cluster.codePointAt(i);
                    total += weight(cp);
                    i += Character.charCount(cp);
                }
            }
        }
        return total;
    }

    /** The weight when no character can start or join an emoji sequence (the common case), else -1. */
    private static int simpleWeight(String s) {
        int total = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) || (c >= 0x2000 && c <= 0x2BFF) || c == 0xFE0F || c == 0x3030 || c == 0x303D
                    || c == 0x3297 || c == 0x3299 || c == 0x00A9 || c == 0x00AE || c == 0x0023 || c == 0x002A
                    || (c >= 0x0030 && c <= 0x0039)) {
                if (c >= 0x0023 && c <= 0x0039 && (i + 1 >= s.length() || (s.charAt(i + 1) != 0xFE0F && s.charAt(i + 1) != 0x20E3))) {
                    total += 1; // a digit, '#' or '*' that starts no keycap
                    continue;
                }
                if ((c == 0x00A9 || c == 0x00AE) && (i + 1 >= s.length() || s.charAt(i + 1) != 0xFE0F)) {
                    total += 1;
                    continue;
                }
                return -1;
            }
            total += weight(c);
        }
        return total;
    }

    static int weight(int cp) {
        if (cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247)) {
            return 1;
        }
        return 2;
    }

    private static boolean isEmoji(String cluster) {
        int first = cluster.codePointAt(0);
        if (UCharacter.hasBinaryProperty(first, UProperty.EMOJI_PRESENTATION)) return true;
        if (UCharacter.hasBinaryProperty(first, UProperty.REGIONAL_INDICATOR)) return true;
        boolean qualified = cluster.indexOf('\uFE0F') >= 0 || cluster.indexOf('\u20E3') >= 0
                || cluster.codePoints().anyMatch(cp -> cp >= 0x1F3FB && cp <= 0x1F3FF);
        return qualified && UCharacter.hasBinaryProperty(first, UProperty.EMOJI);
    }
}
