package io.tidewatch.detect.secrets;

import java.util.List;

/**
 * A reading of a message that says a value in it is written backwards ("private key but reversed, just flip it back",
 * "卡号倒着写的", "身份证倒过来"), a trick to get past a group's bot: every value-like run (ten or more ASCII letters,
 * digits, "-" and "_", holding a digit) is read the right way round. Rules then judge it with their context words and
 * validators (a reversed card number passes Luhn only the right way round), as on every reading.
 */
final class ReversedValues {
    /** Shorter runs are words and numbers, not keys, cards or IDs. */
    private static final int MIN_VALUE = 10;

    private ReversedValues() {}

    /** The reading, or null when the message names no reversal ({@code cues}, lower case) or holds no value. */
    static NormalizedText read(NormalizedText nt, List<String> cues) {
        return mentions(nt.lower(), cues) ? read(nt) : null;
    }

    /** The reading of a message that names a reversal, or null when it holds no value. */
    static NormalizedText read(NormalizedText nt) {
        String t = nt.text();
        int n = t.length();
        ReadingBuilder out = null;
        int copied = 0;
        for (int i = 0; i < n; ) {
            if (!isValueChar(t.charAt(i))) { i++; continue; }
            int e = i;
            boolean digit = false;
            while (e < n && isValueChar(t.charAt(e))) digit |= Character.isDigit(t.charAt(e++));
            // a handle or a link's part is no value someone reversed ("@lilgirl6460")
            boolean named = i > 0 && (t.charAt(i - 1) == '@' || t.charAt(i - 1) == '/'
                    || t.charAt(i - 1) == '.' && i > 1 && Character.isLetterOrDigit(t.charAt(i - 2)));
            if (e - i >= MIN_VALUE && digit && !named) {
                if (out == null) out = new ReadingBuilder(nt);
                out.keep(copied, i);
                out.keepReversed(i, e);
                copied = e;
            }
            i = e;
        }
        if (out == null) return null;
        out.keep(copied, n);
        return out.build();
    }

    private static boolean mentions(String lower, List<String> cues) {
        for (String c : cues) if (lower.contains(c)) return true;
        return false;
    }

    private static boolean isValueChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_';
    }
}
