package io.tidewatch.detect.secrets;

import com.google.re2j.Matcher;
import io.tidewatch.core.Category;
import io.tidewatch.core.Detector;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.core.Severity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds leaked secrets in a post: normalizes the text, asks the keyword index which rules can
 * match, runs those (RE2/J, linear time) with entropy, allowlists, validators and context, joins
 * composite rules, keeps one finding per region (the most severe) and reports original-text
 * spans with redacted excerpts and salted fingerprints. Thread-safe.
 */
public final class SecretScanner implements Detector {
    private final RuleSet rules;
    private final Fingerprinter fingerprinter;
    private final Map<String, SeedPhraseFinder> seedFinders = new HashMap<>();
    /** Per rule (by identity, built once): its negative and its positive context words, indexed by first char. */
    private final Map<SecretRule, ContextWords[]> contextWords = new java.util.IdentityHashMap<>();
    /** Where the rules led by literal words can match: those are tried there only. */
    private final RuleStarts starts;

    public SecretScanner(RuleSet rules, Fingerprinter fingerprinter) {
        this.rules = rules;
        this.fingerprinter = fingerprinter;
        for (SecretRule r : rules.rules()) {
            if ("bip39".equals(r.detector())) seedFinders.put(r.id(), new SeedPhraseFinder(r.contextWords(), r.negativeContext(), r.phraseCues()));
            contextWords.put(r, new ContextWords[]{new ContextWords(r.negativeContext()), new ContextWords(r.contextWords())});
        }
        starts = new RuleStarts(rules.rules());
    }

    public RuleSet rules() { return rules; }

    @Override
    public List<Finding> inspect(Post post) { return scan(post.text()); }

    /** A match in normalized text: its span, the secret parts in it, and how to show and fingerprint it. */
    private record Hit(SecretRule rule, int start, int end, List<int[]> secretSpans, List<String> secrets,
                       String excerpt, Severity severity, String reason) {
        int length() { return end - start; }

        int secretLength() { return secretSpans.stream().mapToInt(s -> s[1] - s[0]).sum(); }
    }

    /**
     * Findings and the exact text of every secret part any rule validated in the message (also those
     * a more severe overlapping finding won), in original-text form: what no excerpt may repeat.
     */
    public record Scan(List<Finding> findings, List<String> secretTexts) {}

    public List<Finding> scan(String text) { return scanDetailed(text).findings(); }

    public Scan scanDetailed(String text) {
        if (text == null || text.isEmpty()) return new Scan(List.of(), List.of());
        NormalizedText nt = TextNormalizer.normalize(text);
        BitSet candidates = rules.candidates(nt.lower());
        Scan plain = scan(text, nt, candidates);
        // a value dictated in pieces (over lines, in groups) is read once more, whole; one handed over in labelled
        // parts ("part 1 … part 2 …", "first 8: 4777 8749 ⏎ last 8: …") too, the labels dropped and the values joined
        TextShape shape = TextShape.of(nt.text()); // one pass tells each reading whether it has anything to do
        NormalizedText joined = FragmentJoiner.join(nt, shape);
        Scan out = joined == null ? plain : merged(plain, scan(text, joined));
        NormalizedText parts = PartJoiner.join(nt, rules.partLabels(), shape);
        if (parts != null) out = merged(out, scan(text, parts));
        // and one with the marks put inside a value to hide it from this bot taken out ("4098🦊1140🦊…", "7Kq2.ZxRb…")
        NormalizedText unmarked = InsertedSeparators.read(nt, shape);
        if (unmarked != null) out = merged(out, scan(text, unmarked));
        // and one without the mark the message says to take out ("点去掉就行"), or the right way round when it says a
        // value is written backwards
        ReadingCues.Said said = rules.said(candidates);
        if (said == null) return out;
        NormalizedText removed = RemovedMarks.read(nt, said.removals());
        if (removed != null) out = merged(out, scan(text, removed));
        NormalizedText reversed = said.reversed() ? ReversedValues.read(nt) : null;
        if (reversed != null) out = merged(out, scan(text, reversed));
        // and one with a label in another language ("contraseña:", "パスワード") in the words the rules know
        NormalizedText translated = TranslatedLabels.read(nt, said.translations());
        return translated == null ? out : merged(out, scan(text, translated));
    }

    /**
     * The findings of both readings, one per region (the more severe; the plain reading's on a tie), every
     * excerpt masking the secrets either found.
     */
    private static Scan merged(Scan plain, Scan joined) {
        if (joined.findings().isEmpty()) return plain;
        List<Finding> all = new ArrayList<>(plain.findings());
        all.addAll(joined.findings());
        all.sort(Comparator.comparing(Finding::severity).reversed()); // stable: plain first on a tie
        List<String> secrets = new ArrayList<>(plain.secretTexts());
        secrets.addAll(joined.secretTexts());
        Redactor.SecretWindows windows = Redactor.SecretWindows.of(secrets);
        List<Finding> kept = new ArrayList<>();
        for (Finding f : all) {
            boolean overlaps = false;
            for (Finding k : kept) if (f.start() < k.end() && k.start() < f.end()) { overlaps = true; break; }
            if (!overlaps) kept.add(new Finding(f.category(), f.rule(), f.severity(), f.start(), f.end(),
                    windows.mask(f.excerpt()), f.reason(), f.fingerprint()));
        }
        kept.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return new Scan(kept, List.copyOf(secrets));
    }

    /** One reading of the message: {@code nt} is the original text normalized, or that joined. */
    private Scan scan(String text, NormalizedText nt) { return scan(text, nt, rules.candidates(nt.lower())); }

    /** As {@link #scan(String, NormalizedText)}, told the candidates (bits from {@code rules.size()} on are reading cues). */
    private Scan scan(String text, NormalizedText nt, BitSet candidates) {
        Map<Integer, List<Hit>> hits = new HashMap<>();
        RuleStarts.Places places = starts.in(nt);
        CharRuns runs = null;
        int ruleCount = rules.size();
        for (int i = candidates.nextSetBit(0); i >= 0 && i < ruleCount; i = candidates.nextSetBit(i + 1)) {
            SecretRule rule = rules.rules().get(i);
            if (rule.skipReport() && rules.isRequired(rule.id())) continue; // matched only when a composite needs it
            if (!rule.requires().isEmpty()) {
                if (runs == null) runs = new CharRuns(nt.text());
                if (!runs.satisfiesAll(rule.requires())) continue;
            }
            if (!rule.alsoKeywordIn(nt.lower())) continue;
            List<Hit> h = match(i, nt, places);
            if (!h.isEmpty()) hits.put(i, h);
        }
        if (hits.isEmpty()) return new Scan(List.of(), List.of()); // the common case: nothing found
        List<Hit> reported = new ArrayList<>();
        // a snapshot: composites may match the rules they require (not keyword candidates) into the map
        for (Map.Entry<Integer, List<Hit>> e : new ArrayList<>(hits.entrySet())) {
            SecretRule r = rules.rules().get(e.getKey());
            if (r.skipReport()) continue;
            if (r.required().isEmpty()) reported.addAll(e.getValue());
            else for (Hit primary : e.getValue()) {
                Hit composite = composite(primary, nt, places, hits);
                if (composite != null) reported.add(composite);
            }
        }
        List<int[]> allSpans = new ArrayList<>();
        List<String> allSecrets = new ArrayList<>();
        for (List<Hit> hs : hits.values()) {
            for (Hit h : hs) {
                allSpans.addAll(h.secretSpans());
                allSecrets.addAll(h.secrets());
            }
        }
        if (allSpans.isEmpty()) return new Scan(List.of(), List.of()); // the common case: nothing found
        List<String> secretTexts = new ArrayList<>(allSpans.size());
        for (int[] span : allSpans) {
            int from = nt.originalStart(span[0]), to = nt.originalEnd(span[1]);
            if (to > from) secretTexts.add(text.substring(from, to));
        }
        return new Scan(findings(nt, dedupe(reported), allSpans, allSecrets, secretTexts), List.copyOf(secretTexts));
    }

    private List<Hit> match(int index, NormalizedText nt, RuleStarts.Places places) {
        SecretRule rule = rules.rules().get(index);
        if ("bip39".equals(rule.detector())) return seedPhrases(rule, nt);
        List<Hit> out = new ArrayList<>();
        String t = nt.text();
        boolean led = places.led(index);
        if (!led && rule.prefilter() != null && !rule.prefilter().matcher(t).find()) return out;
        Matcher search = led ? null : rule.regex().matcher(t);
        for (int from = 0; from <= t.length(); ) {
            RuleStarts.Found m = led ? places.next(index, rule.regex(), from)
                    : search.find(from) ? new RuleStarts.Found(search, 0, search.start()) : null;
            if (m == null) break;
            int gs, ge;
            int g = secretGroup(rule, m);
            gs = m.start(g);
            ge = m.end(g);
            // the next search starts where the value ends: the char that ended this match may begin the next
            // ("2025 548391": a year, refused, then the code)
            from = Math.max(m.start() + 1, gs >= 0 && ge > gs ? ge : m.end());
            if (gs < 0 || ge <= gs) continue;
            String secret = t.substring(gs, ge);
            if (!passes(rule, nt, m.start(), m.end(), gs, ge, secret)) continue;
            out.add(new Hit(rule, m.start(), m.end(), List.of(new int[]{gs, ge}), List.of(secret), null,
                    rule.severity(), rule.description()));
        }
        return out;
    }

    /** gitleaks: {@code secretGroup}, else the first non-empty capture group, else the whole match. */
    private static int secretGroup(SecretRule rule, RuleStarts.Found m) {
        if (rule.secretGroup() > 0) return rule.secretGroup();
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0 && m.end(g) > m.start(g)) return g;
        }
        return 0;
    }

    /** [start, end) is the whole match, [gs, ge) the secret in it. */
    private boolean passes(SecretRule rule, NormalizedText nt, int start, int end, int gs, int ge, String secret) {
        if (rule.entropy() != null && Entropy.shannon(secret) <= rule.entropy()) return false;
        if (rule.id().startsWith("generic") && rule.file() != null && !secret.chars().anyMatch(Character::isDigit)
                && rule.validator() == null) {
            return false; // gitleaks: generic rules need a digit in the secret
        }
        // the words around first: a scan of a short window, where an allowlist runs a regex over the value (every test
        // here is a pure predicate, so the order changes only the cost: a random token with no name near it is common)
        if (!contextAllows(rule, nt.lower(), start, end, gs, ge)) return false;
        String t = nt.text();
        String match = t.substring(start, end);
        String line = lineOf(t, start, end);
        for (Allowlist a : rule.allowlists()) if (a.allows(secret, match, line)) return false;
        for (Allowlist a : rules.fileAllowlists(rule)) if (a.allows(secret, match, line)) return false;
        if (rule.validator() != null && !rule.validator().valid(secret)) return false;
        if (rule.outsidePhoneNumbers() && PhoneNumbers.covers(t, gs, ge)) return false;
        return !explainsFormat(nt.lower(), start);
    }

    /**
     * Words are looked for around the match; which side is nearer is measured from the secret itself: the one-char
     * borders a regex takes around a value ("号420106…，UID") would otherwise put the label before and the next
     * field's name after at the same distance, and a tie goes to the negative word.
     */
    private boolean contextAllows(SecretRule rule, String lower, int start, int end, int gs, int ge) {
        if (rule.contextWords().isEmpty() && rule.negativeContext().isEmpty()) return true;
        ContextWords[] words = contextWords.get(rule);
        int from = Math.max(0, start - rule.contextWindow());
        int to = Math.min(lower.length(), end + rule.contextWindow());
        // a negative word must stand as a word: "md5" inside a key ("…MMd5w2…") says nothing
        List<int[]> negatives = words[0].occurrences(lower, from, to, true);
        // where a positive and a negative phrase overlap, the longer one speaks: "code is" in "referral code is"
        // does not count, "phone" in "sent it to my phone" does not veto
        List<int[]> positives = words[1].occurrences(lower, from, to, false);
        if (!negatives.isEmpty() && !positives.isEmpty()) {
            List<int[]> p = longerThanOverlapping(positives, negatives, false);
            negatives = longerThanOverlapping(negatives, positives, true);
            positives = p;
        }
        // a negative word that labels the value ("digest: …") says what it is, whatever the next field is called
        if (labels(negatives, lower, gs) && !labels(positives, lower, gs)) return false;
        int pos = nearest(positives, gs, ge);
        int neg = nearest(negatives, gs, ge);
        if (neg >= 0 && (pos < 0 || neg <= pos)) return false;
        return !rule.contextRequired() || pos >= 0;
    }

    /** The spans of {@code a} that no overlapping span of {@code b} outweighs (is longer; or as long, when {@code winsTies}). */
    private static List<int[]> longerThanOverlapping(List<int[]> a, List<int[]> b, boolean winsTies) {
        List<int[]> out = new ArrayList<>(a.size());
        for (int[] x : a) {
            boolean outweighed = false;
            for (int[] y : b) {
                if (x[0] < y[1] && y[0] < x[1]) {
                    int lx = x[1] - x[0], ly = y[1] - y[0];
                    if (ly > lx || ly == lx && !winsTies) { outweighed = true; break; }
                }
            }
            if (!outweighed) out.add(x);
        }
        return out;
    }

    /** Whether one of the words ends just before {@code gs}, with at most a separator or two between ("key: ", "号"). */
    private static boolean labels(List<int[]> occurrences, String lower, int gs) {
        for (int[] o : occurrences) {
            if (o[1] > gs || gs - o[1] > 3) continue;
            boolean separators = true;
            for (int i = o[1]; i < gs && separators; i++) separators = LABEL_SEPARATORS.indexOf(lower.charAt(i)) >= 0;
            if (separators) return true;
        }
        return false;
    }

    private static final String LABEL_SEPARATORS = " :=：\"'(（[";

    /** Distance from the match [start, end) to the closest occurrence, or -1. */
    private static int nearest(List<int[]> occurrences, int start, int end) {
        int best = -1;
        for (int[] o : occurrences) {
            int d = o[1] <= start ? start - o[1] : o[0] >= end ? o[0] - end : 0;
            if (best < 0 || d < best) best = d;
        }
        return best;
    }

    /** A value inside a code block or `inline code` of a message that explains a format is an illustration. */
    private boolean explainsFormat(String lower, int start) {
        List<String> words = rules.formatWords();
        if (words.isEmpty() || lower.indexOf('`') < 0) return false;
        boolean explains = false;
        for (String w : words) if (saysWord(lower, w)) { explains = true; break; }
        if (!explains) return false;
        int fences = 0, ticks = 0;
        for (int i = 0; i < start; i++) {
            if (lower.startsWith("```", i)) { fences++; i += 2; }
            else if (lower.charAt(i) == '`') ticks++;
        }
        return fences % 2 == 1 || ticks % 2 == 1;
    }

    /**
     * The word stands in the prose, not inside a host, a path or a name: "rpc.example/", "example.com" and
     * "my_sample_key" say nothing about the message explaining a format.
     */
    private static boolean saysWord(String lower, String w) {
        if (!isLatinLetter(w.charAt(0))) return lower.contains(w);
        for (int i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
            int end = i + w.length();
            boolean gluedBefore = i > 0 && (Character.isLetterOrDigit(lower.charAt(i - 1))
                    || joinsName(lower.charAt(i - 1)) && i > 1 && Character.isLetterOrDigit(lower.charAt(i - 2)));
            boolean gluedAfter = end + 1 < lower.length() && joinsName(lower.charAt(end))
                    && Character.isLetterOrDigit(lower.charAt(end + 1));
            if (!gluedBefore && !gluedAfter) return true;
        }
        return false;
    }

    private static boolean isLatinLetter(char c) { return c >= 'a' && c <= 'z'; }

    /** Chars that join the parts of a host, a path or an identifier. */
    private static boolean joinsName(char c) { return c == '.' || c == '/' || c == '-' || c == '_' || c == '@' || c == ':'; }

    private List<Hit> seedPhrases(SecretRule rule, NormalizedText nt) {
        List<Hit> out = new ArrayList<>();
        for (SeedPhraseFinder.Phrase p : seedFinders.get(rule.id()).find(nt)) {
            if (explainsFormat(nt.lower(), p.start())) continue;
            Severity sev = p.checksumVerified() ? rule.severity() : Severity.values()[Math.max(0, rule.severity().ordinal() - 1)];
            String reason = rule.description() + (p.checksumVerified() ? " (BIP-39 checksum verified)" : " (checksum not verified; context says seed phrase)");
            out.add(new Hit(rule, p.start(), p.end(), List.of(new int[]{p.start(), p.end()}),
                    List.of(p.language() + ":" + java.util.Arrays.toString(p.indices())),
                    Redactor.maskPhrase(p.words()), sev, reason));
        }
        return out;
    }

    /** A composite holds when every required rule matched near the primary match. */
    private Hit composite(Hit primary, NormalizedText nt, RuleStarts.Places places, Map<Integer, List<Hit>> hits) {
        List<int[]> spans = new ArrayList<>(primary.secretSpans());
        List<String> secrets = new ArrayList<>(primary.secrets());
        int start = primary.start(), end = primary.end();
        for (RequiredRule q : primary.rule().required()) {
            int idx = rules.indexOf(q.id());
            List<Hit> candidates = hits.computeIfAbsent(idx, i -> match(i, nt, places));
            Hit found = null;
            for (Hit h : candidates) {
                if (h.start() == primary.start() && h.end() == primary.end()) continue;
                if (overlaps(h.secretSpans(), spans)) continue; // a pair needs two secrets, not one read twice
                if (near(nt.text(), primary, h, q)) { found = h; break; }
            }
            if (found == null) return null;
            spans.addAll(found.secretSpans());
            secrets.addAll(found.secrets());
            start = Math.min(start, found.start());
            end = Math.max(end, found.end());
        }
        return new Hit(primary.rule(), start, end, spans, secrets, null, primary.rule().severity(), primary.rule().description());
    }

    private static boolean overlaps(List<int[]> a, List<int[]> b) {
        for (int[] x : a) for (int[] y : b) if (x[0] < y[1] && y[0] < x[1]) return true;
        return false;
    }

    private static boolean near(String t, Hit a, Hit b, RequiredRule q) {
        if (q.withinLines() != null) {
            int la = lineNumber(t, a.start()), lb = lineNumber(t, b.start());
            if (Math.abs(la - lb) > q.withinLines()) return false;
        }
        if (q.withinColumns() != null) {
            int ca = a.start() - (t.lastIndexOf('\n', a.start() - 1) + 1);
            int cb = b.start() - (t.lastIndexOf('\n', b.start() - 1) + 1);
            if (Math.abs(ca - cb) > q.withinColumns()) return false;
        }
        return true;
    }

    private static int lineNumber(String t, int pos) {
        int n = 0;
        for (int i = 0; i < pos && i < t.length(); i++) if (t.charAt(i) == '\n') n++;
        return n;
    }

    private static String lineOf(String t, int start, int end) {
        int from = t.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start == 0) from = 0;
        int to = t.indexOf('\n', end);
        return t.substring(from, to < 0 ? t.length() : to);
    }

    /**
     * One finding per region; overlapping others are dropped. The most severe wins, then the
     * rule's priority (specific over catch-all), then the one covering the most secret.
     */
    private static List<Hit> dedupe(List<Hit> hits) {
        if (hits.size() < 2) return hits;
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparing(Hit::severity).reversed()
                .thenComparing(Comparator.comparingInt((Hit h) -> h.rule().priority()).reversed())
                .thenComparing(Comparator.comparingInt(Hit::secretLength).reversed())
                .thenComparing(Comparator.comparingInt(Hit::length).reversed())
                .thenComparing(h -> h.rule().id()));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : sorted) {
            boolean overlaps = false;
            for (Hit k : kept) {
                if (h.start() < k.end() && k.start() < h.end()) { overlaps = true; break; }
            }
            if (!overlaps) kept.add(h);
        }
        return kept;
    }

    /**
     * Findings span the secret itself (from the first secret part to the last, for composites),
     * in original-text UTF-16 offsets. Excerpts show the words around it with every secret found
     * anywhere in the message masked.
     */
    private List<Finding> findings(NormalizedText nt, List<Hit> hits, List<int[]> allSpans, List<String> allSecrets,
                                   List<String> secretTexts) {
        List<Finding> out = new ArrayList<>(hits.size());
        if (hits.isEmpty()) return out;
        Redactor.SecretWindows windows = Redactor.SecretWindows.of(secretTexts);
        for (Hit h : hits) {
            String basis = String.join("\u0000", h.secrets());
            int s = h.secretSpans().stream().mapToInt(x -> x[0]).min().orElse(h.start());
            int e = h.secretSpans().stream().mapToInt(x -> x[1]).max().orElse(h.end());
            String excerpt = h.excerpt() != null ? h.excerpt()
                    : Redactor.excerpt(nt.text(), Math.min(s, h.start()), Math.max(e, h.end()), allSpans, allSecrets);
            // the same secret written twice, once outside any match, is hidden too
            out.add(new Finding(Category.SECRET, h.rule().id(), h.severity(), nt.originalStart(s), nt.originalEnd(e),
                    windows.mask(excerpt), h.reason(), // reasons here are rule texts; CompositeDetector masks them too
                    fingerprinter.fingerprint(h.rule().kind(), basis)));
        }
        out.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return out;
    }
}
