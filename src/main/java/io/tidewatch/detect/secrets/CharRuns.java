package io.tidewatch.detect.secrets;

import java.util.Locale;

/**
 * The longest run of each character class in a text, each class computed in one pass when first asked: a cheap necessary
 * condition ({@code requires = "hex:64"}) that lets keyword-less rules such as WIF keys or ID
 * numbers skip the regex on the vast majority of messages, which have no such run.
 */
final class CharRuns {
    /**
     * DASHED: letters, digits and "-" (keys in groups: 8-8-8-5); PRINTABLE: printable ASCII without space
     * (a token); GROUPED_DIGITS: digits split by single spaces or hyphens (a card as printed: 4-4-4-4);
     * BASE32: A-Z2-7 or a-z2-7, groups of four of one case split by a space or "-" counted without the splits
     * (an authenticator key as apps show it: "2OMP U6NI 55MS PDEM", "6qcm evy2 67yi ghul"); BASE32_GROUPED: only those
     * groups, for rules that want the layout and not a plain run; ALNUM_DIGIT: a run of letters and digits
     * holding a digit (a number, not a word); MIXED: a printable run holding upper
     * and lower case, a digit and a symbol (a random credential); EMAIL: a printable run holding an "@" with a "."
     * after it (an address: an "@name" mention is none).
     */
    enum CharClass { DIGITS, HEX, BASE58, BASE64, ALNUM, DASHED, PRINTABLE, GROUPED_DIGITS, BASE32, BASE32_GROUPED, ALNUM_DIGIT, MIXED, EMAIL }

    /** The classes whose runs may hold spaces: no token bounds them. */
    private static final java.util.Set<CharClass> SPANS_SPACES = java.util.EnumSet.of(CharClass.GROUPED_DIGITS, CharClass.BASE32, CharClass.BASE32_GROUPED);

    private static final String NAMES = "digits, hex, base58, base64, alnum, dashed, printable, grouped-digits, base32, base32-grouped, alnum-digit, mixed, email";

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

    /** Per plain class (DIGITS … PRINTABLE): which ASCII chars belong to it. */
    private static final boolean[][] MEMBERS = new boolean[CharClass.PRINTABLE.ordinal() + 1][128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean digit = c >= '0' && c <= '9', lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
            boolean alnum = digit || lower || upper;
            MEMBERS[CharClass.DIGITS.ordinal()][c] = digit;
            MEMBERS[CharClass.HEX.ordinal()][c] = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            MEMBERS[CharClass.BASE58.ordinal()][c] = alnum && c != '0' && c != 'O' && c != 'I' && c != 'l';
            MEMBERS[CharClass.BASE64.ordinal()][c] = alnum || c == '+' || c == '/';
            MEMBERS[CharClass.ALNUM.ordinal()][c] = alnum;
            MEMBERS[CharClass.DASHED.ordinal()][c] = alnum || c == '-';
            MEMBERS[CharClass.PRINTABLE.ordinal()][c] = c > ' ' && c <= '~';
        }
    }

    private final String text;
    /** The longest run of each class, computed when a rule first asks (-1: not yet): most messages need two or three. */
    private final int[] longest = new int[CharClass.values().length];

    CharRuns(String text) {
        this.text = text;
        java.util.Arrays.fill(longest, -1);
    }

    /** No run is longer than the text: a short message answers without a pass (most chat is shorter than a key). */
    boolean satisfiesAll(java.util.List<Requirement> all) {
        for (Requirement r : all) if (!satisfies(r)) return false;
        return true;
    }

    boolean satisfies(Requirement r) {
        if (text.length() < r.length()) return false;
        // every class but the grouped ones is printable: the longest token bounds them all, in one pass for all rules
        if (!SPANS_SPACES.contains(r.charClass()) && longest(CharClass.PRINTABLE) < r.length()) return false;
        // more than three groups need three splits five apart; most text has none, and finding out costs less than counting
        if (r.charClass() == CharClass.BASE32_GROUPED && r.length() > 12 && longest[r.charClass().ordinal()] < 0
                && !splitsFiveApart(' ') && !splitsFiveApart('-')) return false;
        return longest(r.charClass()) >= r.length();
    }

    /** A split ({@code first}, then a space or "-" each) at i, i + 5 and i + 10: the frame of three groups of four and a fourth. */
    private boolean splitsFiveApart(char first) {
        int n = text.length();
        for (int i = text.indexOf(first); i >= 0 && i + 10 < n; i = text.indexOf(first, i + 1)) {
            if (isSplit(text.charAt(i + 5)) && isSplit(text.charAt(i + 10))) return true;
        }
        return false;
    }

    private static boolean isSplit(char c) { return c == ' ' || c == '-'; }

    private int longest(CharClass k) {
        int i = k.ordinal();
        if (longest[i] < 0) {
            switch (k) {
                case DIGITS, GROUPED_DIGITS -> digitRuns();
                case BASE32, BASE32_GROUPED -> base32();
                case MIXED -> longest[i] = mixed(text);
                case EMAIL -> longest[i] = email(text);
                case ALNUM_DIGIT -> longest[i] = alnumWithDigit(text);
                default -> longest[i] = plainRun(text, MEMBERS[i]);
            }
        }
        return longest[i];
    }

    private static int plainRun(String text, boolean[] member) {
        int best = 0, cur = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 128 && member[c]) {
                cur++;
            } else {
                if (cur > best) best = cur;
                cur = 0;
            }
        }
        return Math.max(best, cur);
    }

    /** Digit runs and grouped digit runs (a single space or "-" with a digit on both sides joins two groups), in one pass. */
    private void digitRuns() {
        int best = 0, cur = 0, bestGrouped = 0, grouped = 0, n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                cur++;
                grouped++;
                if (grouped > bestGrouped) bestGrouped = grouped;
                continue;
            }
            if (cur > best) best = cur;
            cur = 0;
            grouped = (c == ' ' || c == '-') && grouped > 0 && i + 1 < n && isDigit(text.charAt(i + 1)) ? grouped + 1 : 0;
        }
        longest[CharClass.DIGITS.ordinal()] = Math.max(best, cur);
        longest[CharClass.GROUPED_DIGITS.ordinal()] = bestGrouped;
    }

    /** A-Z2-7 or a-z2-7 runs; groups of four of one case split by a space or "-" count without the splits. Both classes in one pass. */
    private void base32() {
        int best = 0, bestGrouped = 0, upper = 0, lower = 0, group = 0, groups = 0, lowGroup = 0, lowGroups = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-') {
                groups = group == 4 ? groups + 1 : 0;
                lowGroups = lowGroup == 4 ? lowGroups + 1 : 0;
                upper = lower = group = lowGroup = 0;
                continue;
            }
            boolean b32digit = c >= '2' && c <= '7', up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
            upper = up || b32digit ? upper + 1 : 0;
            lower = low || b32digit ? lower + 1 : 0;
            group = up || b32digit ? group + 1 : 0;
            lowGroup = low || b32digit ? lowGroup + 1 : 0;
            if (group == 0 || group > 4) groups = 0;
            if (lowGroup == 0 || lowGroup > 4) lowGroups = 0;
            bestGrouped = Math.max(bestGrouped, Math.max(group == 4 ? 4 * (groups + 1) : 0, lowGroup == 4 ? 4 * (lowGroups + 1) : 0));
            best = Math.max(best, Math.max(upper, lower));
        }
        longest[CharClass.BASE32.ordinal()] = Math.max(best, bestGrouped);
        longest[CharClass.BASE32_GROUPED.ordinal()] = bestGrouped;
    }

    /** Runs of ASCII letters and digits that hold a digit. */
    private static int alnumWithDigit(String text) {
        int best = 0, cur = 0;
        boolean digit = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) digit = true;
            else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                cur = 0;
                digit = false;
                continue;
            }
            cur++;
            if (digit && cur > best) best = cur;
        }
        return best;
    }

    /** Printable runs that hold an upper and a lower case letter, a digit and a symbol. */
    private static int mixed(String text) {
        int best = 0, cur = 0, kinds = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                cur = kinds = 0;
                continue;
            }
            cur++;
            kinds |= c >= 'A' && c <= 'Z' ? 1 : c >= 'a' && c <= 'z' ? 2 : isDigit(c) ? 4 : 8;
            if (kinds == 15 && cur > best) best = cur;
        }
        return best;
    }

    /** Printable runs that hold an "@" and, after it, a ".". */
    private static int email(String text) {
        int best = 0, cur = 0;
        boolean at = false, dot = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                cur = 0;
                at = dot = false;
                continue;
            }
            cur++;
            if (c == '@') at = true;
            else if (c == '.' && at) dot = true;
            if (dot && cur > best) best = cur;
        }
        return best;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
