package io.tidewatch.detect.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the excerpt a finding shows people: what kind of thing leaked and where, never the
 * secret. Token prefixes that only name the token type ("ghp_", "xoxb-", "sk-") stay visible.
 */
public final class Redactor {
    static final String MASK = "****";
    private static final int CONTEXT_BEFORE = 24;
    private static final int CONTEXT_AFTER = 12;

    private Redactor() {}

    /** "ghp_****…(40 chars)"; short secrets just "****". */
    public static String maskToken(String secret) {
        String prefix = typePrefix(secret);
        if (secret.length() < 12) return prefix + MASK;
        return prefix + MASK + "…(" + secret.length() + " chars)";
    }

    /** "****** … (24 words)": not even the first word, which is part of the secret (11 of its bits). */
    public static String maskPhrase(List<String> words) {
        return "****** … (" + words.size() + " words)";
    }

    /**
     * The text around {@code [from, to)} (the match, widened to nearby words) with every secret
     * span masked, e.g. "my password is ****". Falls back to a bare mask if any secret would survive.
     */
    public static String excerpt(String text, int from, int to, List<int[]> secretSpans, List<String> secrets) {
        int winFrom = Math.max(0, from - CONTEXT_BEFORE), winTo = Math.min(text.length(), to + CONTEXT_AFTER);
        while (winFrom > 0 && winFrom < from && !Character.isWhitespace(text.charAt(winFrom - 1)) && from - winFrom < CONTEXT_BEFORE + 12) winFrom--;
        List<int[]> spans = new ArrayList<>();
        for (int[] s : secretSpans) if (s[1] > winFrom && s[0] < winTo) spans.add(new int[]{Math.max(s[0], winFrom), Math.min(s[1], winTo), s[0], s[1]});
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder sb = new StringBuilder();
        if (winFrom > 0) sb.append('…');
        int pos = winFrom;
        for (int[] s : spans) {
            if (s[1] <= pos) continue;
            if (s[0] > pos) sb.append(text, pos, s[0]);
            sb.append(maskToken(text.substring(s[2], s[3])));
            pos = s[1];
        }
        if (pos < winTo) sb.append(text, pos, winTo);
        if (winTo < text.length()) sb.append('…');
        String out = sb.toString().replaceAll("\\s+", " ").strip();
        for (String secret : secrets) {
            if (secret.length() >= 4 && out.contains(secret)) return MASK;
        }
        return out;
    }

    /** A secret is hidden wherever this many of its chars stand together (spaces and case aside). */
    public static final int WINDOW = 6;

    /**
     * {@code text} (any excerpt or reason, of any finding) with every stretch that repeats
     * {@value #WINDOW} or more consecutive chars of one of {@code secrets} replaced by "****".
     * Chars are compared lower-cased, full-width folded, with spaces and invisible chars skipped, so
     * a re-spaced or re-cased copy is caught too; a secret shorter than the window is masked where
     * it occurs whole (from 4 chars on).
     */
    public static String maskWindows(String text, List<String> secrets) {
        if (text == null || text.isEmpty() || secrets.isEmpty()) return text;
        Folded t = Folded.of(text);
        boolean[] hidden = null;
        for (String secret : secrets) {
            Folded s = Folded.of(secret);
            int w = Math.min(WINDOW, s.chars.length());
            if (w < 4 || t.chars.length() < w) continue;
            java.util.Set<String> windows = new java.util.HashSet<>();
            for (int i = 0; i + w <= s.chars.length(); i++) windows.add(s.chars.substring(i, i + w));
            for (int i = 0; i + w <= t.chars.length(); i++) {
                if (!windows.contains(t.chars.substring(i, i + w))) continue;
                if (hidden == null) hidden = new boolean[text.length()];
                for (int k = t.from[i]; k < t.to[i + w - 1]; k++) hidden[k] = true;
            }
        }
        if (hidden == null) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            if (!hidden[i]) { out.append(text.charAt(i++)); continue; }
            while (i < text.length() && hidden[i]) i++;
            out.append(MASK);
        }
        return out.toString();
    }

    /** Text folded for comparison, each folded char remembering the original chars it came from. */
    private record Folded(String chars, int[] from, int[] to) {
        static Folded of(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            int[] from = new int[s.length()], to = new int[s.length()];
            int n = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !TextNormalizer.isInvisible(cp)
                        && Character.getType(cp) != Character.FORMAT) {
                    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; // full-width ASCII
                    cp = Character.toLowerCase(cp);
                    for (char c : Character.toChars(cp)) {
                        sb.append(c);
                        from[n] = i;
                        to[n] = next;
                        n++;
                    }
                }
                i = next;
            }
            return new Folded(sb.toString(), from, to);
        }
    }

    private static String typePrefix(String secret) {
        int limit = Math.min(8, secret.length() / 3);
        for (int i = limit; i >= 2; i--) {
            char c = secret.charAt(i - 1);
            if ((c == '_' || c == '-') && secret.substring(0, i - 1).chars().allMatch(Character::isLetter)) {
                return secret.substring(0, i);
            }
        }
        return "";
    }
}
