package io.tidewatch.detect.secrets;

/**
 * A second reading of a message in which a value dictated in pieces is whole again: a card number sent as
 * "6222 6070 4386⏎3960 747" because the app breaks long numbers, a key pasted in groups of eight, a WIF or
 * xprv wrapped over two lines, an ID sent in three messages' worth of lines. Pieces are runs of ASCII
 * letters and digits standing alone between single spaces or line breaks; a run of at least two of them
 * most of which hold a digit (groups of capitals alone are base32: "HYVM") is joined without its
 * separators. Rules then run on this reading too; their validators and context words decide, as ever.
 */
final class FragmentJoiner {
    /** A joined value shorter than this is no secret any rule reports. */
    private static final int MIN_JOINED = 6;

    /** Groups on one line of other lengths are no app's layout. */
    private static final int MIN_GROUP = 3, MAX_GROUP = 16;

    private FragmentJoiner() {}


    /** The text with every run of pieces joined, offsets mapped to the original; null when no run was joined. */
    static NormalizedText join(NormalizedText nt) { return join(nt, TextShape.of(nt.text())); }

    /**
     * As {@link #join(NormalizedText)}, told the text's shape. A run joins only when most of its pieces (two at least)
     * hold a digit, and a typed value holds one too: a text with fewer than two runs of letters and digits holding one
     * (most chat) has nothing to join.
     */
    static NormalizedText join(NormalizedText nt, TextShape shape) {
        if (shape.digitTokens() < 2) return null;
        String t = nt.text();
        int n = t.length();
        ReadingBuilder out = null;
        int copied = 0; // t[0, copied) is in out
        int i = 0;
        while (i < n) {
            boolean starts = isAlnum(t.charAt(i)) && (i == 0 || isSeparator(t.charAt(i - 1)) || isOpening(t.charAt(i - 1)));
            int typedEnd = starts ? typedRunEnd(t, i) : -1;
            if (typedEnd > 0) {
                if (out == null) out = new ReadingBuilder(nt);
                for (int k = copied; k < typedEnd; k++) {
                    if (k < i || !isSeparator(t.charAt(k))) out.keep(k);
                }
                copied = typedEnd;
                i = typedEnd;
                continue;
            }
            if (!starts || !isPiece(t, i)) { i = skipToken(t, i); continue; }
            // a run of pieces from i: count them, those with a digit, and where it ends
            int pieces = 0, withDigit = 0, runEnd = i, j = i, joined = 0;
            boolean lineBreak = false, sawDigits = false, sawCapitals = false, groups = true; // groups: pieces of MIN_GROUP to MAX_GROUP chars
            while (true) {
                int e = skipToken(t, j);
                if (!isPiece(t, j) || e < n && !isSeparator(t.charAt(e)) && !isClosing(t.charAt(e))) break;
                // capitals belong to base32 groups, not to a number: "…3960 747⏎ICBC" is a card and its bank
                boolean digits = allDigits(t, j, e), capitals = !hasDigit(t, j, e);
                if (digits && sawCapitals || capitals && sawDigits) break;
                sawDigits |= digits;
                sawCapitals |= capitals;
                if (e - j < MIN_GROUP || e - j > MAX_GROUP) groups = false;
                pieces++;
                if (hasDigit(t, j, e)) withDigit++;
                joined += e - j;
                if (pieces > 1 && t.substring(runEnd, j).indexOf('\n') >= 0) lineBreak = true;
                runEnd = e;
                int next = skipSeparators(t, e);
                if (next == e || next >= n || next - e > 3) break; // at most "␠⏎␠" between pieces
                j = next;
            }
            // on one line only groups as apps and people print them ("6222 6070 4386 3960 747", "H758 72686"); a value
            // wrapped in the middle of a line ("…e47 126bc52" in a man page) or a date ("2024 12 03") stays apart
            boolean joins = lineBreak || groups;
            if (pieces >= 2 && joined >= MIN_JOINED && withDigit * 2 > pieces && joins) {
                if (out == null) out = new ReadingBuilder(nt);
                for (int k = copied; k < runEnd; k++) {
                    if (k < i || !isSeparator(t.charAt(k))) out.keep(k);
                }
                copied = runEnd;
            }
            i = Math.max(runEnd, skipToken(t, i));
        }
        if (out == null) return null;
        out.keep(copied, n);
        return out.build();
    }

    /** At most this many pieces make one value broken apart ("0x 5762 1e6f …": 17). */
    private static final int MAX_TYPED_PIECES = 24;
    /** Groups of one length, this many at least, make a value split on purpose ("ebcBBFZR Bt4cL1UM hodFKNzD …"). */
    private static final int MIN_EVEN_GROUPS = 4, MIN_EVEN_LENGTH = 24;

    /**
     * Where a value that text recognition (OCR of a screenshot) or a narrow screen broke apart on one line ends,
     * or -1: pieces split by one or two spaces whose concatenation has, exactly, the shape of a secret by
     * itself, a shape no words take by chance: 64 hex digits (a 256-bit key, "0x" allowed), 87 or 88 base58
     * chars (a Solana secret key), or 13 to 19 digits passing the Luhn check (a card number, pieces of any
     * length: "5 313 7750 3939 1170"), standing where a field's value does: opening its line or after its label,
     * and ending the line. Groups as apps print them are the
     * ordinary run's; this reading only adds the uneven splits, and the rules still judge the joined value with
     * their context and validators.
     */
    static int typedRunEnd(String t, int i) {
        if (!startsField(t, i)) return -1;
        int n = t.length();
        int tokenEnd = botTokenRunEnd(t, i);
        if (tokenEnd > 0) return tokenEnd;
        int[] ends = new int[MAX_TYPED_PIECES];
        int pieces = 0, j = i;
        boolean oneLine = true;
        while (pieces < MAX_TYPED_PIECES) {
            int e = j;
            while (e < n && isAlnum(t.charAt(e))) e++;
            if (e == j || e < n && !isSeparator(t.charAt(e)) && !isClosing(t.charAt(e))) break;
            if (pieces > 0) oneLine &= t.lastIndexOf('\n', j) < ends[pieces - 1];
            ends[pieces++] = e;
            int next = nextPiece(t, e);
            if (next < 0 || !isAlnum(t.charAt(next))) break;
            j = next;
        }
        // the longest prefix of two or more pieces with a secret's shape; lengths first, so most runs build nothing
        int length = 0;
        int[] lengths = new int[pieces];
        for (int k = 0; k < pieces; k++) {
            int pieceStart = k == 0 ? i : nextPiece(t, ends[k - 1]);
            length += ends[k] - pieceStart;
            lengths[k] = length;
        }
        if (pieces < 2) return -1;
        for (int m = pieces; m >= 2; m--) {
            int len = lengths[m - 1];
            if (len != 64 && len != 66 && len != 87 && len != 88 && (len < 13 || len > 19)) continue;
            if (endsLine(t, ends[m - 1]) && hasSecretShape(withoutSpaces(t, i, ends[m - 1]))) return ends[m - 1];
        }
        // a line's groups only: lines of one length are a list (order ids, amounts), not a value typed apart
        return oneLine && evenGroups(t, i, ends, pieces, lengths) ? ends[pieces - 1] : -1;
    }

    /**
     * Where the next piece starts after one ending at {@code e}: one or two spaces on its line, or a line break when the
     * piece ends its line and the next opens one (a value one chunk per line); -1 when none follows so.
     */
    private static int nextPiece(String t, int e) {
        int n = t.length();
        int next = skipSpaces(t, e);
        if (next < n && t.charAt(next) == '\n') next = skipSpaces(t, next + 1);
        else if (next - e > 2) return -1;
        if (next == e || next >= n) return -1;
        return next;
    }

    /** A Telegram bot token: the bot's id, a colon, "AA" and 33 base64url chars. */
    private static final com.google.re2j.Pattern BOT_TOKEN = com.google.re2j.Pattern.compile("[0-9]{8,10}:AA[0-9A-Za-z_-]{33}");

    /**
     * Where a Telegram bot token typed in pieces ends ("591189 361:AA G7YMkQ cmcxoH …", one chunk per line), or -1:
     * pieces of letters, digits and ":_-" whose concatenation is exactly a token, the last ending its line.
     */
    private static int botTokenRunEnd(String t, int i) {
        int n = t.length(), j = i, length = 0;
        boolean colon = false;
        for (int pieces = 0; pieces < MAX_TYPED_PIECES; pieces++) {
            int e = j;
            while (e < n && isTokenChar(t.charAt(e))) colon |= t.charAt(e++) == ':';
            if (e == j || e < n && !isSeparator(t.charAt(e)) && !isClosing(t.charAt(e))) return -1;
            length += e - j;
            if (length > 46) return -1;
            if (pieces > 0 && colon && length >= 44 && endsLine(t, e) && BOT_TOKEN.matcher(withoutSpaces(t, i, e)).matches()) return e;
            int next = nextPiece(t, e);
            if (next < 0 || !isTokenChar(t.charAt(next))) return -1;
            j = next;
        }
        return -1;
    }

    private static boolean isTokenChar(char c) { return isAlnum(c) || c == ':' || c == '_' || c == '-'; }

    /**
     * A whole line's value typed in groups of one length (four to sixteen chars; the first and last may be shorter when
     * they hold a digit, as "0x" does), most of them holding a digit: a key someone split so that a filter would not
     * see it ("a space every 8"). Words at either end ("key … ok") are no group.
     */
    private static boolean evenGroups(String t, int i, int[] ends, int pieces, int[] lengths) {
        if (pieces < MIN_EVEN_GROUPS || lengths[pieces - 1] < MIN_EVEN_LENGTH || !endsLine(t, ends[pieces - 1])) return false;
        int groupLength = ends[1] - skipSpaces(t, ends[0]), withDigit = 0;
        if (groupLength < MIN_GROUP + 1 || groupLength > MAX_GROUP) return false;
        for (int k = 0; k < pieces; k++) {
            int from = k == 0 ? i : skipSpaces(t, ends[k - 1]), len = ends[k] - from;
            boolean digit = hasDigit(t, from, ends[k]);
            if (k > 0 && k < pieces - 1 ? len != groupLength : len > groupLength || len < groupLength && !digit) return false;
            if (digit) withDigit++;
        }
        return withDigit * 2 > pieces;
    }

    /**
     * The value at {@code i} opens its line or follows its label as a screen lays a field out: after a colon or
     * two spaces or "=" ("卡号  5 313 …", "Secret Key: …", "API_KEY=…"). A hash quoted inside a command ("key='e0d9…") is no field.
     */
    private static boolean startsField(String t, int i) {
        int k = i;
        while (k > 0 && (t.charAt(k - 1) == ' ' || t.charAt(k - 1) == '\t')) k--;
        if (k == 0 || t.charAt(k - 1) == '\n' || t.charAt(k - 1) == ':' || t.charAt(k - 1) == '：' || t.charAt(k - 1) == '=') return true;
        return i - k >= 2;
    }

    /**
     * Nothing but closing punctuation and spaces after {@code i} on its line: a screenshot's text puts each field's
     * value at the end of its line; a hash wrapped inside reflowed prose ("key='e0d9…e47 126bc52' To remove") goes on.
     */
    private static boolean endsLine(String t, int i) {
        int k = i;
        while (k < t.length() && (isClosing(t.charAt(k)) || t.charAt(k) == ' ' || t.charAt(k) == '\t' || t.charAt(k) == '\r')) k++;
        return k == t.length() || t.charAt(k) == '\n';
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) i++;
        return i;
    }

    private static String withoutSpaces(String t, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int k = from; k < to; k++) if (!isSeparator(t.charAt(k))) sb.append(t.charAt(k));
        return sb.toString();
    }

    private static boolean hasSecretShape(String v) {
        String hex = v.startsWith("0x") || v.startsWith("0X") ? v.substring(2) : v;
        if (hex.length() == 64 && hex.chars().allMatch(FragmentJoiner::isHex)) return true;
        if ((v.length() == 87 || v.length() == 88) && v.chars().allMatch(c -> Base58.ALPHABET.indexOf(c) >= 0)) return true;
        return v.length() >= 13 && v.length() <= 19 && allDigits(v, 0, v.length()) && SecretValidator.luhn(v);
    }

    private static boolean isHex(int c) { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'; }

    private static boolean isAlnum(char c) { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

    private static boolean isSeparator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    /** Chars a value may follow or be followed by at the ends of a run: a label's colon, a quote, a bracket. */
    private static boolean isOpening(char c) { return c == ':' || c == '：' || c == '=' || c == '"' || c == '\'' || c == '(' || c == '（' || c == '「'; }

    private static boolean isClosing(char c) {
        return c == ',' || c == '，' || c == '。' || c == '.' || c == ')' || c == '）' || c == '」' || c == '"' || c == '\'' || c == '!' || c == '?';
    }

    /** At {@code i} starts a run of at least two letters or digits, holding a digit or all capitals. */
    private static boolean isPiece(String t, int i) {
        int e = skipToken(t, i);
        if (e - i < 2) return false;
        if (hasDigit(t, i, e)) return true;
        for (int k = i; k < e; k++) if (t.charAt(k) < 'A' || t.charAt(k) > 'Z') return false;
        return true;
    }

    private static boolean allDigits(String t, int from, int to) {
        for (int k = from; k < to; k++) if (t.charAt(k) < '0' || t.charAt(k) > '9') return false;
        return true;
    }

    private static boolean hasDigit(String t, int from, int to) {
        for (int k = from; k < to; k++) if (t.charAt(k) >= '0' && t.charAt(k) <= '9') return true;
        return false;
    }

    /** The end of the run of letters and digits at {@code i} (i + 1 at least, so that scanning moves on). */
    private static int skipToken(String t, int i) {
        int e = i;
        while (e < t.length() && isAlnum(t.charAt(e))) e++;
        return Math.max(e, i + 1);
    }

    private static int skipSeparators(String t, int i) {
        int e = i;
        while (e < t.length() && isSeparator(t.charAt(e))) e++;
        return e;
    }
}
