package io.tidewatch.detect.secrets;

import io.tidewatch.detect.secrets.Bip39Wordlist.Script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds BIP-39 mnemonics in chat, in all ten official wordlists: runs of list words (Latin words,
 * kana or Hangul words, single Chinese characters) that may be numbered ("1. abandon 2. ability"),
 * comma- or line-separated, in any case, accents optional. Every valid window length (24, 21, 18,
 * 15, 12) is slid over each run and checksum-verified.
 * <p>
 * A 12-word checksum passes by chance 1 time in 16, and everyday words (and most common Chinese
 * characters) are on the lists, so a verified window counts only with evidence that a phrase is
 * being handed over:
 * <ul>
 *   <li>a label right before it ("my recovery phrase is", "wallet phrase:", "助记词："): then the
 *       checksum is the evidence, whatever everyday words the phrase holds;</li>
 *   <li>the shape of a list: numbered, one per line, or the whole message; or context words near
 *       ("seed", "metamask"), with few everyday English words in the window.</li>
 * </ul>
 * Advice is not a phrase: negation and imperatives near an unlabeled run ("never", "不要", "任何人")
 * veto it, and Chinese characters written together as a sentence count only right after a label,
 * ending at a sentence boundary, free of advice words and nearly free of function characters.
 * The cue words live in the rule ({@link PhraseCues}).
 */
final class SeedPhraseFinder {
    /** A verified (or, after a label, unverifiable) phrase: normalized span, word indices, wordlist name. */
    record Phrase(int start, int end, int[] indices, List<String> words, boolean checksumVerified, String language) {}

    private static final List<Bip39Wordlist> LISTS = Bip39Wordlist.ALL;
    private static final String SEPARATORS = ",.;:、，。；：)(][【】〔〕#-*•|\"'/_";
    /** Marks that end a phrase as a line break does. */
    private static final String BOUNDARY_MARKS = ".;:，。；：、!?|";

    private final List<String> contextWords;
    private final List<String> negativeWords;
    private final PhraseCues cues;
    private final Set<String> proseWords;
    private final Set<Character> grammarChars = new HashSet<>();
    /** Chars that start (end) some label word: most positions of a message can be skipped at once. */
    private final BitSet labelStarts = new BitSet(65536);
    private final BitSet labelEnds = new BitSet(65536);
    private final int maxLabelLength;
    /** The label words by first char ({@link #labelFirsts} sorted, {@link #labelsByFirst} alike): a char asks only its own. */
    private final char[] labelFirsts;
    private final String[][] labelsByFirst;

    SeedPhraseFinder(List<String> contextWords, List<String> negativeWords, PhraseCues cues) {
        this.contextWords = contextWords;
        this.negativeWords = negativeWords;
        this.cues = cues;
        this.proseWords = Set.copyOf(cues.proseWords());
        for (String g : cues.grammarChars()) if (g.length() == 1) grammarChars.add(g.charAt(0));
        int longest = 1;
        for (String w : cues.labels()) {
            if (w.isEmpty()) continue;
            labelStarts.set(w.charAt(0));
            labelEnds.set(w.charAt(w.length() - 1));
            longest = Math.max(longest, w.length());
        }
        maxLabelLength = longest;
        java.util.TreeMap<Character, List<String>> byFirst = new java.util.TreeMap<>();
        for (String w : cues.labels()) if (!w.isEmpty()) byFirst.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
        labelFirsts = new char[byFirst.size()];
        labelsByFirst = new String[byFirst.size()][];
        int k = 0;
        for (var e : byFirst.entrySet()) {
            labelFirsts[k] = e.getKey();
            labelsByFirst[k++] = e.getValue().toArray(String[]::new);
        }
    }

    /** A word of the text: its normalized span, how it is written, and its index in each list (-1: not on it). */
    private record Token(int start, int end, Script script, String word, int[] index) {}

    List<Phrase> find(NormalizedText nt) {
        List<Phrase> found = find(nt, nt.lower(), NO_GROUPS);
        // a phrase in labeled parts needs two colons or a line break at least: most messages have neither and are not
        // scanned for labels
        if (!found.isEmpty() || cues.groupLabel() == null || nt.lower().length() < 12
                || !twoColons(nt.lower()) && nt.lower().indexOf('\n') < 0) return found;
        Grouped g = withoutGroupLabels(nt.lower());
        return g == null ? found : find(nt, g.text(), g.labelsAt());
    }

    /** A text with the group labels that open its parts blanked out, and where each stood. */
    private record Grouped(String text, int[] labelsAt) {}

    private static final int[] NO_GROUPS = {};
    /** How far into a line (or a part after a comma) a group label's colon may stand. */
    private static final int MAX_GROUP_LABEL = 24;

    /**
     * "words 1-4: … \nwords 5-8: …", "前六个：…\n后六个：…": a phrase handed over in parts. The labels opening
     * lines or comma-separated parts are blanked (spaces keep every offset); null when there are none. A phrase in
     * parts has two at least: two lines or parts that open with a colon near their start or with a label.
     */
    private Grouped withoutGroupLabels(String t) {
        int[] starts = new int[4], ends = new int[4];
        int labels = 0, parts = 0;
        int n = t.length();
        for (int seg = 0; seg < n; ) {
            int s = seg;
            while (s < n && (t.charAt(s) == ' ' || t.charAt(s) == '\t')) s++;
            int colon = -1, next = n;
            for (int k = s; k < n; k++) {
                char ch = t.charAt(k);
                if ((ch == ':' || ch == '：') && colon < 0 && k - s <= MAX_GROUP_LABEL) colon = k;
                if ("\n,;|，；".indexOf(ch) >= 0) { next = k + 1; break; }
            }
            // a label with its colon; or, opening a line, a label and a space ("第一段 frost antique …⏎第二段 …")
            int end = -1;
            if (colon > s) {
                parts++;
                if (cues.groupLabel().matches(t.substring(s, colon + 1))) end = colon + 1;
            } else if (colon < 0 && s < n && (seg == 0 || t.charAt(seg - 1) == '\n')) {
                end = bareLabelEnd(t, s);
                if (end > s) parts++;
            }
            if (end > s) {
                if (labels == starts.length) {
                    starts = Arrays.copyOf(starts, labels * 2);
                    ends = Arrays.copyOf(ends, labels * 2);
                }
                starts[labels] = s;
                ends[labels++] = end;
            }
            seg = next;
        }
        if (parts < 2 || labels == 0) return null;
        char[] c = t.toCharArray();
        for (int k = 0; k < labels; k++) Arrays.fill(c, starts[k], ends[k], ' ');
        return new Grouped(new String(c), Arrays.copyOf(starts, labels));
    }

    private List<Phrase> find(NormalizedText nt, String t, int[] groupsAt) {
        if (!plausible(nt, t)) return List.of();
        List<Token> tokens = tokenize(t);
        List<Phrase> out = new ArrayList<>();
        for (int l = 0; l < LISTS.size(); l++) {
            int i = 0;
            while (i < tokens.size()) {
                if (tokens.get(i).index[l] < 0) { i++; continue; }
                int j = i + 1;
                while (j < tokens.size() && tokens.get(j).index[l] >= 0 && joinable(t, tokens.get(j - 1), tokens.get(j))) j++;
                if (j - i >= 12) {
                    // words numbered in columns ("1. ruolo   12. melassa") are read in their numbers' order
                    List<Token> run = tokens.subList(i, j);
                    List<Token> byNumber = numberOrder(t, run);
                    boolean grouped = grouped(groupsAt, spanStart(run, 0, run.size()), spanEnd(run, 0, run.size()));
                    List<Phrase> found = byNumber != null ? judgeRun(nt, t, byNumber, l, true, grouped)
                            : judgeRun(nt, t, run, l, false, grouped);
                    for (Phrase p : found) if (!overlapsAny(out, p)) out.add(p);
                }
                if (j - i >= 11) {
                    Phrase masked = masked(nt, t, tokens.subList(i, j), l);
                    if (masked != null && !overlapsAny(out, masked)) out.add(masked);
                }
                i = j;
            }
        }
        return out;
    }

    /**
     * A phrase one word short, a mask ("*****", "＊") in the missing word's place, where a label or context words stand
     * near or the message says a word was hidden: handed over all the same, since one word of 2,048 (fewer under the
     * checksum) is found by trying. Judged as an unverified phrase is (not prose, not advice).
     */
    private Phrase masked(NormalizedText nt, String t, List<Token> whole, int list) {
        int star = t.indexOf('*', whole.get(0).end);
        if (cues.maskCues().isEmpty() || star < 0 || star >= whole.get(whole.size() - 1).start) return null; // no mask inside
        // the phrase stands between marks or line breaks, the longest first: characters of the sentences around it may
        // join the run ("为了安全我遮了一个字哈：殊 天 … 今⏎想问下少一个字…"); failing that, it fills the run up to where a
        // word off the lists stands ("… engine abuse BTC to the …")
        for (boolean strict : new boolean[]{true, false}) {
            for (int len = 23; len >= 11; len -= 3) {
                for (int s = 0; s + len <= whole.size(); s++) {
                    boolean startAligned = s > 0 ? boundary(t, whole.get(s - 1), whole.get(s)) : !strict || edge(t, whole.get(s).start - 1, -1);
                    boolean endAligned = s + len < whole.size() ? boundary(t, whole.get(s + len - 1), whole.get(s + len))
                            : !strict || edge(t, whole.get(s + len - 1).end, 1);
                    if (!startAligned || !endAligned) continue;
                    Phrase p = maskedWindow(nt, t, whole.subList(s, s + len), list);
                    if (p != null) return p;
                }
            }
        }
        return null;
    }

    /** From {@code i} on in direction {@code step}, past spaces: the text's edge, a line break or a mark. */
    private static boolean edge(String t, int i, int step) {
        while (i >= 0 && i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) i += step;
        return i < 0 || i >= t.length() || t.charAt(i) == '\n' || BOUNDARY_MARKS.indexOf(t.charAt(i)) >= 0;
    }

    private Phrase maskedWindow(NormalizedText nt, String t, List<Token> run, int list) {
        int gaps = 0;
        for (int k = 1; k < run.size(); k++) {
            for (int c = run.get(k - 1).end; c < run.get(k).start; c++) if (t.charAt(c) == '*') { gaps++; break; }
        }
        if (gaps != 1) return null;
        int len = run.size(), start = spanStart(run, 0, len), end = spanEnd(run, 0, len);
        String around = t.substring(Math.max(0, start - 120), Math.min(t.length(), end + 60));
        if (containsAny(around, negativeWords) || repeated(run, 0, len)) return null;
        boolean cued = containsAny(around, cues.maskCues());
        if (!cued && !labelBefore(t, start) && !containsAny(around, contextWords)) return null;
        boolean han = LISTS.get(list).script() == Script.HAN;
        boolean ok = han ? separated(nt, run, 0, len) && !containsAdvice(joined(run, 0, len), true) : prose(run, 0, len) <= len / 4;
        // "为了安全我遮了一个字：…": the writer who says a word was hidden for safety gives the rest all the same
        if (!ok || !cued && adviceAround(t, start, end)) return null;
        int[] idx = new int[len];
        for (int k = 0; k < len; k++) idx[k] = run.get(k).index[list];
        return phrase(run, idx, 0, len, false, list);
    }

    /** Where a group label without a colon that opens t at {@code s} ends ("第一段 "), or -1. */
    private int bareLabelEnd(String t, int s) {
        com.google.re2j.Matcher m = cues.groupLabel().matcher(t.substring(s, Math.min(t.length(), s + MAX_GROUP_LABEL)));
        return m.lookingAt() && m.end() > 0 ? s + m.end() : -1;
    }

    private static boolean twoColons(String t) {
        int first = colon(t, 0);
        return first >= 0 && colon(t, first + 1) >= 0;
    }

    private static int colon(String t, int from) {
        int half = t.indexOf(':', from), full = t.indexOf('：', from);
        return half < 0 ? full : full < 0 ? half : Math.min(half, full);
    }

    /** A group label opens the run or stands inside it. */
    private static boolean grouped(int[] labelsAt, int runStart, int runEnd) {
        for (int at : labelsAt) if (at >= runStart - MAX_GROUP_LABEL && at < runEnd) return true;
        return false;
    }

    /**
     * The run's words in the order of their list numbers, when every word has its own number (unnumbered words may
     * lead or trail: a title, a button; the first may have lost its "1."), the numbers are 1 to their count and
     * reading order differs from them (a screenshot's columns read row by row); else null.
     */
    private static List<Token> numberOrder(String t, List<Token> run) {
        int[] numbers = new int[run.size()];
        for (int k = 0; k < run.size(); k++) {
            numbers[k] = numberBefore(t, run.get(k).start, k == 0 ? Math.max(0, run.get(0).start - 8) : run.get(k - 1).end);
        }
        int from = 0, to = run.size();
        while (from < to && numbers[from] < 0) from++;
        while (to > from && numbers[to - 1] < 0) to--;
        // the first word's number may be cut off with the top of the screenshot: the word before number 2 is number 1
        boolean hasOne = false;
        for (int k = from; k < to; k++) hasOne |= numbers[k] == 1;
        if (!hasOne && from > 0) numbers[--from] = 1;
        Token[] byNumber = new Token[to - from];
        if (byNumber.length < 12) return null;
        boolean inOrder = true;
        for (int k = from; k < to; k++) {
            int n = numbers[k];
            if (n < 1 || n > byNumber.length || byNumber[n - 1] != null) return null;
            byNumber[n - 1] = run.get(k);
            inOrder &= n == k - from + 1;
        }
        return inOrder ? null : List.of(byNumber);
    }

    /** The list number right before a word ("12. ", "3) ", "7 "), not reaching back past {@code floor}; else -1. */
    private static int numberBefore(String t, int pos, int floor) {
        int i = pos;
        while (i > floor && " \t.):、]】".indexOf(t.charAt(i - 1)) >= 0) i--;
        int end = i;
        while (i > floor && Character.isDigit(t.charAt(i - 1)) && end - i < 2) i--;
        if (i == end || i > floor && Character.isLetterOrDigit(t.charAt(i - 1))) return -1;
        return Integer.parseInt(t, i, end, 10);
    }

    private static boolean overlapsAny(List<Phrase> kept, Phrase p) {
        for (Phrase k : kept) if (p.start() < k.end() && k.start() < p.end()) return true;
        return false;
    }

    // ------------------------------------------------------------------ cheap bail-out

    /**
     * Without dictionary lookups: a phrase needs 12 word-shaped tokens in a row (3-10 Latin letters,
     * a kana or Hangul word, or single Chinese characters) with only separators between; a run of
     * Chinese characters also needs them spaced apart, or a label or context word in the message.
     */
    private boolean plausible(NormalizedText nt, String t) {
        int n = t.length();
        if (n < 12) return false; // twelve words take twelve chars at the very least
        if (n < MIN_LATIN_PHRASE && tooShortForPhrase(t)) return false;
        int words = 0, bestWords = 0, han = 0, bestHan = 0, hanApart = 0, bestHanApart = 0;
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z') {
                // the common case, plain ASCII words, without the general script checks
                int j = i + 1;
                while (j < n && t.charAt(j) >= 'a' && t.charAt(j) <= 'z') j++;
                if (j == n || t.charAt(j) < 0x80) {
                    int len = j - i;
                    boolean glued = i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)) && !TextNormalizer.isCjk(t.charAt(i - 1))
                            && !afterNumbering(t, i);
                    words = !glued && len >= 3 && len <= 10 ? words + 1 : 0;
                    bestWords = Math.max(bestWords, words);
                    han = 0;
                    hanApart = 0;
                    i = j;
                    continue;
                }
            }
            Script s = scriptOf(c);
            if (s == Script.HAN) {
                if (han > 0 && (!TextNormalizer.isCjk(t.charAt(i - 1)) || nt.originalStart(i) > nt.originalEnd(i))) hanApart++;
                han++;
                bestHan = Math.max(bestHan, han);
                bestHanApart = Math.max(bestHanApart, hanApart);
                words = 0;
                i++;
            } else if (s != null) {
                int j = wordEnd(t, i, s);
                int len = j - i;
                boolean shaped = !glued(t, i, j, s) && (s == Script.LATIN ? len >= 3 && len <= 10 : len <= 12);
                words = shaped ? words + 1 : 0;
                bestWords = Math.max(bestWords, words);
                han = 0;
                hanApart = 0;
                i = j;
            } else {
                if (!isSeparator(c)) {
                    words = 0;
                    han = 0;
                    hanApart = 0;
                }
                i++;
            }
        }
        // eleven and a mask ("*****") may be a phrase with a word hidden ({@link #masked})
        int fewest = t.indexOf('*') >= 0 && !cues.maskCues().isEmpty() ? 11 : 12;
        if (bestWords >= fewest) return true;
        if (bestHan < fewest) return false;
        // (or wallet words: an unlabeled block of characters standing alone may be one)
        return bestHanApart >= 10 || hasLabel(t) || containsAny(t, contextWords);
    }

    /** Twelve Latin words of three letters or more, with a separator between each two. */
    private static final int MIN_LATIN_PHRASE = 12 * 3 + 11;
    /** Twelve kana or Hangul words of one char or more, with a separator between each two. */
    private static final int MIN_OTHER_PHRASE = 12 + 11;

    /**
     * A text shorter than {@link #MIN_LATIN_PHRASE} can hold a phrase only in kana or Hangul words (then it is
     * at least {@link #MIN_OTHER_PHRASE} long) or as twelve Chinese characters: one quick count decides most chat.
     */
    private static boolean tooShortForPhrase(String t) {
        int han = 0;
        boolean otherScript = false;
        for (int i = 0, n = t.length(); i < n; i++) {
            char c = t.charAt(i);
            if (c < 0x1100) continue;
            if (TextNormalizer.isCjk(c)) han++;
            else otherScript |= scriptOf(c) != null;
        }
        return han < 12 && (!otherScript || t.length() < MIN_OTHER_PHRASE);
    }

    private boolean hasLabel(String t) {
        for (int i = 0; i < t.length(); i++) {
            for (String w : labelsStartingWith(t.charAt(i))) if (t.startsWith(w, i)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ words

    /** The script of a char that can be part of a list word, or null. Text is lower-cased. */
    private static Script scriptOf(char c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' ? Script.LATIN : null;
        if (TextNormalizer.isCjk(c)) return Script.HAN;
        if (c >= 0x3041 && c <= 0x309F) return Script.KANA;
        if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF)) return Script.HANGUL;
        if (c >= 0xC0 && c <= 0x24F && Character.isLetter(c)) return Script.LATIN;
        return null;
    }

    /** End of the word of script {@code s} starting at {@code i} (combining accents belong to it). */
    private static int wordEnd(String t, int i, Script s) {
        int j = i + 1;
        while (j < t.length()) {
            char c = t.charAt(j);
            if (scriptOf(c) == s || (s == Script.LATIN && c >= 0x300 && c <= 0x36F)) j++;
            else break;
        }
        return j;
    }

    /**
     * A word stuck to letters or digits ("abc123", "私のさくら", "пароль") is not a list word; a Latin, kana
     * or Hangul word may touch Chinese characters ("助记词是fancy muffin…", "助记词ちちおや　はんきょう…"), as
     * people type it: the script boundary splits them.
     */
    private static boolean glued(String t, int start, int end, Script s) {
        if (start > 0) {
            char p = t.charAt(start - 1);
            if (Character.isDigit(p) && !afterNumbering(t, start) || Character.isLetter(p) && !splitsFrom(s, p)) return true;
        }
        if (end < t.length()) {
            char q = t.charAt(end);
            return Character.isLetter(q) && !splitsFrom(s, q);
        }
        return false;
    }

    /**
     * A word right after a list number of one or two digits that starts a line or follows a space or a separator:
     * a screenshot transcription drops the space of "4 coeso" as "4coeso". Any other digit before it glues it
     * ("abc123word", "2fa").
     */
    private static boolean afterNumbering(String t, int start) {
        int d = start;
        while (d > 0 && Character.isDigit(t.charAt(d - 1)) && start - d < 3) d--;
        int digits = start - d;
        if (digits == 0 || digits > 2 || Integer.parseInt(t, d, start, 10) > 24 || t.charAt(d) == '0') return false;
        return d == 0 || !Character.isLetterOrDigit(t.charAt(d - 1));
    }

    /** A Chinese character next to a word of another list script is a word boundary. */
    private static boolean splitsFrom(Script s, char c) {
        return s != Script.HAN && TextNormalizer.isCjk(c);
    }

    private static final int[] NO_INDEX = noIndex();

    private static List<Token> tokenize(String t) {
        List<Token> tokens = new ArrayList<>();
        int i = 0, n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            Script s = scriptOf(c);
            if (s == Script.HAN) {
                String w = String.valueOf(c);
                tokens.add(new Token(i, i + 1, s, w, indices(w)));
                i++;
            } else if (s != null) {
                int j = wordEnd(t, i, s);
                String w = t.substring(i, j);
                // a word of one script can only be on that script's lists (Latin words are never kana)
                tokens.add(new Token(i, j, s, w, glued(t, i, j, s) ? NO_INDEX : indices(Bip39Wordlist.fold(w, s))));
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(t.charAt(j)) && scriptOf(t.charAt(j)) == null) j++;
                tokens.add(new Token(i, j, null, t.substring(i, j), NO_INDEX));
                i = j;
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static int[] indices(String folded) {
        int[] idx = Bip39Wordlist.indicesAcrossLists(folded);
        return idx == null ? NO_INDEX : idx;
    }

    private static int[] noIndex() {
        int[] a = new int[LISTS.size()];
        Arrays.fill(a, -1);
        return a;
    }

    private static final boolean[] ASCII_SEPARATOR = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_SEPARATOR[c] = Character.isWhitespace(c) || Character.isDigit(c) || SEPARATORS.indexOf(c) >= 0;
        }
    }

    private static boolean isSeparator(char c) {
        if (c < 128) return ASCII_SEPARATOR[c];
        return Character.isWhitespace(c) || Character.isDigit(c) || SEPARATORS.indexOf(c) >= 0;
    }

    /** Between two words only separators may stand: spaces, commas, numbering, bullets, quotes. */
    private static boolean joinable(String t, Token a, Token b) {
        for (int k = a.end; k < b.start; k++) if (!isSeparator(t.charAt(k))) return false;
        return true;
    }

    // ------------------------------------------------------------------ judging a run

    /**
     * @param byNumber the run is in its list numbers' order, not in reading order
     * @param grouped  the run is handed over in labeled parts: a list, each part its own line
     */
    private List<Phrase> judgeRun(NormalizedText nt, String t, List<Token> run, int list, boolean byNumber, boolean grouped) {
        boolean han = LISTS.get(list).script() == Script.HAN;
        int[] idx = new int[run.size()];
        for (int k = 0; k < idx.length; k++) idx[k] = run.get(k).index[list];
        int runStart = spanStart(run, 0, run.size()), runEnd = spanEnd(run, 0, run.size());
        int ctxFrom = Math.max(0, runStart - 120);
        int ctxTo = Math.min(t.length(), runEnd + 60);
        String around = t.substring(ctxFrom, ctxTo);
        boolean context = containsAny(around, contextWords);
        boolean negative = containsAny(around, negativeWords);
        boolean numbered = byNumber || grouped || numbered(t, run);
        boolean perLine = grouped || !byNumber && perLine(t, run);
        boolean messageStarts = t.substring(0, runStart).isBlank();
        boolean messageEnds = true;
        for (int k = runEnd; k < t.length() && messageEnds; k++) {
            messageEnds = Character.isWhitespace(t.charAt(k)) || ".!?。！？".indexOf(t.charAt(k)) >= 0;
        }
        boolean wholeMessage = messageStarts && messageEnds;
        Boolean[] labeled = new Boolean[run.size()];
        Run r = new Run(nt, t, run, list, han, context, negative, numbered, perLine, labeled);
        List<Phrase> out = new ArrayList<>();
        int from = 0;
        while (from <= run.size() - 12) {
            Phrase best = null;
            int bestScore = Integer.MIN_VALUE;
            for (int len = 24; len >= 12 && best == null; len -= 3) {
                for (int s = from; s + len <= run.size(); s++) {
                    // "hello <12 words>", "<12 words> help!!": a word or two of greeting or plea around
                    // a phrase that is the whole message
                    boolean alignedStart = s == 0 || boundary(t, run.get(s - 1), run.get(s))
                            || s <= 2 && run.size() - (s + len) <= 2 && wholeMessage;
                    boolean alignedEnd = s + len == run.size() || boundary(t, run.get(s + len - 1), run.get(s + len))
                            || run.size() - (s + len) <= 2 && s <= 2 && wholeMessage;
                    boolean label = r.labeled(s);
                    int score = (label ? 4 : 0) + (alignedStart ? 2 : 0) + (alignedEnd ? 2 : 0) - (s - from);
                    if (score <= bestScore) continue;
                    // the cheap shape checks first, the SHA-256 checksum last
                    if (accept(r, s, len, alignedStart, alignedEnd, label)
                            && SeedPhraseValidator.checksumValid(idx, s, len)) {
                        bestScore = score;
                        best = phrase(run, idx, s, len, true, list);
                    }
                }
            }
            if (best == null) break;
            out.add(best);
            int consumed = 0;
            while (consumed < run.size() && run.get(consumed).start < best.end()) consumed++;
            from = consumed;
        }
        if (out.isEmpty() && !negative) out.addAll(unverified(r, idx));
        return out;
    }

    /** What {@link #judgeRun} knows about one run, shared by the window checks. */
    private final class Run {
        final NormalizedText nt;
        final String t;
        final List<Token> run;
        final int list;
        final boolean han, context, negative, numbered, perLine, commaListed;
        final Boolean[] labeledAt;

        Run(NormalizedText nt, String t, List<Token> run, int list, boolean han, boolean context, boolean negative,
            boolean numbered, boolean perLine, Boolean[] labeledAt) {
            this.nt = nt;
            this.t = t;
            this.run = run;
            this.list = list;
            this.han = han;
            this.context = context;
            this.negative = negative;
            this.numbered = numbered;
            this.perLine = perLine;
            this.commaListed = commaListed(t, run);
            this.labeledAt = labeledAt;
        }

        boolean labeled(int s) {
            if (labeledAt[s] == null) labeledAt[s] = labelBefore(t, run.get(s).start);
            return labeledAt[s];
        }
    }

    private boolean accept(Run r, int s, int len, boolean alignedStart, boolean alignedEnd, boolean labeled) {
        if (repeated(r.run, s, len)) return false;
        int start = spanStart(r.run, s, len), end = spanEnd(r.run, s, len);
        if (!labeled && startsWithLabel(r, s)) return false;
        if (r.han) {
            String chars = joined(r.run, s, len);
            // a phrase holds no two-character advice word and no label ("助记词" inside is a sentence about one)
            if (containsAdvice(chars, true) || containsHanLabel(chars)) return false;
            boolean separated = separated(r.nt, r.run, s, len);
            int grammar = grammar(r.run, s, len);
            // the sentence around, separators dropped ("不 要" and "不\n要" read as 不要), holds no advice word
            // (single characters such as 别 count outside the phrase only: a phrase may hold one)
            // a numbered list one word a line is its own block: the app's text on the lines around it ("我已安全备份")
            // is no advice about it; judged on the window itself, since those lines may hold list characters too
            List<Token> window = r.run.subList(s, s + len);
            // so are whole lines of characters written together ("均拍裕挂围输⏎外礼寸土净却" under a photo's printed
            // "请妥善保管"); one character a line is not that, its lines are the sentence
            // as is a numbered grid of characters ("1 而   2 剩   3 立⏎4 虎 …", an app's backup screen read off a photo)
            boolean block = (r.numbered || numbered(r.t, window)) && (r.perLine || perLine(r.t, window) || grid(r.t, start, end))
                    || !separated && ownLines(r.t, start, end);
            boolean adviceNear = containsAdvice(hanSentence(r.t, start, end, true, block), true)
                    || containsAdvice(hanSentence(r.t, start, end, false, block), false);
            if (!separated) {
                // characters written together are a sentence unless a label introduces exactly them:
                // the phrase ends where the unspaced block ends ("助记词：刀奶…东 谢谢")
                boolean blockEnd = alignedEnd || s + len < r.run.size() && apart(r.nt, r.run.get(s + len - 1), r.run.get(s + len));
                // or, without a label, a block standing alone between spaces or lines with wallet words near and not
                // one function character ("這是那串 錯塞欣…冊 我老婆抄喺本子上，Trust Wallet 恢復出嚟係空錢包")
                boolean blockStart = s == 0 || apart(r.nt, r.run.get(s - 1), r.run.get(s));
                boolean alone = r.context && !r.negative && blockStart && grammar == 0;
                return (labeled || alone) && blockEnd && !adviceNear && grammar <= cues.maxGrammarChars();
            }
            // spaced out, a sentence still shows its function characters ("助 记 词 就 是 你 的 钱 包")
            if (grammar > cues.maxGrammarCharsSpaced() * len / 12) return false;
            if (labeled) return true;
            if (r.negative || adviceNear) return false;
            return (alignedStart && alignedEnd) || r.context || r.numbered || r.perLine;
        }
        if (labeled) return true; // a valid checksum right after a label: everyday words do not matter
        if (r.negative || adviceAround(r.t, start, end)) return false;
        int prose = prose(r.run, s, len);
        if (r.numbered || r.perLine || r.commaListed) return prose <= len / 3;
        // unlabeled and running on into a sentence: "never", "share" inside it make it advice
        if (embedded(r.t, start, end) && containsWordFrom(r.t, start, end, cues.adviceWords())) return false;
        // with context words near, one aligned end is enough ("my seed is w1 … w12 please help")
        if (r.context) return prose <= len / 3 && (alignedStart || alignedEnd || len >= 15);
        // no label, no context: an everyday word where the run meets a sentence ("I like …") makes it prose
        if (proseWords.contains(r.run.get(s).word) && embedded(r.t, start, start)
                || proseWords.contains(r.run.get(s + len - 1).word) && embedded(r.t, end, end)) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        int repeats = 0;
        for (int k = s; k < s + len; k++) if (!seen.add(r.run.get(k).word)) repeats++;
        // a line of list words and nothing else (or after a colon) with a valid checksum: everyday words in it ("have",
        // "you") do not make it a sentence ("…copied it off the paper: DISCOVER HAVE BEFORE RAPID … DARING")
        int proseLimit = ownLine(r.t, start, end) ? len / 4 : Math.max(1, len / 6);
        return alignedStart && alignedEnd && prose <= proseLimit && repeats <= Math.max(1, len / 10);
    }

    /** t[start, end) fills its line: only spaces before it back to the line's start or to a colon, only end marks after. */
    private static boolean ownLine(String t, int start, int end) {
        int i = start;
        while (i > 0 && (t.charAt(i - 1) == ' ' || t.charAt(i - 1) == '\t')) i--;
        if (i > 0 && t.charAt(i - 1) != '\n' && t.charAt(i - 1) != ':' && t.charAt(i - 1) != '：') return false;
        for (int j = end; j < t.length() && t.charAt(j) != '\n'; j++) if (" \t.!。！".indexOf(t.charAt(j)) < 0) return false;
        return true;
    }

    /** "seed phrase: w1 …": the label's own words ("seed", "phrase" are list words) do not start a phrase. */
    private static boolean startsWithLabel(Run r, int s) {
        for (int k = s + 1; k <= s + 3 && k < r.run.size(); k++) if (r.labeled(k)) return true;
        return false;
    }

    /**
     * No checksum holds (a typo, a made-up phrase) but a label introduces a list of a valid length,
     * or context words stand beside a numbered or one-per-line list: still a phrase being handed over.
     * Segments run between punctuation and line breaks.
     */
    private List<Phrase> unverified(Run r, int[] idx) {
        List<Phrase> out = new ArrayList<>();
        int segStart = 0;
        for (int k = 1; k <= r.run.size(); k++) {
            if (k < r.run.size() && (!boundary(r.t, r.run.get(k - 1), r.run.get(k)) || r.numbered || r.perLine)) continue;
            int len = k - segStart;
            if (SeedPhraseValidator.validLength(len) && (r.labeled(segStart) || r.context && (r.numbered || r.perLine))
                    && !repeated(r.run, segStart, len)) {
                int start = spanStart(r.run, segStart, len), end = spanEnd(r.run, segStart, len);
                boolean ok = r.han
                        ? separated(r.nt, r.run, segStart, len) && !containsAdvice(joined(r.run, segStart, len), true)
                        : prose(r.run, segStart, len) <= len / 4;
                if (ok && !adviceAround(r.t, start, end)) out.add(phrase(r.run, idx, segStart, len, false, r.list));
            }
            segStart = k;
        }
        return out;
    }

    // ------------------------------------------------------------------ labels, advice, prose

    /**
     * One word said over and over: a joke ("我的助记词是：涨 涨 涨 涨 涨 涨 涨 涨 涨 涨 涨 涨", "moon moon … moon"), whose
     * checksum holds one time in 16; a phrase holds two different words at least (BIP-39's own test vector "abandon …
     * abandon about" has two, and is found).
     */
    private static boolean repeated(List<Token> run, int s, int len) {
        String first = run.get(s).word;
        for (int k = s + 1; k < s + len; k++) if (!run.get(k).word.equals(first)) return false;
        return true;
    }

    /**
     * True when a label ends right before {@code pos}, with only fillers ("is", "are", "是", "如下"),
     * punctuation, numbers or spaces between: "my recovery phrase is:", "助记词如下：", "seed (12 words):".
     */
    private boolean labelBefore(String t, int pos) {
        if (insideLabel(t, pos)) return false; // "phrase" of "seed phrase" follows the label "seed" but is not a phrase word
        int floor = Math.max(0, pos - 80);
        int i = pos;
        for (int step = 0; step < 6; step++) {
            int gapEnd = i;
            while (i > floor && !Character.isLetter(t.charAt(i - 1))) i--;
            if (i <= floor) return false;
            if (labelEnds.get(t.charAt(i - 1))) for (String l : cues.labels()) if (endsAt(t, i, l)) return true;
            // "帮我看看这个助记词能不能导入：…", "recovery phrase for my old wallet: …": a colon closes a clause naming it
            if (step == 0 && colonIn(t, i, gapEnd) && labelInClause(t, i)) return true;
            int filler = -1;
            for (String f : cues.labelFillers()) if (f.length() > filler && endsAt(t, i, f)) filler = f.length();
            if (filler < 0) return false;
            i -= filler;
        }
        return false;
    }

    private static boolean colonIn(String t, int from, int to) {
        for (int k = from; k < to; k++) if (t.charAt(k) == ':' || t.charAt(k) == '：') return true;
        return false;
    }

    /** A label within the 40 chars before {@code end}, in the same clause (no sentence end or line break between). */
    private boolean labelInClause(String t, int end) {
        int from = end;
        for (int k = 0; k < 40 && from > 0 && "\n。！？!?.".indexOf(t.charAt(from - 1)) < 0; k++) from--;
        String clause = t.substring(from, end);
        for (String l : cues.labels()) {
            int at = clause.indexOf(l);
            if (at >= 0 && (scriptOf(l.charAt(0)) != Script.LATIN || at == 0 || !Character.isLetter(clause.charAt(at - 1)))) return true;
        }
        return false;
    }

    private static final String[] NO_LABELS = {};

    /** The labels that start with {@code c}: the only ones worth trying where {@code c} stands. */
    private String[] labelsStartingWith(char c) {
        if (!labelStarts.get(c)) return NO_LABELS;
        return labelsByFirst[Arrays.binarySearch(labelFirsts, c)];
    }

    private boolean insideLabel(String t, int pos) {
        // a label starting at pos is the phrase's own first word ("seed: seed grunt …"), not one it sits inside
        for (int p = Math.max(0, pos - maxLabelLength + 1); p < pos; p++) {
            for (String l : labelsStartingWith(t.charAt(p))) if (p + l.length() > pos && t.startsWith(l, p)) return true;
        }
        return false;
    }

    /** {@code w} ends at {@code i} and, when it starts with a Latin letter, starts a word. */
    private static boolean endsAt(String t, int i, String w) {
        int s = i - w.length();
        if (s < 0 || !t.startsWith(w, s)) return false;
        return s == 0 || scriptOf(w.charAt(0)) != Script.LATIN || !Character.isLetter(t.charAt(s - 1));
    }

    /** Advice words in the sentence around a window, outside it (a phrase may hold "never" itself). */
    private boolean adviceAround(String t, int start, int end) {
        int from = start, to = end;
        for (int k = 0; k < 80 && from > 0 && !sentenceEnd(t.charAt(from - 1)); k++) from--;
        for (int k = 0; k < 60 && to < t.length() && !sentenceEnd(t.charAt(to)); k++) to++;
        return adviceIn(t, from, start) || adviceIn(t, end, to);
    }

    /** An advice word in lower[from, to) that no advice exception holds ("anyone know if …?" asks, it advises nothing). */
    private boolean adviceIn(String lower, int from, int to) {
        if (!containsWordFrom(lower, from, to, cues.adviceWords())) return false;
        if (cues.adviceExceptions().isEmpty()) return true;
        char[] masked = lower.toCharArray();
        for (String q : cues.adviceExceptions()) {
            for (int i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + 1)) Arrays.fill(masked, i, i + q.length(), ' ');
        }
        return containsWordFrom(new String(masked), from, to, cues.adviceWords());
    }

    private static boolean sentenceEnd(char c) {
        return c == '\n' || ".!?。！？".indexOf(c) >= 0;
    }

    /**
     * A word stands right before {@code start} or right after {@code end}, with only spaces between:
     * the text there is part of a sentence. ({@code start == end} asks about one point.)
     */
    private static boolean embedded(String t, int start, int end) {
        int i = start;
        while (i > 0 && (t.charAt(i - 1) == ' ' || t.charAt(i - 1) == '\t')) i--;
        if (i > 0 && i < start && Character.isLetter(t.charAt(i - 1))) return true;
        int j = end;
        while (j < t.length() && (t.charAt(j) == ' ' || t.charAt(j) == '\t')) j++;
        return j < t.length() && j > end && Character.isLetter(t.charAt(j));
    }

    private static String joined(List<Token> run, int s, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int k = s; k < s + len; k++) sb.append(run.get(k).word);
        return sb.toString();
    }

    /**
     * The letters of the Chinese sentence holding {@code [start, end)}, up to 。！？ (line breaks and spaces
     * skipped), with or without the phrase itself.
     */
    private String hanSentence(String t, int start, int end, boolean withPhrase, boolean lineEnds) {
        String ends = lineEnds ? "。！？!?\n" : "。！？!?";
        int from = start, to = end;
        for (int k = 0; k < 80 && from > 0 && ends.indexOf(t.charAt(from - 1)) < 0; k++) from--;
        for (int k = 0; k < 80 && to < t.length() && ends.indexOf(t.charAt(to)) < 0; k++) to++;
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (!withPhrase && i == start) { sb.append(' '); i = end - 1; continue; }
            if (Character.isLetter(t.charAt(i))) sb.append(t.charAt(i));
        }
        String sentence = sb.toString();
        // questions such as 能不能, 会不会 hold 不能, 不会 but advise nothing
        for (String q : cues.adviceExceptions()) sentence = sentence.replace(q, " ");
        return sentence;
    }

    private boolean containsHanLabel(String chars) {
        for (String l : cues.labels()) if (l.length() >= 2 && TextNormalizer.isCjk(l.charAt(0)) && chars.contains(l)) return true;
        return false;
    }

    /** Advice words inside Chinese characters; single characters (别, 勿) too unless {@code multiOnly}. */
    private boolean containsAdvice(String chars, boolean multiOnly) {
        for (String w : cues.adviceWords()) {
            if (multiOnly && w.length() < 2) continue;
            if (w.isEmpty() || !TextNormalizer.isCjk(w.charAt(0))) continue;
            if (chars.contains(w)) return true;
        }
        return false;
    }

    private static boolean containsWordFrom(String t, int from, int to, List<String> words) {
        if (to <= from) return false;
        for (String w : words) {
            int i = t.indexOf(w, from);
            while (i >= 0 && i + w.length() <= to) {
                boolean latin = scriptOf(w.charAt(0)) == Script.LATIN;
                if (!latin || ((i == 0 || !Character.isLetter(t.charAt(i - 1)))
                        && (i + w.length() >= t.length() || !Character.isLetter(t.charAt(i + w.length()))))) {
                    return true;
                }
                i = t.indexOf(w, i + 1);
            }
        }
        return false;
    }

    private int grammar(List<Token> run, int s, int len) {
        int n = 0;
        for (int k = s; k < s + len; k++) if (grammarChars.contains(run.get(k).word.charAt(0))) n++;
        return n;
    }

    private int prose(List<Token> run, int s, int len) {
        int prose = 0;
        for (int k = s; k < s + len; k++) if (proseWords.contains(run.get(k).word)) prose++;
        return prose;
    }

    private static boolean apart(NormalizedText nt, Token a, Token b) {
        return nt.originalStart(b.start) > nt.originalEnd(a.end);
    }

    /** Consecutive Chinese words whose original chars were apart (spaces, commas): a list, not prose. */
    private static boolean separated(NormalizedText nt, List<Token> run, int s, int len) {
        int apart = 0;
        for (int k = s + 1; k < s + len; k++) {
            int prevEnd = nt.originalEnd(run.get(k - 1).end);
            int curStart = nt.originalStart(run.get(k).start);
            // (a word read before the one it follows, in a run in number order, stands apart from it too)
            if (curStart > prevEnd || run.get(k).start < run.get(k - 1).start) apart++;
        }
        return apart >= len - 2;
    }

    private static boolean boundary(String t, Token a, Token b) {
        for (int k = a.end; k < b.start; k++) {
            char c = t.charAt(k);
            if (c == '\n' || BOUNDARY_MARKS.indexOf(c) >= 0) return true;
        }
        return false;
    }

    private static boolean numbered(String t, List<Token> run) {
        int numbers = 0;
        for (int k = 1; k < run.size(); k++) {
            for (int p = run.get(k - 1).end; p < run.get(k).start; p++) {
                if (Character.isDigit(t.charAt(p))) { numbers++; break; }
            }
        }
        return numbers >= (run.size() - 1) * 2 / 3;
    }

    /**
     * "grunt, goose, risk, …", "trip.ostrich.fence…", "wreck-mad-first…": words set apart by commas, or joined by one
     * mark with no space, a list rather than a sentence.
     */
    private static boolean commaListed(String t, List<Token> run) {
        int commas = 0;
        for (int k = 1; k < run.size(); k++) {
            int from = run.get(k - 1).end, to = run.get(k).start;
            if (to - from == 1 && ".-_/|·".indexOf(t.charAt(from)) >= 0) { commas++; continue; }
            for (int p = from; p < to; p++) {
                if (",，、;".indexOf(t.charAt(p)) >= 0) { commas++; break; }
            }
        }
        return commas >= (run.size() - 1) * 2 / 3;
    }

    /** {@code [start, end)} fills whole lines, more than one, with only spaces and separators beside it on them. */
    private static boolean ownLines(String t, int start, int end) {
        if (t.indexOf('\n', start) < 0 || t.indexOf('\n', start) >= end) return false;
        for (int i = start - 1; i >= 0 && t.charAt(i) != '\n'; i--) if (!isSeparator(t.charAt(i))) return false;
        for (int i = end; i < t.length() && t.charAt(i) != '\n'; i++) if (!isSeparator(t.charAt(i))) return false;
        return true;
    }

    /**
     * The lines holding {@code [start, end)} (two at least) are a grid of single characters: each Chinese character
     * stands apart from any other letter, between numbers, spaces and list marks, and no other letter is there.
     */
    private static boolean grid(String t, int start, int end) {
        int nl = t.indexOf('\n', start);
        if (nl < 0 || nl >= end) return false;
        int from = t.lastIndexOf('\n', start - 1) + 1, to = t.indexOf('\n', end);
        if (to < 0) to = t.length();
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (!Character.isLetter(c)) continue;
            if (!TextNormalizer.isCjk(c)) return false;
            if (i > from && Character.isLetter(t.charAt(i - 1)) || i + 1 < to && Character.isLetter(t.charAt(i + 1))) return false;
        }
        return true;
    }

    private static boolean perLine(String t, List<Token> run) {
        int breaks = 0;
        for (int k = 1; k < run.size(); k++) {
            if (t.substring(run.get(k - 1).end, run.get(k).start).indexOf('\n') >= 0) breaks++;
        }
        return breaks >= (run.size() - 1) * 2 / 3;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) if (text.contains(w)) return true;
        return false;
    }

    private static Phrase phrase(List<Token> run, int[] idx, int s, int len, boolean verified, int list) {
        List<String> words = new ArrayList<>(len);
        for (int k = s; k < s + len; k++) words.add(run.get(k).word);
        return new Phrase(spanStart(run, s, len), spanEnd(run, s, len), Arrays.copyOfRange(idx, s, s + len),
                words, verified, LISTS.get(list).name());
    }

    /** Where the words {@code [s, s + len)} start and end in the text (a run in number order is not in reading order). */
    private static int spanStart(List<Token> run, int s, int len) {
        int min = Integer.MAX_VALUE;
        for (int k = s; k < s + len; k++) min = Math.min(min, run.get(k).start);
        return min;
    }

    private static int spanEnd(List<Token> run, int s, int len) {
        int max = 0;
        for (int k = s; k < s + len; k++) max = Math.max(max, run.get(k).end);
        return max;
    }
}
