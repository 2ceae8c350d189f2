package io.tidewatch.detect.secrets;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.tidewatch.detect.KeywordIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the matches of the rules led by literal words ({@link MatchStarts}) by trying each rule only where its
 * words occur, instead of a search over the whole text: RE2/J has no DFA, so a search costs about 100 ns per char
 * for a rule that opens with a dozen labels, where a match tried at a word's place reads the few chars it needs.
 * A rule led by its value is tried where a long enough run of the value's chars begins ({@link MatchStarts.RunLead}).
 * The result is the search's: a search returns the leftmost match, and no match can start anywhere else.
 * One keyword pass over the text finds every rule's word places; a rule's run places are found when it is first asked.
 */
final class RuleStarts {
    /** Per rule index: its regex with one char of context before it, or null when the rule is searched in full. */
    private final Pattern[] withContext;
    /** Per word id, the rules it starts (pairs: rule index, leads as in {@link MatchStarts#leads()}). */
    private final int[][] startedBy;
    /** Per rule index: the runs its alternatives open with, or null. */
    private final MatchStarts.RunLead[][] runLeads;
    /**
     * Places a rule may try in vain in one text before the rest is searched: a run where every char could start a
     * match ("[!-~]{8,}") is tried char by char, and past a few tries one search costs less.
     */
    private static final int MAX_MISSES = 12;
    private final KeywordIndex words;
    private final int ruleCount;

    RuleStarts(List<SecretRule> rules) {
        ruleCount = rules.size();
        withContext = new Pattern[ruleCount];
        runLeads = new MatchStarts.RunLead[ruleCount][];
        Map<String, List<int[]>> byWord = new LinkedHashMap<>();
        for (int i = 0; i < ruleCount; i++) {
            SecretRule r = rules.get(i);
            if (r.regex() == null || r.detector() != null) continue;
            MatchStarts starts = MatchStarts.of(r.regex().pattern(), true);
            if (starts == null) continue;
            if (!starts.runs().isEmpty()) runLeads[i] = starts.runs().toArray(MatchStarts.RunLead[]::new);
            // "^" then one char, so that "\b", "^" and a class before the first word read the char the text has there
            withContext[i] = Pattern.compile("^(?s:.)(?:" + r.regex().pattern() + ")");
            int rule = i;
            starts.leads().forEach((w, leads) -> byWord.computeIfAbsent(w, x -> new ArrayList<>()).add(new int[]{rule, leads}));
        }
        startedBy = new int[byWord.size()][];
        List<List<String>> keywordsById = new ArrayList<>();
        int id = 0;
        for (Map.Entry<String, List<int[]>> e : byWord.entrySet()) {
            keywordsById.add(List.of(e.getKey()));
            startedBy[id++] = e.getValue().stream().flatMapToInt(Arrays::stream).toArray();
        }
        words = new KeywordIndex(keywordsById);
    }

    /** Whether the rule is tried at its places only. */
    boolean led(int rule) { return withContext[rule] != null; }

    /**
     * Whether places can be found by lower-case words in this text: a long s ("ſ") is matched by a case-insensitive
     * "s" but lower-cases to itself (normalization makes it "s"; this keeps the answer right whatever the text).
     */
    static boolean wordsFold(String lower) { return lower.indexOf('\u017F') < 0; }

    /** One text's places, found at the first question. */
    Places in(NormalizedText nt) { return new Places(nt); }

    /** A match: the rule's matcher (over the text, or over a view from {@code offset}) and where the match starts. */
    record Found(Matcher m, int offset, int start) {
        int end() { return offset + m.end(); }

        int start(int group) { int s = m.start(group); return s < 0 ? -1 : group == 0 ? start : offset + s; }

        int end(int group) { int e = m.end(group); return e < 0 ? -1 : group == 0 ? end() : offset + e; }

        int groupCount() { return m.groupCount(); }
    }

    final class Places {
        private final NormalizedText nt;
        private final boolean byWords;
        private int[][] byRule; // ascending word places per rule, found at the first question
        private int[][] withRuns; // per rule with runs: its word and run places, found at its first question
        private int[] misses; // per rule: places tried in vain

        private Places(NormalizedText nt) {
            this.nt = nt;
            this.byWords = wordsFold(nt.lower());
        }

        /** Whether the rule is tried at its places only in this text (else it is searched in full). */
        boolean led(int rule) { return byWords && withContext[rule] != null; }

        /** The rule's leftmost match starting at {@code from} or later, as a search from there would find it; or null. */
        Found next(int rule, Pattern regex, int from) {
            String t = nt.text();
            if (from > 0 && from < t.length() && Character.isLowSurrogate(t.charAt(from)) && Character.isHighSurrogate(t.charAt(from - 1))) {
                // a search from inside a surrogate pair reads its second half as a char of its own: search as it does
                Matcher m = regex.matcher(t);
                return m.find(from) ? new Found(m, 0, m.start()) : null;
            }
            int[] places = placesOf(rule);
            if (places == null) return null;
            int k = Arrays.binarySearch(places, from);
            for (int i = k >= 0 ? k : -k - 1; i < places.length; i++) {
                int p = places[i];
                if (misses != null && misses[rule] >= MAX_MISSES) {
                    // no match starts between "from" and p: the search from p finds what the search from "from" would
                    Matcher m = regex.matcher(t);
                    return m.find(p) ? new Found(m, 0, m.start()) : null;
                }
                if (p == 0) {
                    Matcher m = regex.matcher(t);
                    if (m.lookingAt()) return new Found(m, 0, 0);
                } else {
                    int c = codePointBefore(t, p); // the context char
                    Matcher m = withContext[rule].matcher(new Tail(t, c));
                    if (m.lookingAt()) return new Found(m, c, p);
                }
                if (runLeads[rule] != null) {
                    if (misses == null) misses = new int[ruleCount];
                    misses[rule]++;
                }
            }
            return null;
        }

        private int[] placesOf(int rule) {
            if (byRule == null) byRule = places();
            if (runLeads[rule] == null) return byRule[rule];
            if (withRuns == null) withRuns = new int[ruleCount][];
            if (withRuns[rule] == null) withRuns[rule] = merged(byRule[rule], runPlaces(runLeads[rule], nt.text()));
            return withRuns[rule];
        }

        private int[][] places() {
            String t = nt.text();
            int[] count = new int[ruleCount];
            List<int[]> found = new ArrayList<>(); // (rule, place)
            words.occurrences(nt.lower(), (word, start) -> {
                int[] rules = startedBy[word];
                for (int j = 0; j < rules.length; j += 2) {
                    int leads = rules[j + 1];
                    if ((leads & 1) != 0) found.add(new int[]{rules[j], start});
                    if ((leads & 2) != 0 && start > 0) found.add(new int[]{rules[j], codePointBefore(t, start)});
                    if ((leads & 4) != 0 && start > 0) {
                        int before = codePointBefore(t, start);
                        if (before > 0) found.add(new int[]{rules[j], codePointBefore(t, before)});
                    }
                }
            });
            for (int[] f : found) count[f[0]]++;
            int[][] out = new int[ruleCount][];
            for (int r = 0; r < ruleCount; r++) if (withContext[r] != null) out[r] = new int[count[r]];
            int[] filled = new int[ruleCount];
            for (int[] f : found) out[f[0]][filled[f[0]]++] = f[1];
            for (int r = 0; r < ruleCount; r++) {
                if (out[r] == null || out[r].length < 2) continue;
                Arrays.sort(out[r]);
                int n = 1;
                for (int i = 1; i < out[r].length; i++) if (out[r][i] != out[r][n - 1]) out[r][n++] = out[r][i];
                out[r] = Arrays.copyOf(out[r], n);
            }
            return out;
        }
    }

    /**
     * Where a match led by one of {@code leads} can start: at a run of at least {@code min} chars of the class that
     * could match (the context char before it, when there is one), never inside a surrogate pair.
     */
    private static int[] runPlaces(MatchStarts.RunLead[] leads, String t) {
        int[] out = new int[8];
        int n = 0;
        for (MatchStarts.RunLead lead : leads) {
            OneCharClass run = lead.run();
            for (int i = 0; i < t.length(); ) {
                if (!run.mayMatch(t.charAt(i))) { i++; continue; }
                int s = i;
                while (i < t.length() && run.mayMatch(t.charAt(i))) i++;
                for (int q = s; q <= i - lead.min(); q++) {
                    if (q > 0 && Character.isLowSurrogate(t.charAt(q)) && Character.isHighSurrogate(t.charAt(q - 1))) continue;
                    int p = q;
                    if (lead.context() != null) {
                        if (q == 0) continue;
                        p = codePointBefore(t, q);
                        if (!lead.context().mayMatch(t.codePointAt(p))) continue;
                    }
                    if (!lead.boundary().holds(t, p)) continue;
                    if (n == out.length) out = Arrays.copyOf(out, n * 2);
                    out[n++] = p;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The ascending places of both, once each ({@code words} may be null). */
    private static int[] merged(int[] words, int[] runs) {
        int[] all = words == null ? runs : Arrays.copyOf(words, words.length + runs.length);
        if (words != null) System.arraycopy(runs, 0, all, words.length, runs.length);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) if (n == 0 || all[i] != all[n - 1]) all[n++] = all[i];
        return Arrays.copyOf(all, n);
    }

    /** Where the code point before {@code p} starts: two chars back when it is a surrogate pair. */
    static int codePointBefore(String t, int p) {
        return p >= 2 && Character.isLowSurrogate(t.charAt(p - 1)) && Character.isHighSurrogate(t.charAt(p - 2)) ? p - 2 : p - 1;
    }

    /** The text from a place on, without a copy. */
    private record Tail(String s, int from) implements CharSequence {
        @Override public int length() { return s.length() - from; }

        @Override public char charAt(int i) { return s.charAt(from + i); }

        @Override public CharSequence subSequence(int a, int b) { return s.substring(from + a, from + b); }

        @Override public String toString() { return s.substring(from); }
    }
}
