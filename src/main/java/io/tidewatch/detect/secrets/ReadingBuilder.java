package io.tidewatch.detect.secrets;

import java.util.Arrays;

/**
 * Builds a second reading of a normalized text from some of its chars, in order: each kept char (and its lower
 * case) keeps the original span it came from, so findings in the reading map back to the message.
 */
final class ReadingBuilder {
    private final NormalizedText from;
    private final StringBuilder text, lower;
    private int[] start, end;

    ReadingBuilder(NormalizedText from) {
        this.from = from;
        int n = from.text().length();
        this.text = new StringBuilder(n);
        this.lower = new StringBuilder(n);
        this.start = new int[n];
        this.end = new int[n];
    }

    /** Keeps char {@code k} of the text read from. */
    void keep(int k) {
        int o = text.length();
        if (o == start.length) grow();
        text.append(from.text().charAt(k));
        lower.append(from.lower().charAt(k));
        start[o] = from.originalStart(k);
        end[o] = from.originalEnd(k + 1);
    }

    /** Puts {@code c} where char {@code k} of the text read from stood ("五" read as "5", "🍀" between words as " "). */
    void keepAs(int k, char c) {
        int o = text.length();
        if (o == start.length) grow();
        text.append(c);
        lower.append(Character.toLowerCase(c));
        start[o] = from.originalStart(k);
        end[o] = from.originalEnd(k + 1);
    }

    /**
     * Keeps chars {@code [s, e)} in reverse order ("written backwards"), each standing for the whole run in the original
     * (a finding inside the run then covers all of it, never a span that ends before it starts).
     */
    void keepReversed(int s, int e) {
        int runStart = from.originalStart(s), runEnd = from.originalEnd(e);
        for (int k = e - 1; k >= s; k--) {
            int o = text.length();
            if (o == start.length) grow();
            text.append(from.text().charAt(k));
            lower.append(from.lower().charAt(k));
            start[o] = runStart;
            end[o] = runEnd;
        }
    }

    /** Puts {@code word} where chars {@code [s, e)} of the text read from stood, each of its chars standing for all of them. */
    void putFor(int s, int e, String word) {
        int runStart = from.originalStart(s), runEnd = from.originalEnd(e);
        for (int i = 0; i < word.length(); i++) {
            int o = text.length();
            if (o == start.length) grow();
            char c = word.charAt(i);
            text.append(c);
            lower.append(Character.toLowerCase(c));
            start[o] = runStart;
            end[o] = runEnd;
        }
    }

    /** Puts a space right before char {@code k} of the text read from, standing for nothing of the original. */
    void insertSpace(int k) {
        int o = text.length();
        if (o == start.length) grow();
        text.append(' ');
        lower.append(' ');
        start[o] = from.originalStart(k);
        end[o] = from.originalStart(k);
    }

    private void grow() {
        start = Arrays.copyOf(start, start.length * 2 + 8);
        end = Arrays.copyOf(end, end.length * 2 + 8);
    }

    /** Keeps chars {@code [fromIndex, toIndex)}. */
    void keep(int fromIndex, int toIndex) {
        for (int k = fromIndex; k < toIndex; k++) keep(k);
    }

    NormalizedText build() {
        int o = text.length();
        return new NormalizedText(from.original(), text.toString(), lower.toString(), Arrays.copyOf(start, o), Arrays.copyOf(end, o));
    }
}
