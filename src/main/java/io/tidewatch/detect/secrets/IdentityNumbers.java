package io.tidewatch.detect.secrets;

/**
 * Check digits of identity numbers people paste into KYC complaints (beside the Chinese resident ID in
 * {@link SecretValidator}): a number whose check digit holds is that document's number, not an order id.
 */
final class IdentityNumbers {
    private IdentityNumbers() {}

    /** Taiwan: letter code (A=10 … Z=33, in the ministry's order) split in two digits, weights 1 9 8 7 6 5 4 3 2 1 1. */
    private static final String TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

    static boolean taiwan(String s) {
        s = s.replace(" ", "").replace("-", ""); // as people space it: "P 1991 11451"
        if (s.length() != 10) return false;
        int code = TW_LETTERS.indexOf(Character.toUpperCase(s.charAt(0)));
        if (code < 0 || "1289".indexOf(s.charAt(1)) < 0) return false;
        code += 10;
        int sum = code / 10 + (code % 10) * 9;
        for (int i = 1; i < 10; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * (i == 9 ? 1 : 9 - i);
        }
        return sum % 10 == 0;
    }

    /** Hong Kong: (space=36 or a letter A=10 …), letter, 6 digits, weights 9 … 2; check = 11 - sum mod 11 (10 is A). */
    static boolean hongKong(String s) {
        // "J837051 (3)": a space may stand before the bracketed check digit
        String t = s.replace("(", "").replace(")", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (t.length() == 8) t = " " + t;
        if (t.length() != 9) return false;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = t.charAt(i);
            int v;
            if (i < 2) {
                if (c == ' ' && i == 0) v = 36;
                else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
                else return false;
            } else if (c >= '0' && c <= '9') {
                v = c - '0';
            } else {
                return false;
            }
            sum += v * (9 - i);
        }
        int check = (11 - sum % 11) % 11;
        char want = check == 10 ? 'A' : (char) ('0' + check);
        return t.charAt(8) == want;
    }

    private static final int[] NRIC_WEIGHTS = {2, 7, 6, 5, 4, 3, 2};

    /**
     * Singapore: weights 2 7 6 5 4 3 2, +4 for T and G, +3 for M (FINs issued since 2022); S/T letters "JZIHGFEDCBA",
     * F/G "XWUTRQPNMLK", M "KLJNPQRTUWX".
     */
    static boolean singapore(String s) {
        if (s.length() != 9) return false;
        String t = s.toUpperCase(java.util.Locale.ROOT);
        char series = t.charAt(0);
        String table = switch (series) {
            case 'S', 'T' -> "JZIHGFEDCBA";
            case 'F', 'G' -> "XWUTRQPNMLK";
            case 'M' -> "KLJNPQRTUWX";
            default -> null;
        };
        if (table == null) return false;
        int sum = series == 'T' || series == 'G' ? 4 : series == 'M' ? 3 : 0;
        for (int i = 0; i < 7; i++) {
            char c = t.charAt(i + 1);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * NRIC_WEIGHTS[i];
        }
        return t.charAt(8) == table.charAt(sum % 11);
    }

    /** Verhoeff's dihedral-group tables: multiplication, and the permutation applied to each digit by its position. */
    private static final int[][] VERHOEFF_D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
            {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    /**
     * India's Aadhaar number: 12 digits (printed 4 4 4, spaces or hyphens between), not starting with 0 or 1, the last a
     * Verhoeff check digit, which catches every single wrong digit and every swap of neighbours.
     */
    static boolean aadhaar(String s) {
        s = s.replace(" ", "").replace("-", "");
        if (s.length() != 12 || s.charAt(0) < '2' || s.charAt(0) > '9') return false;
        int c = 0;
        for (int i = 0; i < 12; i++) {
            int d = s.charAt(11 - i) - '0';
            if (d < 0 || d > 9) return false;
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
        }
        return c == 0;
    }

    /**
     * South Korean resident registration number, YYMMDD-GNNNNNC: a birth date that exists, a sex and century digit
     * (1-8), and the check digit of weights 2 3 4 5 6 7 8 9 2 3 4 5 (issued until October 2020, as nearly all are).
     */
    static boolean koreanResident(String s) {
        s = s.replace("-", "").replace(" ", "");
        if (s.length() != 13) return false;
        for (int i = 0; i < 13; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        int g = s.charAt(6) - '0';
        if (g < 1 || g > 8) return false;
        int year = (g <= 2 || g == 5 || g == 6 ? 1900 : 2000) + Integer.parseInt(s.substring(0, 2));
        try {
            java.time.LocalDate.of(year, Integer.parseInt(s.substring(2, 4)), Integer.parseInt(s.substring(4, 6)));
        } catch (java.time.DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (s.charAt(i) - '0') * (i < 8 ? i + 2 : i - 6);
        return (11 - sum % 11) % 10 == s.charAt(12) - '0';
    }

    /** US Social Security number, written 3-2-4 with dashes, spaces or nothing between. */
    static boolean usSocialSecurity(String s) {
        if (s.length() == 11 && s.charAt(3) == s.charAt(6) && (s.charAt(3) == '-' || s.charAt(3) == ' ')) {
            s = s.substring(0, 3) + s.substring(4, 6) + s.substring(7);
        }
        if (s.length() != 9) return false;
        for (int i = 0; i < 9; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        String area = s.substring(0, 3), group = s.substring(3, 5), serial = s.substring(5);
        return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9' && !group.equals("00") && !serial.equals("0000");
    }

    /**
     * Line two of a passport's machine-readable zone (ICAO 9303 TD3, 44 chars): the check digits (weights 7 3 1,
     * A=10 … Z=35, "<"=0) of the number, the birth date, the expiry and the whole line must all hold.
     */
    static boolean passportMrz(String s) {
        if (s.length() != 44) return false;
        return mrzCheck(s, 0, 9) == s.charAt(9) - '0' && mrzCheck(s, 13, 19) == s.charAt(19) - '0'
                && mrzCheck(s, 21, 27) == s.charAt(27) - '0'
                && mrzCheck(s.substring(0, 10) + s.substring(13, 20) + s.substring(21, 43), 0, 39) == s.charAt(43) - '0';
    }

    private static final int[] MRZ_WEIGHTS = {7, 3, 1};

    private static int mrzCheck(String s, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : c == '<' ? 0 : -1;
            if (v < 0) return -1;
            sum += v * MRZ_WEIGHTS[(i - from) % 3];
        }
        return sum % 10;
    }
}
