package io.tidewatch.detect.secrets;

import java.util.Arrays;

/**
 * Builds a second reading of a normalized text from some of its chars, in order: each kept char (and its lower
 * case) keeps the original span it came from, so findings in the reading map back to the message.
 */
final class ReadingBuilder {
    private final NormalizedText from;
    private final StringBuilder text, lower;
    private final int[] start, end;

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
        text.append(from.text().charAt(k));
        lower.append(from.lower().charAt(k));
        start[o] = from.originalStart(k);
        end[o] = from.originalEnd(k + 1);
    }

    /** Puts {@code c} where char {@code k} of the text read from stood ("五" read as "5", "🍀" between words as " "). */
    void keepAs(int k, char c) {
        int o = text.length();
        text.append(c);
        lower.append(Character.toLowerCase(c));
        start[o] = from.originalStart(k);
        end[o] = from.originalEnd(k + 1);
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
