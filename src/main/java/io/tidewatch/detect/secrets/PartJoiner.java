package io.tidewatch.detect.secrets;

import com.google.re2j.Matcher;

import java.util.ArrayList;
import java.util.List;

/**
 * A reading of a message in which a value handed over in labelled parts is whole again, because a scammer said
 * the group bot deletes it whole or it was too long for one message: "token part 1 43365897:AA_ux…⏎part 2 nhV5…",
 * "first 8: 4777 8749⏎last 8: 4472 1563", "身份证前六位350203⏎后面200108158632". Two labels or more in a row, each
 * followed on its line by a value of ASCII letters, digits and symbols (spaces only between groups holding digits),
 * become their values joined; the text before the first label and after the last value stays. Rules then run on this
 * reading too, with their context words and validators as ever.
 */
final class PartJoiner {
    /** A part shorter than this is a list's number or a word's letter, not a piece of a secret. */
    private static final int MIN_PART = 2;

    private PartJoiner() {}

    /** A labelled part: where its label starts, and where its value (trimmed) starts and ends. */
    private record Part(int labelStart, int valueStart, int valueEnd) {}

    /** The message with every run of labelled parts joined, offsets mapped to the original; null when none was. */
    static NormalizedText join(NormalizedText nt, PartLabels labels) { return join(nt, labels, TextShape.of(nt.text())); }

    /** As {@link #join(NormalizedText, PartLabels)}, told the text's shape: two parts need two value-like runs. */
    static NormalizedText join(NormalizedText nt, PartLabels labels, TextShape shape) {
        if (labels == null || shape.valueRuns() < 2 || !labels.mayHold(nt.text(), nt.lower())) return null;
        String t = nt.text(), lower = nt.lower();
        List<int[]> found = new ArrayList<>();
        Matcher m = labels.label().matcher(lower);
        for (int from = 0; from < lower.length() && m.find(from); from = Math.max(m.end(), m.start() + 1)) {
            if (m.end() > m.start()) found.add(new int[]{m.start(), m.end()});
        }
        if (found.size() < 2) return null;
        // each label's value runs to the next label or to its line's end
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            int lineEnd = t.indexOf('\n', found.get(k)[1]);
            if (lineEnd < 0) lineEnd = t.length();
            int end = k + 1 < found.size() ? Math.min(found.get(k + 1)[0], lineEnd) : lineEnd;
            int s = found.get(k)[1];
            while (s < end && isLead(t.charAt(s))) s++;
            int e = end;
            // and a mark between parts set off by spaces ("first 6 440305 / birthday …"): a value ending in "/" keeps it
            while (e > s && (isTrail(t.charAt(e - 1)) || isDivider(t.charAt(e - 1)) && e - 2 >= s && isBlank(t.charAt(e - 2)))) e--;
            parts.add(new Part(found.get(k)[0], s, isValue(t, s, e) ? e : -1));
        }
        ReadingBuilder out = null;
        int copied = 0;
        for (int k = 0; k < parts.size(); ) {
            int j = k;
            // a run: valid values, each next label right after the previous value (spaces and line breaks between)
            while (j < parts.size() && parts.get(j).valueEnd() > 0
                    && (j == k || blank(t, parts.get(j - 1).valueEnd(), parts.get(j).labelStart()))) j++;
            if (j - k >= 2) {
                if (out == null) out = new ReadingBuilder(nt);
                out.keep(copied, parts.get(k).labelStart());
                for (int p = k; p < j; p++) {
                    for (int c = parts.get(p).valueStart(); c < parts.get(p).valueEnd(); c++) {
                        if (t.charAt(c) != ' ' && t.charAt(c) != '\t') out.keep(c);
                    }
                }
                copied = parts.get(j - 1).valueEnd();
                k = j;
            } else {
                k = Math.max(k + 1, j);
            }
        }
        if (out == null) return null;
        out.keep(copied, t.length());
        return out.build();
    }

    /** Printable ASCII of two chars or more; spaces only between groups that hold a digit ("4777 8749"). */
    private static boolean isValue(String t, int s, int e) {
        int chars = 0;
        boolean spaced = false, groupsHoldDigits = true, groupDigit = false;
        for (int c = s; c < e; c++) {
            char ch = t.charAt(c);
            if (ch == ' ' || ch == '\t') {
                spaced = true;
                groupsHoldDigits &= groupDigit;
                groupDigit = false;
                continue;
            }
            if (ch < '!' || ch > '~') return false;
            if (ch >= '0' && ch <= '9') groupDigit = true;
            chars++;
        }
        groupsHoldDigits &= groupDigit;
        return chars >= MIN_PART && (!spaced || groupsHoldDigits);
    }

    private static boolean isLead(char c) { return c == ' ' || c == '\t' || c == ':' || c == '：' || c == '=' || c == '-' || c == '>' || c == '→' || c == '是' || c == '係'; }

    private static boolean isTrail(char c) { return c == ' ' || c == '\t' || c == '\r' || c == ',' || c == '，' || c == '.' || c == '。' || c == ';' || c == '；'; }

    private static boolean isDivider(char c) { return c == '/' || c == '|' || c == '／' || c == '｜'; }

    private static boolean isBlank(char c) { return c == ' ' || c == '\t'; }

    private static boolean blank(String t, int from, int to) {
        if (to < from) return false;
        for (int c = from; c < to; c++) {
            char ch = t.charAt(c);
            if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' && !isTrail(ch) && !isDivider(ch)) return false;
        }
        return true;
    }
}
