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
    /** "O K X", "E x E x": a name spelled out in single letters is read as one word, up to this many pieces. */
    private static final int MAX_SPELLED = 12;

    private final IdentityRules rules;
    private final ProtectedNames names;
    private final NameSkeleton skeleton;
    /** canonical bait key -> the bait word as the rules write it */
    private final Map<String, String> baitKeys = new LinkedHashMap<>();
    private final Map<String, String> unspacedBait = new LinkedHashMap<>();
    private final LevenshteinDistance oneEdit = new LevenshteinDistance(1);
    private final LevenshteinDistance twoEdits = new LevenshteinDistance(2);

    public NameJudge(IdentityRules rules, ProtectedNames names) {
        this.rules = rules;
        this.names = names;
        this.skeleton = rules.skeleton();
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
        Skeleton s = skeleton.of(text);
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

        Match best = null;
        for (ProtectedName p : names.all()) {
            Match m = match(p, tokens);
            if (m != null && (best == null || m.similarity * m.matchedChars > best.similarity * best.matchedChars)) best = m;
        }
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
                + (deliberate ? sc.obfuscationBonus() : 0);
        score = Math.min(1.0, Math.round(score * 1000) / 1000.0);
        boolean suspicious = score >= rules.thresholds().suspicious();
        return new NameVerdict(text, field, suspicious, score, best.name, best.kind, needed, allBait, false);
    }

    private record Match(ProtectedName name, String kind, double similarity, int matchedChars,
                         List<String> gluedBait, int gluedBaitChars) {}

    private Match match(ProtectedName p, List<String> tokens) {
        String key = p.key();
        int len = key.length();
        if (p.unspaced()) {
            for (String t : tokens) if (t.contains(key)) return new Match(p, t.equals(key) ? "exact" : "contains", 1.0, len, List.of(), 0);
            return null;
        }
        var sim = rules.similarity();
        Match best = null;
        int wordWindow = Math.min(MAX_WINDOW, p.skeleton().tokens().size() + 1);
        int maxWindow = Math.max(wordWindow, Math.min(len, MAX_SPELLED));
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            boolean shortPieces = true;
            for (int w = 1; w <= maxWindow && i + w <= tokens.size(); w++) {
                String t = tokens.get(i + w - 1);
                joined.append(t);
                if (t.length() > 2) shortPieces = false;
                // a short brand spread over several words only counts when spelled out letter by letter
                if (w > wordWindow && !shortPieces) break;
                if (w > 1 && len < sim.oneEditFrom() && !shortPieces && p.skeleton().tokens().size() < w) continue;
                Match m = compare(p, joined.toString(), w == 1);
                if (m != null && (best == null || m.similarity > best.similarity)) best = m;
                if (best != null && best.similarity >= 1.0 && best.kind.equals("exact")) return best;
            }
        }
        return best;
    }

    private Match compare(ProtectedName p, String candidate, boolean singleToken) {
        String key = p.key();
        int len = key.length();
        var sim = rules.similarity();
        if (candidate.equals(key)) return new Match(p, "exact", 1.0, len, List.of(), 0);
        if (singleToken && candidate.length() > len) {
            Match glued = glued(p, candidate);
            if (glued != null) return glued;
        }
        if (len >= sim.containmentFrom() && candidate.contains(key)) return new Match(p, "contains", 1.0, len, List.of(), 0);
        if (len < sim.oneEditFrom()) return null;
        Match fuzzy = fuzzy(p, candidate, List.of(), 0);
        if (fuzzy == null && singleToken) {
            for (var e : baitKeys.entrySet()) {
                String b = e.getKey();
                if (candidate.length() - b.length() < sim.oneEditFrom() - 1) continue;
                if (candidate.endsWith(b)) fuzzy = fuzzy(p, candidate.substring(0, candidate.length() - b.length()), List.of(e.getValue()), b.length());
                else if (candidate.startsWith(b)) fuzzy = fuzzy(p, candidate.substring(b.length()), List.of(e.getValue()), b.length());
                if (fuzzy != null) break;
            }
        }
        return fuzzy;
    }

    /** "okxsupport", "adminokx", "okxadminteam": the brand run together with bait words. */
    private Match glued(ProtectedName p, String candidate) {
        String key = p.key();
        List<String> words = new ArrayList<>();
        if (candidate.startsWith(key) && peelBait(candidate.substring(key.length()), words)) {
            return new Match(p, "glued", 1.0, key.length(), words, candidate.length() - key.length());
        }
        words.clear();
        if (candidate.endsWith(key) && peelBait(candidate.substring(0, candidate.length() - key.length()), words)) {
            return new Match(p, "glued", 1.0, key.length(), words, candidate.length() - key.length());
        }
        return null;
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
