package io.tidewatch.detect.secrets;

import io.tidewatch.detect.ChineseNumerals;

/**
 * A reading of a message with the marks people put inside a value so that a group's bot will not see it taken out,
 * usually because a scammer told them to: the same emoji between every few chars ("2306945⭐567:AAM⭐O4n9…",
 * "invite🍀fiction🍀lunar…"), the same punctuation between groups of one length ("761a.be95.dec8.4a73",
 * "41ca-f6e1-10ee-…", "T.r.*.P.g.j"), one char per line, chars spaced apart one by one ("U . Q . Y . K",
 * "& c A N 4 7"), and digits written as Chinese numerals ("五一零一零四一九九…", "柒陆柒贰叁玖"). Between words (a seed
 * phrase's) the mark becomes a space, elsewhere it goes; words run together in camel case ("MethodAdaptStable…") get
 * their spaces back.
 * Rules then run on this reading too; their context words and validators judge it as ever.
 */
final class InsertedSeparators {
    /** Punctuation that splits a value into groups: only when it recurs this often in one run of text. */
    private static final int MIN_PUNCTUATION = 3;
    /** An emoji or other symbol: when it recurs this often between chars in one run of text. */
    private static final int MIN_SYMBOLS = 2;
    /** Groups longer than this are no deliberate split (HTX prints its keys in dashed groups of eight). */
    private static final int MAX_GROUP = 6;
    /** Words split by punctuation are read as words from this many on: a 12-word phrase has 11 marks. */
    private static final int MIN_WORD_MARKS = 11;
    /** Chars one per line, or Chinese numerals in a row, from this many on: a one-time code's six. */
    private static final int MIN_RUN = 6;

    private static final String PUNCTUATION = ".-/|_,·•、";

    private InsertedSeparators() {}

    /** The reading, or null when the message holds nothing of the kind (most messages). */
    static NormalizedText read(NormalizedText nt) { return read(nt, TextShape.of(nt.text())); }

    static NormalizedText read(NormalizedText nt, TextShape shape) {
        String t = nt.text();
        int n = t.length();
        // what each char becomes: itself, a space (' '), a digit, or dropped ('\0'); null until something changes
        char[] as = null;
        if (shape.punctuation() >= MIN_PUNCTUATION || shape.symbols() >= MIN_SYMBOLS) {
            for (int i = 0; i < n; ) {
                char c = t.charAt(i);
                if (isSpace(c)) { i++; continue; }
                int e = i;
                while (e < n && !isSpace(t.charAt(e))) e++;
                as = marksIn(t, i, e, as);
                i = e;
            }
        }
        if (shape.lines() >= MIN_RUN) as = oneCharLines(t, as);
        if (shape.numerals() >= MIN_RUN) as = chineseDigits(t, as);
        if (shape.loneChars() >= MIN_LONE) as = spacedChars(nt, as);
        java.util.BitSet camel = shape.camelBreaks() >= MIN_WORD_MARKS ? camelWords(t) : null;
        if (as == null && camel == null) return null;
        if (as == null) as = t.toCharArray();
        ReadingBuilder out = new ReadingBuilder(nt);
        for (int k = 0; k < n; k++) {
            if (camel != null && camel.get(k)) out.insertSpace(k);
            if (as[k] == '\0') continue;
            if (as[k] == t.charAt(k)) out.keep(k);
            else out.keepAs(k, as[k]);
        }
        return out.build();
    }

    private static char[] changed(String t, char[] as) { return as != null ? as : t.toCharArray(); }

    /**
     * Marks recurring inside the run of non-space text {@code [s, e)}: dropped, or spaces between words. Punctuation
     * counts inside the run's ASCII parts only ("私钥：「cb.92.77…」" splits the value, not the words around it).
     */
    private static char[] marksIn(String t, int s, int e, char[] as) {
        as = marksIn(t, s, e, as, true);
        boolean ascii = asciiOnly(t, s, e);
        for (int k = s; k < e; ) {
            if (t.charAt(k) > 0x7E) { k++; continue; }
            int a = k;
            while (k < e && t.charAt(k) <= 0x7E) k++;
            // from its first letter or digit to its last: "密钥:761a.be95…" is the value after the label's colon
            int b = k;
            while (a < b && !Character.isLetterOrDigit(t.charAt(a))) a++;
            while (b > a && !Character.isLetterOrDigit(t.charAt(b - 1))) b--;
            if (!ascii || a > s || b < e) as = marksIn(t, a, b, as, false);
        }
        return as;
    }

    private static char[] marksIn(String t, int s, int e, char[] as, boolean symbols) {
        if (e - s < 5) return as;
        // the commonest mark (a code point: emoji live above the BMP), counted in one pass
        boolean ascii = symbols && asciiOnly(t, s, e);
        java.util.Map<Integer, Integer> counts = null;
        int mark = 0, count = 0;
        for (int k = s; k < e; k += Character.charCount(t.codePointAt(k))) {
            int cp = t.codePointAt(k);
            if (!isMark(cp) || (symbols ? !isSymbol(cp) && !ascii : isSymbol(cp))) continue;
            if (counts == null) counts = new java.util.HashMap<>();
            int cnt = counts.merge(cp, 1, Integer::sum);
            if (cnt > count) { count = cnt; mark = cp; }
        }
        boolean symbol = mark != 0 && isSymbol(mark);
        if (mark == 0 || count < (symbol ? MIN_SYMBOLS : MIN_PUNCTUATION)) return as;
        // the groups between the marks: none empty; letters only (words), or of one length as people split values
        int groups = 0, firstLen = -1, lastLen = 0, middleLen = -1;
        boolean words = true, even = true;
        int g = s;
        for (int k = s; k <= e; ) {
            int cp = k < e ? t.codePointAt(k) : -1;
            if (k < e && cp != mark) {
                words &= Character.isLetter(cp);
                k += Character.charCount(cp);
                continue;
            }
            int len = k - g;
            if (len == 0) return as;                          // "p.w.", "--": no value split in groups
            if (groups == 0) firstLen = len;
            else if (k < e) {
                if (middleLen < 0) middleLen = len;
                else if (len != middleLen) even = false;
            }
            lastLen = len;
            groups++;
            if (k >= e) break;
            k += Character.charCount(cp);
            g = k;
        }
        if (middleLen < 0) middleLen = firstLen;
        boolean asWords = words && (symbol || count >= MIN_WORD_MARKS);
        boolean asGroups = symbol || even && middleLen <= MAX_GROUP && firstLen <= middleLen && lastLen <= middleLen;
        if (!asWords && !asGroups) return as;
        if (!symbol && looksLikeAddress(t, s, e)) return as;
        as = changed(t, as);
        for (int k = s; k < e; ) {
            int cp = t.codePointAt(k), w = Character.charCount(cp);
            if (cp == mark) for (int j = 0; j < w; j++) as[k + j] = asWords && j == 0 ? ' ' : '\0';
            k += w;
        }
        return as;
    }

    /** An emoji or other symbol, or punctuation that splits values; not a letter, digit or CJK char. */
    static boolean isMark(int cp) {
        if (cp < 0x80) return PUNCTUATION.indexOf(cp) >= 0;
        if (PUNCTUATION.indexOf(cp) >= 0) return true;
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL;
    }

    private static boolean isSymbol(int cp) { return cp > 0xFFFF || PUNCTUATION.indexOf(cp) < 0; }

    private static boolean asciiOnly(String t, int s, int e) {
        for (int k = s; k < e; k++) if (t.charAt(k) > 0x7E) return false;
        return true;
    }

    /** A web address or a path: its dots and slashes are its own. */
    private static boolean looksLikeAddress(String t, int s, int e) {
        String run = t.substring(s, e).toLowerCase(java.util.Locale.ROOT);
        return run.contains("://") || run.startsWith("www.") || run.contains(".com") || run.contains(".io")
                || run.contains(".org") || run.contains(".net") || run.startsWith("/") || run.startsWith("~/");
    }

    /** Lines of one char each, {@link #MIN_RUN} or more in a row: the line breaks go. */
    private static char[] oneCharLines(String t, char[] as) {
        int n = t.length(), runStart = -1, chars = 0;
        for (int i = 0; i <= n; ) {
            int lineEnd = i < n ? t.indexOf('\n', i) : n;
            if (lineEnd < 0) lineEnd = n;
            int a = i, b = lineEnd;
            while (a < b && isSpace(t.charAt(a))) a++;
            while (b > a && isSpace(t.charAt(b - 1))) b--;
            boolean one = b - a == 1 && i < n;
            if (one) {
                if (runStart < 0) { runStart = i; chars = 0; }
                chars++;
            }
            if ((!one || lineEnd >= n) && runStart >= 0) {
                if (chars >= MIN_RUN) {
                    as = changed(t, as);
                    int end = one ? n : i;
                    for (int k = runStart; k < end; k++) if (isSpace(t.charAt(k))) as[k] = '\0';
                }
                runStart = -1;
            }
            if (i >= n) break;
            i = lineEnd + 1;
        }
        return as;
    }

    /** Chars spaced apart one by one ("U . Q . Y . K", "& c A N 4 7 w L"), this many at least, are joined. */
    private static final int MIN_SPACED = 8;
    /** Chars standing alone between spaces, this many at least in a text, before it is searched for spaced runs. */
    static final int MIN_LONE = 3;

    /**
     * Printable ASCII chars standing alone, each after the same separator, a space or a mark between spaces
     * (" . ", " - "), {@link #MIN_SPACED} or more in a row: the separators go. Letters and digits alone were joined
     * when the text was normalized ("c A N 4 7" reads "cAN47"): such a joined piece counts as its chars.
     */
    private static char[] spacedChars(NormalizedText nt, char[] as) {
        String t = nt.text();
        int n = t.length();
        for (int i = 0; i < n; ) {
            int e = spacedPiece(nt, i);
            if (e < 0) { i++; continue; }
            int sepEnd = e + 2 < n && PUNCTUATION.indexOf(t.charAt(e + 1)) >= 0 && t.charAt(e + 2) == ' ' ? e + 3 : e + 1;
            String sep = t.substring(e, Math.min(n, sepEnd));
            int chars = e - i, pieces = 1, last = e;
            for (int next = last + sep.length(); next < n && t.startsWith(sep, last); next = last + sep.length()) {
                int f = spacedPiece(nt, next);
                if (f < 0) break;
                chars += f - next;
                pieces++;
                last = f;
            }
            if (pieces >= 2 && chars >= MIN_SPACED) {
                as = changed(t, as);
                for (int k = i; k < last; k++) if (t.startsWith(sep, k) && k >= e && spacedPieceEnds(t, k)) {
                    for (int d = 0; d < sep.length(); d++) as[k + d] = '\0';
                    k += sep.length() - 1;
                }
            }
            i = Math.max(last, i + 1);
        }
        return as;
    }

    /** A space at {@code k} ends a piece (a non-space char stands right before it). */
    private static boolean spacedPieceEnds(String t, int k) { return k > 0 && t.charAt(k - 1) != ' '; }

    /**
     * The end of the piece at {@code i}: one printable ASCII char, or letters and digits the normalizer joined from
     * spaced chars, between spaces (or the text's edges); -1 when none starts there.
     */
    private static int spacedPiece(NormalizedText nt, int i) {
        String t = nt.text();
        int n = t.length();
        if (i > 0 && t.charAt(i - 1) != ' ' && t.charAt(i - 1) != '\n') return -1;
        int e = i;
        while (e < n && t.charAt(e) > ' ' && t.charAt(e) <= '~') e++;
        if (e == i || e < n && t.charAt(e) != ' ' && t.charAt(e) != '\n') return -1;
        for (int k = i + 1; k < e; k++) if (nt.originalStart(k) <= nt.originalEnd(k)) return -1;
        return e;
    }

    /** Words of 3 to 10 letters, each but the first capitalized, this many in a run at least: a phrase in camel case. */
    private static final int MIN_CAMEL_WORDS = 12;

    /**
     * Where a space goes in runs of letters written in camel case ("MethodAdaptStableOrder…"): before each capital
     * that follows a lower-case letter; null when there is no such run.
     */
    private static java.util.BitSet camelWords(String t) {
        java.util.BitSet at = null;
        int n = t.length();
        for (int i = 0; i < n; ) {
            if (!isAsciiLetter(t.charAt(i))) { i++; continue; }
            int e = i;
            while (e < n && isAsciiLetter(t.charAt(e))) e++;
            if (e - i >= MIN_CAMEL_WORDS * 3 && (e == n || !Character.isLetterOrDigit(t.charAt(e)))) {
                int words = 0, w = i;
                boolean ok = true;
                java.util.BitSet breaks = new java.util.BitSet();
                for (int k = i + 1; k <= e && ok; k++) {
                    if (k < e && !(Character.isUpperCase(t.charAt(k)) && Character.isLowerCase(t.charAt(k - 1)))) {
                        if (k > w + 1 && Character.isUpperCase(t.charAt(k))) ok = false; // "ABCword": no camel case
                        continue;
                    }
                    ok = k - w >= 3 && k - w <= 10;
                    words++;
                    if (k < e) breaks.set(k);
                    w = k;
                }
                if (ok && words >= MIN_CAMEL_WORDS) {
                    if (at == null) at = new java.util.BitSet();
                    at.or(breaks);
                }
            }
            i = e;
        }
        return at;
    }

    private static boolean isAsciiLetter(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

    /** Chinese numerals, {@link #MIN_RUN} or more in a row, read as digits. */
    private static char[] chineseDigits(String t, char[] as) {
        int n = t.length();
        for (int i = 0; i < n; ) {
            if (!ChineseNumerals.isNumeral(t.charAt(i))) { i++; continue; }
            int e = i;
            while (e < n && ChineseNumerals.isNumeral(t.charAt(e))) e++;
            if (e - i >= MIN_RUN) {
                as = changed(t, as);
                for (int k = i; k < e; k++) as[k] = ChineseNumerals.digit(t.charAt(k));
            }
            i = e;
        }
        return as;
    }

    private static boolean isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
}
