package io.tidewatch.detect.secrets;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Phone numbers written with their country code ("+86 170 0000 0944", "+1 (415) 555-0132"): members name the
 * number their SMS codes go to, and its last digit groups look like a code ("換了新號碼 +852 5324 3611，舊號收不到驗證碼了").
 * Without a country code a number is left alone: read with a region, "验证码 482913" would be a possible local number
 * too. libphonenumber judges the number; it runs java.util.regex, so it is handed only the run of phone-number
 * characters around the value (at most {@link #MAX_RUN} of them), never the member's whole message. Thread-safe.
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** No default region: only a number that carries its country code is possible. */
    private static final String NO_REGION = "ZZ";
    /** Longer than any international number with its separators ("+44 (0) 7700 900 123" is 20). */
    private static final int MAX_RUN = 32;

    private PhoneNumbers() {}

    /** Whether [from, to) of {@code text} lies inside a phone number written with its country code. */
    static boolean covers(String text, int from, int to) {
        if (text.indexOf('+') < 0) return false; // the common case: no number with a country code
        int start = from;
        while (start > 0 && from - start < MAX_RUN && inNumber(text.charAt(start - 1))) start--;
        if (start == 0 || text.charAt(start - 1) != '+') return false; // the run must open with "+"
        start--;
        int end = to;
        while (end < text.length() && end - start < MAX_RUN && inNumber(text.charAt(end))) end++;
        while (end > to && !Character.isDigit(text.charAt(end - 1))) end--; // "+852 5324 3611，" ends at its last digit
        if (end - start > MAX_RUN) return false;
        return UTIL.isPossibleNumber(text.subSequence(start, end), NO_REGION);
    }

    /** Digits and what numbers are written with between them: spaces, hyphens, dots, brackets. */
    private static boolean inNumber(char c) {
        return c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\u00A0';
    }
}
