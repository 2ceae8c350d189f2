package io.tidewatch.support;

/**
 * The user's own words, made fit for a help-center search link: links, @handles, email addresses and
 * long codes (UIDs, TX IDs, keys) removed, whitespace collapsed, cut at a word boundary.
 *
 * <p>A single pass over whitespace-separated tokens, linear in the text's length: the question comes
 * from anyone who writes to the bot, so no backtracking regex may read it (4,096 '@' once held a
 * {@code \S+@\S+\.\S+} for most of a minute).
 */
final class SearchWords {
    /** A run of these this long is a key or an encoded blob, digits or not. */
    private static final int BLOB_LENGTH = 20;
    /** A run of letters, digits, '_' and '-' this long with a digit in it is an id (UID, order, TX). */
    private static final int CODE_LENGTH = 8;

    private SearchWords() {}

    static String of(String text, int maxChars) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0, n = text.length();
        while (i < n) {
            if (isSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && !isSpace(text.charAt(end))) end++;
            String kept = token(text.substring(i, end));
            if (!kept.isBlank()) {
                if (out.length() > 0) out.append(' ');
                out.append(kept.strip());
            }
            i = end;
        }
        String s = out.toString();
        if (s.length() <= maxChars) return s;
        int cut = s.lastIndexOf(' ', maxChars);
        if (cut < maxChars / 2) cut = maxChars;
        if (Character.isLowSurrogate(s.charAt(cut))) cut--;
        return s.substring(0, cut).strip();
    }

    /** What stays of one token: the part before a link, nothing of an email address, no handles or codes. */
    private static String token(String t) {
        int link = linkStart(t);
        if (link >= 0) t = t.substring(0, link);
        if (isEmail(t)) return "";
        return withoutCodes(withoutHandles(t));
    }

    /** Where "http://", "https://" or "www." begins in the token (case-insensitive), or -1. */
    private static int linkStart(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.regionMatches(true, i, "http://", 0, 7) || t.regionMatches(true, i, "https://", 0, 8)
                    || t.regionMatches(true, i, "www.", 0, 4)) return i;
        }
        return -1;
    }

    /** Something, '@', something, '.', something: an address as people type one. */
    private static boolean isEmail(String t) {
        int at = t.indexOf('@', 1);
        int dot = t.lastIndexOf('.', t.length() - 2);
        return at > 0 && dot >= at + 2;
    }

    private static String withoutHandles(String t) {
        if (t.indexOf('@') < 0) return t;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); ) {
            if (t.charAt(i) == '@' && i + 1 < t.length() && isWordChar(t.charAt(i + 1))) {
                i++;
                while (i < t.length() && isWordChar(t.charAt(i))) i++;
                b.append(' ');
            } else {
                b.append(t.charAt(i++));
            }
        }
        return b.toString();
    }

    /** Runs of base64-ish characters of {@value #BLOB_LENGTH}+, and id-like runs of {@value #CODE_LENGTH}+ with a digit. */
    private static String withoutCodes(String t) {
        StringBuilder b = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            if (!isBlobChar(t.charAt(i))) {
                b.append(t.charAt(i++));
                continue;
            }
            int end = i;
            while (end < t.length() && isBlobChar(t.charAt(end))) end++;
            if (end - i >= BLOB_LENGTH) {
                b.append(' ');
            } else {
                appendWithoutIds(t, i, end, b);
            }
            i = end;
        }
        return b.toString();
    }

    private static void appendWithoutIds(String t, int from, int to, StringBuilder b) {
        int i = from;
        while (i < to) {
            if (!isIdChar(t.charAt(i))) {
                b.append(t.charAt(i++));
                continue;
            }
            int end = i;
            boolean digit = false;
            while (end < to && isIdChar(t.charAt(end))) digit |= isAsciiDigit(t.charAt(end++));
            if (end - i >= CODE_LENGTH && digit) b.append(' ');
            else b.append(t, i, end);
            i = end;
        }
    }

    /** Whitespace and control characters: the separators the old {@code [\s\p{Cntrl}]+} collapsed. */
    private static boolean isSpace(char c) { return Character.isWhitespace(c) || Character.isISOControl(c); }

    private static boolean isWordChar(char c) { return isIdChar(c) && c != '-'; }

    private static boolean isIdChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isAsciiDigit(c) || c == '_' || c == '-';
    }

    private static boolean isBlobChar(char c) { return isIdChar(c) || c == '+' || c == '/' || c == '='; }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
}
