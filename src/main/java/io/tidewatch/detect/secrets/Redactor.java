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
            if (s[0] > pos) appendMaskingValues(sb, text, pos, s[0]);
            sb.append(maskToken(text.substring(s[2], s[3])));
            pos = s[1];
        }
        if (pos < winTo) appendMaskingValues(sb, text, pos, winTo);
        if (winTo < text.length()) sb.append('…');
        String out = collapseSpaces(sb).strip();
        for (String secret : secrets) {
            if (secret.length() >= 4 && out.contains(secret)) return MASK;
        }
        return out;
    }

    /** A value-like run this long (letters and digits mixed) in an excerpt's context is masked too. */
    private static final int CONTEXT_VALUE = 6; // a masking window (WINDOW, below)

    /**
     * Appends {@code text[from, to)}, each run of letters, digits and "+/=_-" of {@link #CONTEXT_VALUE} chars or more
     * holding both a letter and a digit masked: a second value next to the one found ("key ⏎ secret" on the next line)
     * may be a secret no rule recognised, and an excerpt must not show it.
     */
    private static void appendMaskingValues(StringBuilder sb, String text, int from, int to) {
        int i = from;
        while (i < to) {
            if (!isValueChar(text.charAt(i))) { sb.append(text.charAt(i++)); continue; }
            int e = i;
            boolean letter = false, digit = false;
            while (e < to && isValueChar(text.charAt(e))) {
                char c = text.charAt(e++);
                letter |= Character.isLetter(c);
                digit |= Character.isDigit(c);
            }
            if (e - i >= CONTEXT_VALUE && letter && digit) sb.append(MASK);
            else sb.append(text, i, e);
            i = e;
        }
    }

    private static boolean isValueChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    }

    /** Runs of whitespace (line breaks too) as one space: an excerpt is one line. */
    private static String collapseSpaces(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) out.append(' ');
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    /** A secret is hidden wherever this many of its chars stand together (spaces and case aside). */
    public static final int WINDOW = 6;

    /**
     * {@code text} (any excerpt or reason, of any finding) with every stretch that repeats
     * {@value #WINDOW} or more consecutive chars of one of {@code secrets} replaced by "****".
     * Chars are compared lower-cased, full-width folded, with spaces and invisible chars skipped, so
     * a re-spaced or re-cased copy is caught too; a secret shorter than the window is masked where
     * it occurs whole (from 4 chars on). Full-width letters of a re-typed copy are folded to ASCII.
     */
    public static String maskWindows(String text, List<String> secrets) {
        return SecretWindows.of(secrets).mask(text);
    }

    /** The windows of a post's secrets, built once and applied to every excerpt and reason of the post. */
    public static final class SecretWindows {
        private static final SecretWindows NONE = new SecretWindows(new long[0], List.of(), List.of());
        /**
         * Sorted 64-bit hashes of every {@value #WINDOW}-char window of the folded secrets; a text window
         * whose hash is among them is hidden (a collision would only hide more).
         */
        private final long[] windows;
        /** Folded secrets shorter than a window (4 or 5 chars), hidden where they occur whole. */
        private final List<String> shortOnes;
        /** Every folded secret, for the edges of a cut excerpt (below). */
        private final List<String> folded;

        private SecretWindows(long[] windows, List<String> shortOnes, List<String> folded) {
            this.windows = windows;
            this.shortOnes = shortOnes;
            this.folded = folded;
        }

        public static SecretWindows of(List<String> secrets) {
            if (secrets.isEmpty()) return NONE;
            long[] hashes = new long[64];
            int n = 0;
            List<String> shortOnes = new ArrayList<>(0), folded = new ArrayList<>(secrets.size());
            for (String secret : secrets) {
                Folded f = fold(secret, null);
                folded.add(new String(f.chars(), 0, f.length()));
                if (f.length() < WINDOW) {
                    if (f.length() >= 4) shortOnes.add(new String(f.chars(), 0, f.length()));
                    continue;
                }
                for (int i = 0; i + WINDOW <= f.length(); i++) {
                    if (n == hashes.length) hashes = java.util.Arrays.copyOf(hashes, n * 2);
                    hashes[n++] = hash(f.chars(), i);
                }
            }
            long[] sorted = java.util.Arrays.copyOf(hashes, n);
            java.util.Arrays.sort(sorted);
            return new SecretWindows(sorted, shortOnes, folded);
        }

        public String mask(String text) {
            if (text == null || text.isEmpty() || windows.length == 0 && shortOnes.isEmpty()) return text;
            int[] from = new int[text.length()];
            Folded t = fold(text, from);
            boolean[] hidden = null;
            for (int i = 0; i + WINDOW <= t.length(); i++) {
                if (windows.length == 0 || java.util.Arrays.binarySearch(windows, hash(t.chars(), i)) < 0) continue;
                if (hidden == null) hidden = new boolean[text.length()];
                hide(hidden, text, from[i], from[i + WINDOW - 1]);
            }
            if (!shortOnes.isEmpty()) {
                String folded = new String(t.chars(), 0, t.length());
                for (String s : shortOnes) {
                    for (int i = folded.indexOf(s); i >= 0; i = folded.indexOf(s, i + 1)) {
                        if (hidden == null) hidden = new boolean[text.length()];
                        hide(hidden, text, from[i], from[i + s.length() - 1]);
                    }
                }
            }
            hidden = hideCutEdges(text, t, from, hidden);
            if (hidden == null) return text;
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                if (!hidden[i]) { out.append(text.charAt(i++)); continue; }
                while (i < text.length() && hidden[i]) i++;
                out.append(MASK);
            }
            return out.toString();
        }

        /**
         * An excerpt cut inside a secret ends with the secret's first chars ("… [image] 2omp u…") or starts
         * with its last ones, fewer than a window; a reason quoting the excerpt has the cut in its middle.
         * From 4 folded chars on, such a piece is hidden where it touches a cut ("…") or the text's edge.
         */
        private boolean[] hideCutEdges(String text, Folded t, int[] from, boolean[] hidden) {
            String f = new String(t.chars(), 0, t.length());
            // where a piece may end (the text's end, before a cut) and where one may start (its start, after a cut)
            List<Integer> ends = new ArrayList<>(List.of(f.length())), starts = new ArrayList<>(List.of(0));
            for (int cut = f.indexOf('…'); cut >= 0; cut = f.indexOf('…', cut + 1)) {
                ends.add(cut);
                starts.add(cut + 1);
            }
            for (String secret : folded) {
                for (int end : ends) {
                    int k = longestEdge(secret, f, end, true);
                    if (k == 0) continue;
                    if (hidden == null) hidden = new boolean[text.length()];
                    hide(hidden, text, from[end - k], from[end - 1]);
                }
                for (int start : starts) {
                    int k = longestEdge(secret, f, start, false);
                    if (k == 0) continue;
                    if (hidden == null) hidden = new boolean[text.length()];
                    hide(hidden, text, from[start], from[start + k - 1]);
                }
            }
            return hidden;
        }

        /**
         * The length (4 to a window - 1, 0 for none) of the longest start of the secret that ends at {@code at}
         * ({@code endsThere}), or of its longest end that starts at {@code at}.
         */
        private static int longestEdge(String secret, String f, int at, boolean endsThere) {
            for (int k = Math.min(WINDOW - 1, secret.length()); k >= 4; k--) {
                if (endsThere ? at >= k && f.regionMatches(at - k, secret, 0, k)
                        : at + k <= f.length() && f.regionMatches(at, secret, secret.length() - k, k)) return k;
            }
            return 0;
        }

        private static void hide(boolean[] hidden, String text, int first, int last) {
            if (last + 1 < text.length() && Character.isLowSurrogate(text.charAt(last + 1))) last++; // never half a char
            for (int c = first; c <= last; c++) hidden[c] = true;
        }

        private record Folded(char[] chars, int length) {}

        /**
         * Lower-cased, full-width folded, spaces and invisible chars dropped; {@code from[k]}, when
         * given, is the index in {@code s} of folded char {@code k}.
         */
        private static Folded fold(String s, int[] from) {
            char[] out = new char[s.length()];
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (c <= ' ') continue;
                    if (c >= 'A' && c <= 'Z') c += 32;
                } else {
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || TextNormalizer.isInvisible(c)
                            || Character.getType(c) == Character.FORMAT) {
                        continue;
                    }
                    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; // full-width ASCII
                    c = Character.toLowerCase(c);
                }
                out[n] = c;
                if (from != null) from[n] = i;
                n++;
            }
            return new Folded(out, n);
        }

        private static long hash(char[] a, int from) {
            long h = 1125899906842597L;
            for (int i = from; i < from + WINDOW; i++) h = 0x100000001b3L * (h ^ a[i]);
            return h;
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
