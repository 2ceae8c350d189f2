package io.tidewatch.detect.secrets;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Phone numbers written with their country code ("+86 170 0000 0944", "+1 (415) 555-0132"), found by
 * libphonenumber: members name the number their SMS codes go to, and its last digit groups look like a
 * code ("換了新號碼 +852 5324 3611，舊號收不到驗證碼了"). Without a country code a number is left alone: read
 * with a region, "验证码 482913" would be a possible local number too. Thread-safe.
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** No default region: only numbers that carry their country code are found. */
    private static final String NO_REGION = "ZZ";

    private PhoneNumbers() {}

    /** Whether [from, to) of {@code text} lies inside a phone number written with its country code. */
    static boolean covers(String text, int from, int to) {
        if (text.indexOf('+') < 0) return false; // the common case: no number with a country code
        for (PhoneNumberMatch m : UTIL.findNumbers(text, NO_REGION, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (m.start() <= from && to <= m.end()) return true;
        }
        return false;
    }
}
