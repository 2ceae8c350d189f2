package io.tidewatch.announce;

/**
 * Removes {@code <...>} tags from a text, leaving everything between them as written. Does what
 * {@code replaceAll("<[^>]*>", "")} did, in one linear pass: that regex retried from every '<' of
 * a long run of '<' without a '>' and took quadratic time.
 */
public final class HtmlTags {
    private HtmlTags() {}

    public static String strip(String html) {
        int open = html.indexOf('<');
        if (open < 0) return html;
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        while (open >= 0) {
            int close = html.indexOf('>', open + 1);
            // no '>' after this '<' means none after any later '<' either: the rest is text
            if (close < 0) break;
            out.append(html, from, open);
            from = close + 1;
            open = html.indexOf('<', from);
        }
        return out.append(html, from, html.length()).toString();
    }
}
