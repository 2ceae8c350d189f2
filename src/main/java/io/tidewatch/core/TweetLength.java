package io.tidewatch.core;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;

import java.util.ArrayList;
import java.util.List;

/**
 * A tweet's length as Twitter counts it, from the official twitter-text library
 * ({@code TwitterTextParser.parseTweet(text).weightedLength}, v3 configuration): most Latin text 1 per
 * character, CJK and most symbols 2, any URL 23, an emoji sequence 2. A tweet may weigh at most {@link #MAX}.
 *
 * <p>One guard around the library: its URL regex backtracks badly on long runs of domain-like
 * characters full of separators ({@code "a.a.a…"}, {@code "a-a-a…"}): about 25 s for 4,000 characters.
 * Such a run is measured in pieces of at most {@link #SEPARATORS_PER_PIECE} separators, which bounds the
 * cost per character. No host name or real text has a run like that (a host has a handful of dots), so
 * real texts are counted exactly as twitter-text counts them; only inside such a run may a URL be
 * counted differently from Twitter.
 */
public final class TweetLength {
    public static final int MAX = 280;
    public static final int URL_WEIGHT = 23;
    /** Separators ('.', '-', '_') one piece of a run may hold: a long URL slug has ~15; 32 cost ~3 ms. */
    static final int SEPARATORS_PER_PIECE = 32;

    private static final Extractor EXTRACTOR = new Extractor();

    /** A URL found in a text, as twitter-text finds it (with or without a scheme): {@code text[start, end)}. */
    public record Url(int start, int end, String url) {}

    private TweetLength() {}

    public static int of(String text) {
        if (text == null || text.isEmpty()) return 0;
        List<int[]> pieces = pieces(text);
        if (pieces.size() == 1) return TwitterTextParser.parseTweet(text).weightedLength;
        int total = 0;
        for (int[] p : pieces) total += TwitterTextParser.parseTweet(text.substring(p[0], p[1])).weightedLength;
        return total;
    }

    public static boolean fits(String text) { return of(text) <= MAX; }

    /** The URLs Twitter would count as 23 each, in order, so callers can keep them whole when splitting. */
    public static List<Url> urls(String text) {
        List<Url> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (int[] p : pieces(text)) {
            for (Extractor.Entity e : EXTRACTOR.extractURLsWithIndices(text.substring(p[0], p[1]))) {
                out.add(new Url(p[0] + e.getStart(), p[0] + e.getEnd(), e.getValue()));
            }
        }
        return out;
    }

    /**
     * Cuts {@code text} after every {@link #SEPARATORS_PER_PIECE}-th separator of a domain-like run
     * (letters, digits, marks and '.', '-', '_'); one linear scan. A text with no such run is one piece.
     * A cut falls after an ASCII separator with the run going on, so no piece is blank and NFC is unaffected.
     */
    static List<int[]> pieces(String text) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        int separators = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '.' || cp == '-' || cp == '_') {
                if (++separators >= SEPARATORS_PER_PIECE && runGoesOn(text, i)) {
                    out.add(new int[]{from, i});
                    from = i;
                    separators = 0;
                }
            } else if (!isDomainCharacter(cp)) {
                separators = 0;
            }
        }
        out.add(new int[]{from, text.length()});
        return out;
    }

    /** Whether the run continues at {@code i}: a cut there leaves no blank piece behind. */
    private static boolean runGoesOn(String text, int i) {
        if (i >= text.length()) return false;
        int cp = text.codePointAt(i);
        return cp == '.' || cp == '-' || cp == '_' || isDomainCharacter(cp);
    }

    private static boolean isDomainCharacter(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }
}
