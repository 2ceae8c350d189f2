package io.tidewatch.detect.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The concepts of {@code rules/scam.yaml} ("a private contact offered", "a payment demanded", "a release
 * promised"…) that rules combine: a combination holds when each of its concepts matches the message, none
 * of those matches excused, all within {@code window} characters, and none of its "no …" concepts matches
 * there ("a payment demanded before a release, no network fee named": a real fee is no bait). "Withdrawal issues? I have a direct line to
 * finance, message me" is bait in any order and any wording the concepts know, where one pattern per phrasing
 * would need both orders and every word. Thread-safe; a {@link Scan} is one message's.
 */
final class ScamConcepts {
    /** Prefix of a concept that must not match near the others. */
    static final String NOT = "no ";
    private final List<Pattern> flat = new ArrayList<>();
    /** Each concept's number, and per number the indices into {@code flat} of its patterns. */
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<int[]> byId = new ArrayList<>();
    private final int window;
    private final ScamExcuses excuses;

    ScamConcepts(Map<String, List<Pattern>> patterns, int window, ScamExcuses excuses) {
        patterns.forEach((name, list) -> {
            int[] indices = new int[list.size()];
            for (int k = 0; k < list.size(); k++) { indices[k] = flat.size(); flat.add(list.get(k)); }
            ids.put(name, byId.size());
            byId.add(indices);
        });
        this.window = window;
        this.excuses = excuses;
    }

    /**
     * A combination by concept numbers, as {@link Scan#find(int[], ScamRule)} takes it: a concept that must match
     * as its number, a "no …" concept as -1 - its number. Rules are compiled once: a message asks hundreds of times.
     */
    int[] compile(List<String> combination) {
        int[] out = new int[combination.size()];
        for (int k = 0; k < out.length; k++) {
            String name = combination.get(k);
            boolean not = name.startsWith(NOT);
            Integer id = ids.get(not ? name.substring(NOT.length()) : name);
            if (id == null) throw new IllegalArgumentException("no concept '" + name + "'");
            out[k] = not ? -1 - id : id;
        }
        return out;
    }

    /** Every concept pattern, in the order {@link #scan} numbers its candidates. */
    List<Pattern> patterns() {
        return flat;
    }

    /**
     * @param mayMatch whether concept pattern i (numbered as in {@link #patterns}) may match t, by its words
     * @param starts   where a match of concept pattern i can start, ascending, or null when anywhere
     */
    Scan scan(String t, IntPredicate mayMatch, IntFunction<int[]> starts) {
        return new Scan(t, mayMatch, starts);
    }

    /** One message's concept matches, found once and only for the concepts a rule asks about. */
    final class Scan {
        private final String t;
        private final IntPredicate mayMatch;
        private final IntFunction<int[]> starts;
        /** Per concept number: its matches once looked for, and whether it may match at all (0: not yet asked). */
        private final List<int[]>[] matches;
        private final byte[] possible;

        @SuppressWarnings("unchecked")
        private Scan(String t, IntPredicate mayMatch, IntFunction<int[]> starts) {
            this.t = t;
            this.mayMatch = mayMatch;
            this.starts = starts;
            this.matches = new List[byId.size()];
            this.possible = new byte[byId.size()];
        }

        /**
         * The span [start, end) of the first way the rule's combination ({@link #compile compiled}) holds in the
         * message, or null: every concept matched, unexcused for this rule, all within the window of the first
         * concept's match.
         */
        int[] find(int[] combination, ScamRule rule) {
            for (int c : combination) if (c >= 0 && !possible(c)) return null;
            List<int[]> leads = matches(combination[0]);
            if (leads.isEmpty()) return null;
            // every other concept matches somewhere before any match is judged for excuses (the costly part)
            for (int k = 1; k < combination.length; k++) {
                if (combination[k] >= 0 && matches(combination[k]).isEmpty()) return null;
            }
            for (int[] lead : leads) {
                if (excused(lead, rule)) continue;
                int from = lead[0], to = lead[1];
                boolean all = true;
                for (int k = 1; k < combination.length && all; k++) {
                    int c = combination[k];
                    if (c < 0) {
                        all = !near(matches(-1 - c), lead);
                        continue;
                    }
                    int[] near = nearest(c, lead, rule);
                    if (near == null) all = false;
                    else { from = Math.min(from, near[0]); to = Math.max(to, near[1]); }
                }
                if (all && to - from <= window) return new int[]{from, to};
            }
            return null;
        }

        private boolean near(List<int[]> found, int[] lead) {
            for (int[] m : found) if (within(m, lead)) return true;
            return false;
        }

        private boolean within(int[] m, int[] lead) {
            return m[0] >= lead[1] - window && m[1] <= lead[0] + window;
        }

        /** An unexcused match of the concept within the window around the lead match. */
        private int[] nearest(int concept, int[] lead, ScamRule rule) {
            for (int[] m : matches(concept)) if (within(m, lead) && !excused(m, rule)) return m;
            return null;
        }

        private boolean excused(int[] m, ScamRule rule) {
            return excuses.excused(t, m[0], m[1], rule);
        }

        /** How many concepts match somewhere in the message, a match not excused by the words around it. */
        int matchedConcepts() {
            int n = 0;
            for (int c = 0; c < possible.length; c++) {
                if (!possible(c)) continue;
                for (int[] m : matches(c)) {
                    if (!excuses.excused(t, m[0], m[1])) { n++; break; }
                }
            }
            return n;
        }

        /** Some pattern of the concept passed the prefilter: without one, no regular expression needs to run. */
        private boolean possible(int concept) {
            if (possible[concept] == 0) {
                possible[concept] = 2;
                for (int i : byId.get(concept)) if (mayMatch.test(i)) { possible[concept] = 1; break; }
            }
            return possible[concept] == 1;
        }

        /** Every whole-word match of the concept's patterns, in text order per pattern. */
        private List<int[]> matches(int concept) {
            if (matches[concept] == null) {
                List<int[]> out = new ArrayList<>();
                for (int i : byId.get(concept)) {
                    if (!mayMatch.test(i)) continue;
                    int[] at = starts.apply(i);
                    if (at != null) {
                        matchesFrom(at, flat.get(i), out);
                        continue;
                    }
                    Matcher m = flat.get(i).matcher(t);
                    int from = 0;
                    while (from <= t.length() && m.find(from)) {
                        int s = m.start(), e = m.end();
                        from = Math.max(e, s + 1);
                        if (e > s && ScamBaitMatcher.wholeWords(t, s, e)) out.add(new int[]{s, e});
                    }
                }
                matches[concept] = out;
            }
            return matches[concept];
        }

        /**
         * As the search above, trying the pattern only at {@code at}, where every match of it starts. A match
         * inside a word is never whole, and is not tried: unlike the search's, it hides no match that starts within it.
         */
        private void matchesFrom(int[] at, Pattern pattern, List<int[]> out) {
            int from = 0;
            for (int s : at) {
                if (s < from || AnchoredMatch.insideWord(t, s)) continue;
                int e = AnchoredMatch.end(pattern, t, s);
                if (e < 0) continue;
                from = Math.max(e, s + 1);
                if (e > s && ScamBaitMatcher.wholeWords(t, s, e)) out.add(new int[]{s, e});
            }
        }
    }
}
