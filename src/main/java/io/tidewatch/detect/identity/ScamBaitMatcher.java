package io.tidewatch.detect.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds scam bait in text: folds homoglyphs and styled letters with the shared {@link NameSkeleton},
 * stands every key-like token (address, hash, key: see {@link ScamRules#opaqueTokenLength()}) in for
 * one {@value #TOKEN} so no rule can match inside it, matches every rule on whole words only (a match
 * never starts or ends inside a run of letters and digits: "vx" inside "…Vxdx4d…" is no WeChat id), tries a
 * rule's concept combinations ({@link ScamConcepts}) when none of its patterns matched, and drops a match
 * that is a warning, a question or a report ({@link ScamExcuses}), or (for that rule) a victim's. A pattern
 * runs only when the text holds its words, and only from where its first words occur ({@link PatternPrefilter}).
 * At most one finding per rule; excerpts are {@link ScamExcerpt#safe safe}. Thread-safe.
 */
public final class ScamBaitMatcher {
    static final char TOKEN = '#';
    private static final int MAX_EXCERPT = 80;

    private final ScamRules rules;
    private final NameSkeleton skeleton;
    private final ScamExcuses excuses;
    private final ScamConcepts concepts;
    /** The patterns of all rules in rule order, then the concept patterns, that a message can possibly match. */
    private final PatternPrefilter prefilter;
    private final int rulePatterns;
    /** Per rule, its combinations by concept numbers ({@link ScamConcepts#compile}). */
    private final int[][][] combinations;

    public ScamBaitMatcher(ScamRules rules, NameSkeleton skeleton) {
        this.rules = rules;
        this.skeleton = skeleton;
        this.excuses = new ScamExcuses(rules.counterPatterns(), rules.negations(), rules.warnings(), rules.reportedSpeech(), rules.reactions(),
                rules.invitations(), rules.assurances());
        this.concepts = new ScamConcepts(rules.concepts(), rules.combinationWindow(), excuses);
        List<Pattern> all = new ArrayList<>(rules.rules().stream().flatMap(r -> r.patterns().stream()).toList());
        this.rulePatterns = all.size();
        all.addAll(concepts.patterns());
        this.prefilter = new PatternPrefilter(all);
        this.combinations = rules.rules().stream()
                .map(r -> r.combinations().stream().map(concepts::compile).toArray(int[][]::new)).toArray(int[][][]::new);
    }

    public ScamRules rules() { return rules; }

    /** The text as the rules read it: homoglyphs folded, lower case, every key-like token one {@value #TOKEN}. */
    public String read(String text) {
        return reading(text).lower();
    }

    /**
     * A post read once for the rules and the model: folding a text is most of what reading it costs, so the
     * detector reads each post once ({@link #find(Reading)}, {@link ScamModelJudge#score(Reading)}).
     */
    public static final class Reading {
        private final String text;
        private final Compact compact;
        private final String lower;

        private Reading(String text, Compact compact) {
            this.text = text;
            this.compact = compact;
            this.lower = compact.text.toLowerCase(Locale.ROOT);
        }

        /** The post as written. */
        public String text() { return text; }

        /** As the rules and the model read it. */
        public String lower() { return lower; }
    }

    public Reading reading(String text) {
        String t = text == null ? "" : text;
        return new Reading(t, Compact.of(Deobfuscation.undo(skeleton.readable(t)), rules.opaqueTokenLength()));
    }

    public NameSkeleton skeleton() { return skeleton; }

    public List<ScamBait> find(String text) {
        return find(reading(text));
    }

    public List<ScamBait> find(Reading reading) {
        List<ScamBait> found = new ArrayList<>();
        String text = reading.text;
        if (text.isBlank()) return found;
        Compact c = reading.compact;
        String t = c.text;
        String lower = reading.lower;
        PatternPrefilter.Words words = prefilter.words(lower);
        ScamConcepts.Scan scan = null; // concept matches, found only when a rule's patterns did not match
        int first = 0; // index of the rule's first pattern in the prefilter
        for (int r = 0; r < rules.rules().size(); r++) {
            ScamRule rule = rules.rules().get(r);
            List<Pattern> patterns = rule.patterns();
            int base = first;
            first += patterns.size();
            ScamBait hit = null;
            for (int k = 0; k < patterns.size() && hit == null; k++) {
                if (!words.mayMatch(base + k)) continue;
                // the prefilter read the lower-cased text: its offsets hold in the matched text when casing kept its length
                int[] starts = lower.length() == t.length() ? words.starts(base + k) : null;
                hit = starts == null ? firstMatch(rule, patterns.get(k), t, c, text) : firstMatchFrom(starts, rule, patterns.get(k), t, c, text);
            }
            for (int k = 0; k < combinations[r].length && hit == null; k++) {
                if (scan == null) scan = conceptScan(t, lower, words);
                int[] span = scan.find(combinations[r][k], rule);
                if (span != null) hit = bait(rule, span[0], span[1], c, text);
            }
            if (hit != null) found.add(hit);
        }
        return found;
    }

    /** How many of the concepts match the post somewhere, unexcused ({@link ScamConcepts.Scan#matchedConcepts}). */
    int matchedConcepts(Reading reading) {
        String t = reading.compact.text, lower = reading.lower;
        if (reading.text.isBlank()) return 0;
        return conceptScan(t, lower, prefilter.words(lower)).matchedConcepts();
    }

    /** The concept matches of folded text t, as the prefilter's words of its lower case allow them. */
    private ScamConcepts.Scan conceptScan(String t, String lower, PatternPrefilter.Words words) {
        // the prefilter read the lower-cased text: its offsets hold in t when casing kept its length
        return concepts.scan(t, i -> words.mayMatch(rulePatterns + i),
                i -> lower.length() == t.length() ? words.starts(rulePatterns + i) : null);
    }

    private ScamBait firstMatch(ScamRule rule, Pattern pattern, String t, Compact c, String text) {
        Matcher m = pattern.matcher(t);
        int from = 0;
        while (from <= t.length() && m.find(from)) {
            int s = m.start(), e = m.end();
            from = s + 1;
            if (e == s || !wholeWords(t, s, e) || excuses.excused(t, s, e, rule)) continue;
            return bait(rule, s, e, c, text);
        }
        return null;
    }

    /** As {@link #firstMatch}, trying a match only at each of {@code starts}, where every match of the pattern starts. */
    private ScamBait firstMatchFrom(int[] starts, ScamRule rule, Pattern pattern, String t, Compact c, String text) {
        for (int s : starts) {
            if (AnchoredMatch.insideWord(t, s)) continue; // see wholeWords
            int e = AnchoredMatch.end(pattern, t, s);
            if (e <= s || !wholeWords(t, s, e) || excuses.excused(t, s, e, rule)) continue;
            return bait(rule, s, e, c, text);
        }
        return null;
    }

    /** The finding for folded span [s, e), in the original text's offsets. */
    private static ScamBait bait(ScamRule rule, int s, int e, Compact c, String text) {
        int start = c.originalStart(s);
        int end = Math.min(text.length(), Math.max(c.originalEnd(e - 1), start));
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) end++;
        return new ScamBait(rule, start, end, excerpt(text, start, end));
    }

    /** A match starts and ends at word edges: never inside a run of ASCII letters and digits. */
    static boolean wholeWords(String t, int start, int end) {
        if (AnchoredMatch.insideWord(t, start)) return false;
        return end >= t.length() || !AnchoredMatch.alnum(t.charAt(end - 1)) || !AnchoredMatch.alnum(t.charAt(end));
    }

    /**
     * True when the text around {@code text[start, end)} warns about scams, asks whether something is
     * real or reports it ({@link ScamExcuses}). For other detectors' matches (fake staff handles) in the original text.
     */
    public boolean warnsOrAsks(String text, int start, int end) {
        return excuses.excused(text.toLowerCase(Locale.ROOT), start, end);
    }

    /** True when the text negates, warns, asks or reports anywhere ({@link ScamExcuses}): the learned model's excuse. */
    public boolean warnsOrAsksAnywhere(String text) {
        return warnsOrAsksAnywhere(reading(text));
    }

    /** As {@link #warnsOrAsksAnywhere(String)}, for a post already read. */
    boolean warnsOrAsksAnywhere(Reading reading) {
        return excuses.anywhere(reading.lower());
    }

    /** True when the text asks, supposes or reports anywhere ({@link ScamExcuses}), not counting negations and warnings. */
    boolean asksAnywhere(Reading reading) {
        return excuses.asksAnywhere(reading.lower());
    }

    /** The safe excerpt of {@code text[start, end)}, on one line and at most {@link #MAX_EXCERPT} long. */
    static String excerpt(String text, int start, int end) {
        String one = ScamExcerpt.safe(text, start, end);
        return one.length() <= MAX_EXCERPT ? one : one.substring(0, MAX_EXCERPT - 1) + "…";
    }

    /**
     * Folded text with every key-like token replaced by one {@value #TOKEN}, and for each character the
     * original offsets it stands for. A bait sentence stays as short as the scammer wrote it ("send 0.1
     * ETH to # to verify"), and nothing matches inside the key.
     */
    private record Compact(String text, int[] starts, int[] ends) {
        static Compact of(NameSkeleton.FoldedText folded, int minLength) {
            String f = folded.text();
            // most posts hold no key-like token: the folded text is the compact one, each char standing for one original
            if (!anyOpaque(f, minLength)) return new Compact(f, folded.offsets(), null);
            StringBuilder sb = new StringBuilder(f.length());
            int[] starts = new int[f.length()], ends = new int[f.length()];
            int n = 0;
            for (int i = 0; i < f.length(); ) {
                int j = i;
                while (j < f.length() && tokenChar(f.charAt(j))) j++;
                if (j > i && opaque(f, i, j, minLength)) {
                    sb.append(TOKEN);
                    starts[n] = folded.originalIndex(i);
                    ends[n] = folded.originalIndex(j - 1) + 1;
                    n++;
                    i = j;
                    continue;
                }
                int stop = Math.max(j, i + 1);
                for (int k = i; k < stop; k++) {
                    sb.append(f.charAt(k));
                    starts[n] = folded.originalIndex(k);
                    ends[n] = folded.originalIndex(k) + 1;
                    n++;
                }
                i = stop;
            }
            return new Compact(sb.toString(), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
        }

        int originalStart(int i) { return i >= starts.length ? (starts.length == 0 ? 0 : originalEnd(starts.length - 1)) : starts[i]; }

        /** {@code ends} is null when no token was replaced: each char then ends one after it starts. */
        int originalEnd(int i) {
            int k = Math.min(i, starts.length - 1);
            return ends == null ? starts[k] + 1 : ends[k];
        }

        private static boolean anyOpaque(String f, int minLength) {
            for (int i = 0; i < f.length(); ) {
                int j = i;
                while (j < f.length() && tokenChar(f.charAt(j))) j++;
                if (j > i && opaque(f, i, j, minLength)) return true;
                i = Math.max(j, i + 1);
            }
            return false;
        }

        /** Letters, digits and base64's "+/=": the alphabets of keys, addresses and hashes. */
        private static boolean tokenChar(char c) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
        }

        private static boolean opaque(String f, int from, int to, int minLength) {
            if (to - from < minLength) return false;
            boolean letter = false, digit = false;
            for (int k = from; k < to && !(letter && digit); k++) {
                char c = f.charAt(k);
                if (c >= '0' && c <= '9') digit = true;
                else if (c >= 'a' && c <= 'z') letter = true;
            }
            return letter && digit || to - from >= 2 * minLength;
        }
    }
}
