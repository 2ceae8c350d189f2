package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;

/**
 * Which code points one char of a regex ("[A-Za-z0-9+/]", "\\d", ".", "\\p{Han}") matches, for choosing where to try a
 * rule ({@link RuleStarts}). An answer may say yes where the regex says no, never the reverse: a place tried in vain
 * costs a try, a place left out would lose a match. ASCII is asked of RE2/J itself, once per char; beyond ASCII the
 * answer is no only for a bracket class of ASCII members and escapes, which under case folding may still take the
 * two non-ASCII letters that fold to ASCII ones (long s, Kelvin sign).
 */
final class OneCharClass {
    private final String source;
    private final boolean fold;
    private final boolean[] ascii = new boolean[0x80];
    private final boolean nonAscii;

    OneCharClass(String source, boolean fold) {
        this.source = source;
        this.fold = fold;
        Pattern p = Pattern.compile("(?s)" + (fold ? "(?i)" : "") + "(?:" + source + ")");
        for (char c = 0; c < 0x80; c++) ascii[c] = p.matcher(String.valueOf(c)).matches();
        this.nonAscii = !asciiOnly(source);
    }

    /** Whether the code point may be matched by this char of the regex. */
    boolean mayMatch(int cp) {
        if (cp < 0x80) return ascii[cp];
        return nonAscii || fold && (cp == '\u017F' || cp == '\u212A');
    }

    /** "[...]" of ASCII chars, ranges and ASCII escapes, or "\d", "\s", "\w" (RE2's are ASCII). */
    private static boolean asciiOnly(String s) {
        if (s.equals("\\d") || s.equals("\\s") || s.equals("\\w")) return true;
        if (!s.startsWith("[") || s.startsWith("[^") || !s.endsWith("]")) return false;
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return false;
            if (c == '\\') {
                char e = s.charAt(++i);
                if (e >= 0x80 || Character.isLetterOrDigit(e) && "dswntrfv".indexOf(e) < 0) return false; // \p, \x, \D ...
            } else if (c == '[' && s.startsWith("[:", i)) {
                if (s.startsWith("[:^", i)) return false;
                int close = s.indexOf(":]", i);
                if (close < 0) return false;
                i = close + 1;
            }
        }
        return true;
    }

    @Override public boolean equals(Object o) {
        return o instanceof OneCharClass other && other.source.equals(source) && other.fold == fold;
    }

    @Override public int hashCode() { return source.hashCode() * 31 + (fold ? 1 : 0); }

    @Override public String toString() { return (fold ? "(?i)" : "") + source; }
}
