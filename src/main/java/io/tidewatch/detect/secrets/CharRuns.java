package io.tidewatch.detect.secrets;

import java.util.Locale;

/**
 * The longest run of each character class in a text, computed in one pass: a cheap necessary
 * condition ({@code requires = "hex:64"}) that lets keyword-less rules such as WIF keys or ID
 * numbers skip the regex on the vast majority of messages, which have no such run.
 */
final class CharRuns {
    /**
     * DASHED: letters, digits and "-" (keys in groups: 8-8-8-5); PRINTABLE: printable ASCII without space
     * (a token); GROUPED_DIGITS: digits split by single spaces or hyphens (a card as printed: 4-4-4-4);
     * BASE32: A-Z2-7 or a-z2-7, upper-case groups of four split by a space or "-" counted without the splits
     * (an authenticator key as apps show it: "2OMP U6NI 55MS PDEM"); MIXED: a printable run holding upper
     * and lower case, a digit and a symbol (a random credential).
     */
    enum CharClass { DIGITS, HEX, BASE58, BASE64, ALNUM, DASHED, PRINTABLE, GROUPED_DIGITS, BASE32, MIXED }

    private static final String NAMES = "digits, hex, base58, base64, alnum, dashed, printable, grouped-digits, base32, mixed";

    /** A rule's requirement: a run of at least {@code length} chars of {@code charClass}. */
    record Requirement(CharClass charClass, int length) {
        static Requirement parse(String s) {
            int colon = s.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("requires must look like \"hex:64\" (" + NAMES + ")");
            CharClass c;
            try {
                c = CharClass.valueOf(s.substring(0, colon).trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown class in requires \"" + s + "\" (" + NAMES + ")");
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
        int digits = 0, hex = 0, base58 = 0, base64 = 0, alnum = 0, dashed = 0, printable = 0, grouped = 0;
        // base32: the current upper and lower runs, the current upper group and the groups of four before it
        int upper32 = 0, lower32 = 0, group32 = 0, groups32 = 0;
        // the kinds of char seen in the current printable run: 1 upper, 2 lower, 4 digit, 8 symbol
        int kinds = 0;
        int[] max = longest;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~' || c == '-') {
                // a space, a control char or non-ASCII (most chars of Chinese chat) ends every run; a single
                // space between digits joins digit groups, a space or "-" after four base32 chars another group
                groups32 = (c == ' ' || c == '-') && group32 == 4 ? groups32 + 1 : 0;
                upper32 = lower32 = group32 = 0;
                if (c == '-') {
                    dashed++;
                    printable++;
                    kinds |= 8;
                    if (kinds == 15) max[9] = Math.max(max[9], printable);
                    grouped = grouped > 0 && i + 1 < n && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1)) ? grouped + 1 : 0;
                    max[5] = Math.max(max[5], dashed);
                    max[6] = Math.max(max[6], printable);
                } else {
                    grouped = c == ' ' && grouped > 0 && i + 1 < n && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1)) ? grouped + 1 : 0;
                    dashed = printable = kinds = 0;
                }
                digits = hex = base58 = base64 = alnum = 0;
                continue;
            }
            boolean digit = isDigit(c);
            boolean lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
            boolean isAlnum = digit || lower || upper;
            printable++;
            kinds |= upper ? 1 : lower ? 2 : digit ? 4 : 8;
            digits = digit ? digits + 1 : 0;
            hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ? hex + 1 : 0;
            base58 = isAlnum && c != '0' && c != 'O' && c != 'I' && c != 'l' ? base58 + 1 : 0;
            base64 = isAlnum || c == '+' || c == '/' ? base64 + 1 : 0;
            alnum = isAlnum ? alnum + 1 : 0;
            dashed = isAlnum ? dashed + 1 : 0;
            grouped = digit ? grouped + 1 : 0;
            boolean b32digit = c >= '2' && c <= '7';
            upper32 = upper || b32digit ? upper32 + 1 : 0;
            lower32 = lower || b32digit ? lower32 + 1 : 0;
            group32 = upper || b32digit ? group32 + 1 : 0;
            if (group32 == 0 || group32 > 4) groups32 = 0;
            // in CharClass order
            max[0] = Math.max(max[0], digits);
            max[1] = Math.max(max[1], hex);
            max[2] = Math.max(max[2], base58);
            max[3] = Math.max(max[3], base64);
            max[4] = Math.max(max[4], alnum);
            max[5] = Math.max(max[5], dashed);
            max[6] = Math.max(max[6], printable);
            max[7] = Math.max(max[7], grouped);
            max[8] = Math.max(max[8], Math.max(Math.max(upper32, lower32), group32 == 4 ? 4 * (groups32 + 1) : 0));
            if (kinds == 15) max[9] = Math.max(max[9], printable);
        }
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    boolean satisfies(Requirement r) { return longest[r.charClass().ordinal()] >= r.length(); }
}
