package io.tidewatch.support;

import java.util.regex.Pattern;

/**
 * The user's own words, made fit for a help-center search link: links, @handles, email addresses and
 * long codes (UIDs, TX IDs, keys) removed, whitespace collapsed, cut at a word boundary.
 */
final class SearchWords {
    private static final Pattern DROP = Pattern.compile(
            "https?://\\S+|www\\.\\S+|\\S+@\\S+\\.\\S+|@\\w+|\\b(?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{8,}\\b|[A-Za-z0-9+/=_-]{20,}");

    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    private SearchWords() {}

    static String of(String text, int maxChars) {
        String s = SPACE.matcher(DROP.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        if (s.length() <= maxChars) return s;
        int cut = s.lastIndexOf(' ', maxChars);
        if (cut < maxChars / 2) cut = maxChars;
        if (Character.isLowSurrogate(s.charAt(cut))) cut--;
        return s.substring(0, cut).strip();
    }
}
