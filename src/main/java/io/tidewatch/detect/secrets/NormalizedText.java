package io.tidewatch.detect.secrets;

/**
 * A post's text after evasion-undoing normalization, with a map back to the original: every
 * normalized char {@code i} came from original chars {@code [origStart[i], origEnd[i])}; both
 * maps are null when every char stayed at its offset (nothing changed, or only full-width forms became
 * ASCII: the common case), offsets then map to themselves.
 *
 * @param text  the normalized text (NFKC, zero-width removed, spaced/dotted letters joined)
 * @param lower {@code text} lower-cased char by char (same length), for keywords and context
 */
public record NormalizedText(String original, String text, String lower, int[] origStart, int[] origEnd) {

    /** The original UTF-16 span that normalized {@code [start, end)} came from. */
    public int originalStart(int start) {
        if (origStart == null) return Math.min(start, original.length());
        if (text.isEmpty()) return 0;
        return start >= origStart.length ? original.length() : origStart[start];
    }

    public int originalEnd(int end) {
        if (origEnd == null) return Math.max(0, Math.min(end, original.length()));
        if (end <= 0) return 0;
        return origEnd[Math.min(end, origEnd.length) - 1];
    }
}
