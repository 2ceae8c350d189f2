package io.tidewatch.detect.identity;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges whether a display name or username imitates a protected name: compares skeletons token by
 * token (exact, brand glued to bait words, containment for long names, one or two edits only for
 * names long enough that an edit does not land on ordinary words), then scores by how much of the
 * name the brand explains, bait words and deliberate disguises. Thread-safe.
 */
public final class NameJudge {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final int MAX_WINDOW = 4;
    private static final double FUZZY_WEIGHT = 0.9;
    private static final int MAX_NAME = 128;
    /** "O K X", "E x E x": a name spelled out in single letters is read as one word, up to this many pieces. */
    private static final int MAX_SPELLED = 12;

    private final IdentityRules rules;
    private final ProtectedNames names;
    private final NameSkeleton skeleton;
    /** canonical bait key -> the bait word as the rules write it */
    private final Map<String, String> baitKeys = new LinkedHashMap<>();
    private final Map<String, String> unspacedBait = new LinkedHashMap<>();
    private final Map<String, List<ProtectedName>> byKey = new java.util.HashMap<>();
    private final Map<Integer, List<Keyed>> byLength = new java.util.HashMap<>();
    private final List<Integer> containLengths = new ArrayList<>();
    private final List<ProtectedName> unspacedNames = new ArrayList<>();
    private final LevenshteinDistance oneEdit = new LevenshteinDistance(1);
    private final LevenshteinDistance twoEdits = new LevenshteinDistance(2);

    public NameJudge(IdentityRules rules, ProtectedNames names) {
        this.rules = rules;
        this.names = names;
        this.skeleton = rules.skeleton();
        for (ProtectedName p : names.all()) {
            if (p.unspaced()) { unspacedNames.add(p); continue; }
            byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
            byLength.computeIfAbsent(p.key().length(), k -> new ArrayList<>()).add(new Keyed(p, letterMask(p.key()), letterCounts(p.key())));
            if (p.key().length() >= rules.similarity().containmentFrom() && !containLengths.contains(p.key().length())) {
                containLengths.add(p.key().length());
            }
        }
        java.util.Collections.sort(containLengths);
        for (String word : rules.baitWords()) {
            String key = skeleton.key(word);
            if (key.isEmpty()) continue;
            if (isUnspaced(key)) unspacedBait.putIfAbsent(key, word);
            else baitKeys.putIfAbsent(key, word);
        }
    }

    public ProtectedNames protectedNames() { return names; }

    public NameSkeleton skeleton() { return skeleton; }

    /** The more suspicious of an account's username and display name. */
    public NameVerdict judgeAccount(String username, String name) {
        NameVerdict byName = judge(name, "name");
        NameVerdict byUsername = judge(stripAt(username), "username");
        return byUsername.score() > byName.score() || name == null || name.isBlank() ? byUsername : byName;
    }

    /** Judges one name; {@code field} says which of the author's names it is. */
    public NameVerdict judge(String text, String field) {
        if (text == null || text.isBlank()) return NameVerdict.none(text, field);
        // platform names are short (Telegram: 64 + 64); a longer one is judged on its start only
        Skeleton s = skeleton.of(text.length() > MAX_NAME ? text.substring(0, MAX_NAME) : text);
        if (s.isEmpty()) return NameVerdict.none(text, field);
        List<String> tokens = s.tokens();

        List<String> bait = new ArrayList<>();
        int contentChars = 0;
        for (String token : tokens) {
            String word = baitKeys.get(token);
            if (word != null) { bait.add(word); continue; }
            int len = token.length();
            if (isUnspaced(token)) {
                for (var e : unspacedBait.entrySet()) {
                    int at = token.indexOf(e.getKey());
                    if (at >= 0) { bait.add(e.getValue()); len -= e.getKey().length(); }
                }
            }
            contentChars += Math.max(0, len);
        }

        Match best = bestMatch(tokens);
        if (best == null) return NameVerdict.none(text, field);

        List<String> allBait = new ArrayList<>(bait);
        allBait.addAll(best.gluedBait);
        int content = Math.max(1, contentChars - best.gluedBaitChars);
        double coverage = Math.min(1.0, (double) best.matchedChars / content);
        Set<Transformation> needed = EnumSet.noneOf(Transformation.class);
        needed.addAll(s.transformations());
        needed.remove(Transformation.CASE);
        if (s.transformations().contains(Transformation.CASE) != best.name.skeleton().transformations().contains(Transformation.CASE)) {
            needed.add(Transformation.CASE);
        }
        for (Transformation t : best.name.skeleton().transformations()) if (t != Transformation.CASE) needed.remove(t);
        boolean deliberate = needed.stream().anyMatch(Transformation::deliberate);

        var sc = rules.scoring();
        double score = best.similarity * (sc.base() + sc.coverageWeight() * coverage)
                + (allBait.isEmpty() ? 0 : sc.baitBonus())
                + (deliberate ? sc.obfuscationBonus() : 0)
                + (copiesWholeName(best, coverage) ? sc.copyBonus() : 0);
        score = Math.min(1.0, Math.round(score * 1000) / 1000.0);
        boolean suspicious = score >= rules.thresholds().suspicious();
        return new NameVerdict(text, field, suspicious, score, best.name, best.kind, needed, allBait, false);
    }

    /** The whole name is a protected name of 6+ letters, unchanged: a display name copied onto another account. */
    private static boolean copiesWholeName(Match m, double coverage) {
        return m.similarity >= 1.0 && coverage >= 1.0 && m.name.key().length() >= COPY_MIN_LETTERS;
    }

    private static final int COPY_MIN_LETTERS = 6;

    private record Match(ProtectedName name, String kind, double similarity, int matchedChars,
                         List<String> gluedBait, int gluedBaitChars) {}

    /** A token with one bait word cut off its end or start: "binancesupport" -> "binance" + support. */
    private record Peeled(String rest, String bait, int baitChars) {}

    private List<Peeled> peelOnce(String token) {
        List<Peeled> out = null;
        int min = rules.similarity().oneEditFrom() - 1;
        for (var e : baitKeys.entrySet()) {
            String b = e.getKey();
            if (token.length() - b.length() < min) continue;
            String rest = token.endsWith(b) ? token.substring(0, token.length() - b.length())
                    : token.startsWith(b) ? token.substring(b.length()) : null;
            if (rest == null) continue;
            if (out == null) out = new ArrayList<>(2);
            out.add(new Peeled(rest, e.getValue(), b.length()));
        }
        return out == null ? List.of() : out;
    }

    /** A run of consecutive tokens, read as one word. */
    private record Window(String text, int words, boolean spelled, List<Peeled> peeled) {}

    /**
     * The best resemblance over all protected names. Names are looked up, not scanned: exact and
     * glued keys by hash, containment by substring lookup, fuzzy only against keys of a near length.
     */
    private Match bestMatch(List<String> tokens) {
        Map<ProtectedName, Match> perName = new java.util.HashMap<>();
        for (Window w : windows(tokens)) {
            String t = w.text();
            int n = t.length();
            for (ProtectedName p : byKey.getOrDefault(t, List.of())) {
                if (fits(p, w)) keep(perName, new Match(p, "exact", 1.0, n, List.of(), 0));
            }
            if (w.words() == 1) glued(t, perName);
            for (int len : containLengths) {
                if (len >= n) break;
                for (int at = 0; at + len <= n; at++) {
                    for (ProtectedName p : byKey.getOrDefault(t.substring(at, at + len), List.of())) {
                        if (fits(p, w)) keep(perName, new Match(p, "contains", 1.0, len, List.of(), 0));
                    }
                }
            }
            fuzzyAll(t, w, List.of(), 0, perName);
            for (Peeled x : w.peeled()) fuzzyAll(x.rest(), w, List.of(x.bait()), x.baitChars(), perName);
        }
        for (ProtectedName p : unspacedNames) {
            for (String t : tokens) if (t.contains(p.key())) keep(perName, new Match(p, t.equals(p.key()) ? "exact" : "contains", 1.0, p.key().length(), List.of(), 0));
        }
        Match best = null;
        for (Match m : perName.values()) {
            if (best == null || m.similarity * m.matchedChars > best.similarity * best.matchedChars) best = m;
        }
        return best;
    }

    private List<Window> windows(List<String> tokens) {
        List<Window> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            boolean spelled = true;
            for (int w = 1; w <= MAX_SPELLED && i + w <= tokens.size(); w++) {
                String t = tokens.get(i + w - 1);
                joined.append(t);
                if (t.length() > 2) spelled = false;
                if (w > MAX_WINDOW && !spelled) break;
                out.add(new Window(joined.toString(), w, spelled, w == 1 ? peelOnce(t) : List.of()));
            }
        }
        return out;
    }

    /** Whether a protected name may be read across this many words. */
    private boolean fits(ProtectedName p, Window w) {
        if (w.words() == 1) return true;
        int words = p.skeleton().tokens().size();
        int wordWindow = Math.min(MAX_WINDOW, words + 1);
        if (w.words() > wordWindow && !w.spelled()) return false;
        if (w.words() > Math.max(wordWindow, Math.min(p.key().length(), MAX_SPELLED))) return false;
        // a short brand spread over several words only counts when spelled out letter by letter
        return !(p.key().length() < rules.similarity().oneEditFrom() && !w.spelled() && words < w.words());
    }

    private void glued(String t, Map<ProtectedName, Match> perName) {
        for (int k = 1; k < t.length(); k++) {
            List<String> words = new ArrayList<>();
            for (ProtectedName p : byKey.getOrDefault(t.substring(0, k), List.of())) {
                if (peelBait(t.substring(k), words)) keep(perName, new Match(p, "glued", 1.0, k, List.copyOf(words), t.length() - k));
                words.clear();
            }
            for (ProtectedName p : byKey.getOrDefault(t.substring(k), List.of())) {
                if (peelBait(t.substring(0, k), words)) keep(perName, new Match(p, "glued", 1.0, t.length() - k, List.copyOf(words), k));
                words.clear();
            }
        }
    }

    private void fuzzyAll(String t, Window w, List<String> gluedBait, int gluedChars, Map<ProtectedName, Match> perName) {
        int n = t.length();
        long mask = letterMask(t);
        int[] counts = letterCounts(t);
        for (int len = Math.max(rules.similarity().oneEditFrom(), n - 2); len <= n + 2; len++) {
            for (Keyed k : byLength.getOrDefault(len, List.of())) {
                // letters in one and not the other: each edit explains at most two of them
                if (Long.bitCount(mask ^ k.mask()) > 4) continue;
                if (histogramDistance(counts, k.counts()) > 4) continue;
                ProtectedName p = k.name();
                if (!fits(p, w) || p.key().equals(t)) continue;
                Match m = fuzzy(p, t, gluedBait, gluedChars);
                if (m != null) keep(perName, m);
            }
        }
    }

    /** A protected name with the set of its key's letters, for a quick no before the edit distance. */
    private record Keyed(ProtectedName name, long mask, int[] counts) {}

    private static int[] letterCounts(String s) {
        int[] counts = new int[64];
        for (int i = 0; i < s.length(); i++) counts[s.charAt(i) & 63]++;
        return counts;
    }

    /** Letters that differ as multisets; each edit changes this by at most 2. */
    private static int histogramDistance(int[] a, int[] b) {
        int diff = 0;
        for (int i = 0; i < 64; i++) diff += Math.abs(a[i] - b[i]);
        return diff;
    }

    private static long letterMask(String s) {
        long m = 0;
        for (int i = 0; i < s.length(); i++) m |= 1L << (s.charAt(i) & 63);
        return m;
    }

    private static void keep(Map<ProtectedName, Match> perName, Match m) {
        perName.merge(m.name(), m, (a, b) -> b.similarity > a.similarity ? b : a);
    }

    private boolean peelBait(String rest, List<String> words) {
        if (rest.isEmpty()) return !words.isEmpty();
        for (var e : baitKeys.entrySet()) {
            if (rest.startsWith(e.getKey())) {
                words.add(e.getValue());
                if (peelBait(rest.substring(e.getKey().length()), words)) return true;
                words.remove(words.size() - 1);
            }
        }
        return false;
    }

    private Match fuzzy(ProtectedName p, String candidate, List<String> gluedBait, int gluedChars) {
        String key = p.key();
        var sim = rules.similarity();
        int maxEdits = key.length() >= sim.twoEditsFrom() ? 2 : 1;
        if (Math.abs(candidate.length() - key.length()) > maxEdits) return null;
        int d = (maxEdits == 2 ? twoEdits : oneEdit).apply(key, candidate);
        if (d < 0 && !EditOperations.isAdjacentSwap(key, candidate)) return null;
        double jw = JARO_WINKLER.apply(key, candidate);
        if (jw < sim.minJaroWinkler()) return null;
        // a near miss is weaker evidence than an exact copy: alone it does not reach the threshold
        return new Match(p, "fuzzy", jw * FUZZY_WEIGHT, candidate.length(), gluedBait, gluedChars);
    }

    private static boolean isUnspaced(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x2E80) return true;
        return false;
    }

    private static String stripAt(String username) {
        return username != null && username.startsWith("@") ? username.substring(1) : username;
    }
}
