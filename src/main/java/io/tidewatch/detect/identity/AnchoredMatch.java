package io.tidewatch.detect.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A pattern tried at one place of a text only, where the prefilter says a match may start
 * ({@link PatternPrefilter.Words#starts}). RE2/J has no DFA: a search steps its automaton over every char
 * of the text, where a match tried at a few places reads a few words.
 */
final class AnchoredMatch {
    private AnchoredMatch() {}

    /** The end of the pattern's match starting exactly at {@code start} of {@code t}, or -1 when none starts there. */
    static int end(Pattern pattern, String t, int start) {
        if (start > 0 && wordChar(t.charAt(start - 1)) && wordChar(t.charAt(start))) {
            // "\b" reads the char before the start, which only a search over the whole text sees
            Matcher m = pattern.matcher(t);
            return m.find(start) && m.start() == start ? m.end() : -1;
        }
        Matcher m = pattern.matcher(start == 0 ? t : t.substring(start));
        return m.lookingAt() ? start + m.end() : -1;
    }

    /** Inside a run of ASCII letters and digits, where no whole-word match starts ({@link ScamBaitMatcher#wholeWords}). */
    static boolean insideWord(String t, int start) {
        return start > 0 && alnum(t.charAt(start - 1)) && alnum(t.charAt(start));
    }

    /** A word char as RE2/J's "\b" reads it: an ASCII letter, digit or '_'. */
    static boolean wordChar(char c) { return alnum(c) || c == '_'; }

    /** An ASCII letter or digit: the chars whose runs no match may start or end inside. */
    static boolean alnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
