package io.tidewatch.detect.secrets;

import java.util.Locale;

/**
 * The longest run of each character class in a text, computed in one pass: a cheap necessary
 * condition ({@code requires = "hex:64"}) that lets keyword-less rules such as WIF keys or ID
 * numbers skip the regex on the vast majority of messages, which have no such run.
 */
final class CharRuns {
    enum CharClass { DIGITS, HEX, BASE58, BASE64, ALNUM }

    /** A rule's requirement: a run of at least {@code length} chars of {@code charClass}. */
    record Requirement(CharClass charClass, int length) {
        static Requirement parse(String s) {
            int colon = s.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("requires must look like \"hex:64\" (digits, hex, base58, base64, alnum)");
            CharClass c;
            try {
                c = CharClass.valueOf(s.substring(0, colon).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown class in requires \"" + s + "\" (digits, hex, base58, base64, alnum)");
            }
            try {
                return new Requirement(c, Integer.parseInt(s.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("requires \"" + s + "\" needs a number after ':'");
            }
        }
    }

    private final int[] longest = new int[CharClass.values().length];

    CharRuns(String text) {
        int[] cur = new int[longest.length];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
            boolean alnum = digit || lower || upper;
            track(cur, CharClass.DIGITS, digit);
            track(cur, CharClass.HEX, digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            track(cur, CharClass.BASE58, alnum && c != '0' && c != 'O' && c != 'I' && c != 'l');
            track(cur, CharClass.BASE64, alnum || c == '+' || c == '/');
            track(cur, CharClass.ALNUM, alnum);
        }
    }

    private void track(int[] cur, CharClass k, boolean in) {
        int i = k.ordinal();
        cur[i] = in ? cur[i] + 1 : 0;
        if (cur[i] > longest[i]) longest[i] = cur[i];
    }

    boolean satisfies(Requirement r) { return longest[r.charClass().ordinal()] >= r.length(); }
}
