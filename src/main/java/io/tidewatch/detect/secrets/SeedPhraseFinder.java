package io.tidewatch.detect.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds BIP-39 mnemonics in chat: runs of wordlist words (English or Chinese simplified) that
 * may be numbered ("1. abandon 2. ability"), comma- or line-separated, in any case. Every
 * valid window length (24, 21, 18, 15, 12) is slid over each run and checksum-verified.
 * <p>
 * A 12-word checksum passes by chance 1 time in 16 and many everyday words are on the list,
 * so a verified window is only reported when the text looks like a phrase being handed over:
 * the window lines up with the run's ends (line breaks, punctuation), the words are numbered
 * or one per line, or context words ("seed", "助记词") are near; everyday function words
 * ("you", "this", "will") and explanatory context ("example") count against it. Chinese words
 * are single characters and ordinary Chinese prose is made of them, so an unseparated Chinese
 * run counts only when it is exactly a phrase and context says so.
 */
final class SeedPhraseFinder {
    /** A verified (or, with strong context, unverifiable) phrase: normalized span and its word indices. */
    record Phrase(int start, int end, int[] indices, List<String> words, boolean checksumVerified, String language) {}

    /** On the English list and common in ordinary sentences: evidence of prose, not a mnemonic. */
    private static final Set<String> PROSE_WORDS = Set.of(
            "you", "this", "that", "what", "when", "where", "they", "have", "will", "can", "just", "more",
            "one", "all", "also", "only", "now", "over", "into", "then", "there", "very", "any", "about",
            "such", "must", "much", "often", "other", "since", "until", "upon", "else", "either", "neither",
            "own", "same", "few", "again", "because", "before", "below", "between", "during", "next", "never",
            "still", "sure", "thing", "through", "together", "under", "why", "would", "yet", "okay",
            "please", "thank", "help", "need", "want", "know", "think", "like", "good", "great", "really");

    private final List<String> contextWords;
    private final List<String> negativeWords;
    /** Chars that start some context word: most positions of a message can be skipped at once. */
    private final java.util.BitSet contextStarts = new java.util.BitSet(65536);

    SeedPhraseFinder(List<String> contextWords, List<String> negativeWords) {
        this.contextWords = contextWords;
        this.negativeWords = negativeWords;
        for (String w : contextWords) if (!w.isEmpty()) contextStarts.set(w.charAt(0));
    }

    private boolean hasContextWord(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!contextStarts.get(t.charAt(i))) continue;
            for (String w : contextWords) if (t.startsWith(w, i)) return true;
        }
        return false;
    }

    private record Token(int start, int end, int index, String word, boolean cjk) {}

    List<Phrase> find(NormalizedText nt) {
        String t = nt.lower();
        if (!plausible(nt)) return List.of();
        List<Token> tokens = tokenize(t);
        List<Phrase> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token first = tokens.get(i);
            if (first.index < 0) { i++; continue; }
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).index >= 0 && tokens.get(j).cjk == first.cjk
                    && joinable(t, tokens.get(j - 1), tokens.get(j))) {
                j++;
            }
            if (j - i >= 12) out.addAll(judgeRun(nt, tokens.subList(i, j)));
            i = j;
        }
        return out;
    }

    /**
     * Cheap bail-out without dictionary lookups: a phrase needs 12 word-shaped tokens in a row
     * (3-8 letters, or single CJK chars) with only separators between; a Chinese run also needs
     * its chars spaced apart or a context word in the message.
     */
    private boolean plausible(NormalizedText nt) {
        String t = nt.lower();
        int n = t.length();
        int enRun = 0, cjkRun = 0, bestEn = 0, bestCjk = 0, cjkApart = 0, bestCjkApart = 0;
        int i = 0;
        boolean lastWasCjk = false;
        while (i < n) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z') {
                int j = i;
                while (j < n && t.charAt(j) >= 'a' && t.charAt(j) <= 'z') j++;
                int len = j - i;
                boolean glued = j < n && Character.isLetter(t.charAt(j)) && !TextNormalizer.isCjk(t.charAt(j));
                enRun = (len >= 3 && len <= 8 && !glued) ? enRun + 1 : 0;
                bestEn = Math.max(bestEn, enRun);
                cjkRun = 0;
                cjkApart = 0;
                lastWasCjk = false;
                i = j;
            } else if (TextNormalizer.isCjk(c)) {
                if (lastWasCjk && i > 0) {
                    boolean apart = !TextNormalizer.isCjk(t.charAt(i - 1))
                            || nt.originalStart(i) > nt.originalEnd(i);
                    if (apart) cjkApart++;
                }
                cjkRun++;
                bestCjk = Math.max(bestCjk, cjkRun);
                bestCjkApart = Math.max(bestCjkApart, cjkApart);
                enRun = 0;
                lastWasCjk = true;
                i++;
            } else {
                if (!(Character.isWhitespace(c) || Character.isDigit(c) || ",.;:、，。；：)(]#-*•|\"'/".indexOf(c) >= 0)) {
                    enRun = 0;
                    cjkRun = 0;
                    cjkApart = 0;
                    lastWasCjk = false;
                }
                i++;
            }
        }
        if (bestEn >= 12) return true;
        if (bestCjk < 12) return false;
        return bestCjkApart >= 10 || hasContextWord(t);
    }

    private static List<Token> tokenize(String t) {
        List<Token> tokens = new ArrayList<>();
        int i = 0, n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z') {
                int j = i;
                while (j < n && t.charAt(j) >= 'a' && t.charAt(j) <= 'z') j++;
                boolean glued = (i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)) && !TextNormalizer.isCjk(t.charAt(i - 1)))
                        || (j < n && Character.isLetter(t.charAt(j)) && !TextNormalizer.isCjk(t.charAt(j)));
                String w = t.substring(i, j);
                tokens.add(new Token(i, j, glued ? -1 : Bip39Wordlist.ENGLISH.indexOf(w), w, false));
                i = j;
            } else if (TextNormalizer.isCjk(c)) {
                String w = String.valueOf(c);
                tokens.add(new Token(i, i + 1, Bip39Wordlist.CHINESE_SIMPLIFIED.indexOf(w), w, true));
                i++;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(t.charAt(j)) && !TextNormalizer.isCjk(t.charAt(j))) j++;
                tokens.add(new Token(i, j, -1, t.substring(i, j), false));
                i = j;
            } else {
                i++;
            }
        }
        return tokens;
    }

    /** Between two words only separators may stand: spaces, commas, numbering, bullets, quotes. */
    private static boolean joinable(String t, Token a, Token b) {
        for (int k = a.end; k < b.start; k++) {
            char c = t.charAt(k);
            if (Character.isWhitespace(c) || Character.isDigit(c)) continue;
            if (",.;:、，。；：)(]#-*•|\"'/".indexOf(c) >= 0) continue;
            return false;
        }
        // "abandon. 2. ability" fine; but a sentence break inside a Chinese run is not a phrase
        return true;
    }

    private List<Phrase> judgeRun(NormalizedText nt, List<Token> run) {
        String t = nt.lower();
        boolean cjk = run.get(0).cjk;
        int[] idx = new int[run.size()];
        for (int k = 0; k < idx.length; k++) idx[k] = run.get(k).index;
        int ctxFrom = Math.max(0, run.get(0).start - 120);
        int ctxTo = Math.min(t.length(), run.get(run.size() - 1).end + 60);
        String around = t.substring(ctxFrom, ctxTo);
        boolean context = containsAny(around, contextWords);
        boolean negative = containsAny(around, negativeWords);
        if (negative && !context) return List.of();
        if (cjk && !context && !separated(nt, run, 0, run.size())) return List.of(); // Chinese prose
        boolean numbered = numbered(t, run);
        boolean perLine = perLine(t, run);
        boolean wholeMessage = t.substring(0, run.get(0).start).isBlank()
                && t.substring(run.get(run.size() - 1).end).replaceAll("[\\s.!?。！？]", "").isEmpty();
        List<Phrase> out = new ArrayList<>();
        int from = 0;
        while (from <= run.size() - 12) {
            Phrase best = null;
            int bestScore = Integer.MIN_VALUE;
            for (int len = 24; len >= 12 && best == null; len -= 3) {
                for (int s = from; s + len <= run.size(); s++) {
                    // "hello <12 words>": a greeting word or two before a phrase that ends the message
                    boolean alignedStart = s == 0 || boundary(t, run.get(s - 1), run.get(s))
                            || s <= 2 && s + len == run.size() && wholeMessage;
                    boolean alignedEnd = s + len == run.size() || boundary(t, run.get(s + len - 1), run.get(s + len));
                    int score = (alignedStart ? 2 : 0) + (alignedEnd ? 2 : 0) - (s - from);
                    if (score <= bestScore) continue;
                    // the cheap shape checks first, the SHA-256 checksum last
                    if (accept(nt, run, s, len, alignedStart, alignedEnd, context, negative, numbered, perLine, cjk)
                            && SeedPhraseValidator.checksumValid(idx, s, len)) {
                        bestScore = score;
                        best = phrase(run, idx, s, len, true, cjk);
                    }
                }
            }
            if (best == null) break;
            out.add(best);
            int consumed = 0;
            while (consumed < run.size() && run.get(consumed).start < best.end()) consumed++;
            from = consumed;
        }
        if (out.isEmpty() && context && !negative) {
            // strong context and the shape of a phrase, but no checksum holds (a typo, a made-up
            // phrase): still a phrase being handed over. Segments between punctuation/line breaks.
            int segStart = 0;
            for (int k = 1; k <= run.size(); k++) {
                if (k == run.size() || boundary(t, run.get(k - 1), run.get(k)) && !numbered && !perLine) {
                    int len = k - segStart;
                    if (SeedPhraseValidator.validLength(len) && (!cjk || separated(nt, run, segStart, len))
                            && prose(run, segStart, len) <= len / 4) {
                        out.add(phrase(run, idx, segStart, len, false, cjk));
                    }
                    segStart = k;
                }
            }
        }
        return out;
    }

    private boolean accept(NormalizedText nt, List<Token> run, int s, int len, boolean alignedStart, boolean alignedEnd,
                           boolean context, boolean negative, boolean numbered, boolean perLine, boolean cjk) {
        boolean aligned = alignedStart && alignedEnd;
        if (negative && !context) return false;
        if (cjk) {
            boolean separated = separated(nt, run, s, len);
            if (separated) return aligned || context;
            return context && aligned;
        }
        int prose = prose(run, s, len);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int repeats = 0;
        for (int k = s; k < s + len; k++) {
            String w = run.get(k).word;
            if (!seen.add(w)) repeats++;
        }
        if (numbered || perLine) return prose <= len / 3;
        // with context words near, one aligned end is enough ("my seed is w1 … w12 please help")
        if (context) return prose <= len / 3 && (alignedStart || alignedEnd || len >= 15);
        return aligned && prose <= 1 && repeats <= 1;
    }

    private static int prose(List<Token> run, int s, int len) {
        int prose = 0;
        for (int k = s; k < s + len; k++) if (PROSE_WORDS.contains(run.get(k).word)) prose++;
        return prose;
    }

    /** Consecutive CJK words whose original chars were apart (spaces, commas): a list, not prose. */
    private static boolean separated(NormalizedText nt, List<Token> run, int s, int len) {
        int apart = 0;
        for (int k = s + 1; k < s + len; k++) {
            int prevEnd = nt.originalEnd(run.get(k - 1).end);
            int curStart = nt.originalStart(run.get(k).start);
            if (curStart > prevEnd) apart++;
        }
        return apart >= len - 2;
    }

    private static boolean boundary(String t, Token a, Token b) {
        for (int k = a.end; k < b.start; k++) {
            char c = t.charAt(k);
            if (c == '\n' || ".;:，。；：、!?|".indexOf(c) >= 0) return true;
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

    private static Phrase phrase(List<Token> run, int[] idx, int s, int len, boolean verified, boolean cjk) {
        List<String> words = new ArrayList<>(len);
        for (int k = s; k < s + len; k++) words.add(run.get(k).word);
        return new Phrase(run.get(s).start, run.get(s + len - 1).end, java.util.Arrays.copyOfRange(idx, s, s + len),
                words, verified, cjk ? "zh" : "en");
    }
}
