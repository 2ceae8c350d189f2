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
    private final Map<String, int[]> byConcept = new HashMap<>(); // indices into flat
    private final int window;
    private final ScamExcuses excuses;

    ScamConcepts(Map<String, List<Pattern>> patterns, int window, ScamExcuses excuses) {
        patterns.forEach((name, list) -> {
            int[] indices = new int[list.size()];
            for (int k = 0; k < list.size(); k++) { indices[k] = flat.size(); flat.add(list.get(k)); }
            byConcept.put(name, indices);
        });
        this.window = window;
        this.excuses = excuses;
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
        private final Map<String, List<int[]>> matches = new HashMap<>();

        private Scan(String t, IntPredicate mayMatch, IntFunction<int[]> starts) {
            this.t = t;
            this.mayMatch = mayMatch;
            this.starts = starts;
        }

        /**
         * The span [start, end) of the first way the rule's combination holds in the message, or null: every
         * concept matched, unexcused for this rule, all within the window of the first concept's match.
         */
        int[] find(List<String> combination, ScamRule rule) {
            for (String concept : combination) if (!concept.startsWith(NOT) && !possible(concept)) return null;
            List<int[]> leads = matches(combination.get(0));
            if (leads.isEmpty()) return null;
            // every other concept matches somewhere before any match is judged for excuses (the costly part)
            for (int k = 1; k < combination.size(); k++) {
                String concept = combination.get(k);
                if (!concept.startsWith(NOT) && matches(concept).isEmpty()) return null;
            }
            for (int[] lead : leads) {
                if (excused(lead, rule)) continue;
                int from = lead[0], to = lead[1];
                boolean all = true;
                for (int k = 1; k < combination.size() && all; k++) {
                    String concept = combination.get(k);
                    if (concept.startsWith(NOT)) {
                        all = !near(matches(concept.substring(NOT.length())), lead);
                        continue;
                    }
                    int[] near = nearest(concept, lead, rule);
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
        private int[] nearest(String concept, int[] lead, ScamRule rule) {
            for (int[] m : matches(concept)) if (within(m, lead) && !excused(m, rule)) return m;
            return null;
        }

        private boolean excused(int[] m, ScamRule rule) {
            return excuses.excused(t, m[0], m[1], rule.unless(), rule.victimStory());
        }

        /** Some pattern of the concept passed the prefilter: without one, no regular expression needs to run. */
        private boolean possible(String concept) {
            for (int i : byConcept.get(concept)) if (mayMatch.test(i)) return true;
            return false;
        }

        /** Every whole-word match of the concept's patterns, in text order per pattern. */
        private List<int[]> matches(String concept) {
            return matches.computeIfAbsent(concept, name -> {
                List<int[]> out = new ArrayList<>();
                for (int i : byConcept.get(name)) {
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
                return out;
            });
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
