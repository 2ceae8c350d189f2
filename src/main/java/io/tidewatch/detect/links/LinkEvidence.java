package io.tidewatch.detect.links;

import io.tidewatch.detect.identity.RuleFile;
import org.ahocorasick.trie.Trie;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What else makes a near-miss of a short brand name a lookalike ({@code evidence} in
 * {@code rules/links.yaml}): bait words in the message ("claim", "官方"), a phishing path
 * ({@code /login}), a top-level domain the brand does not use or that phishers favour, an
 * internationalized (punycode) name. Each kind adds its weight; a score at or above {@code needed}
 * is enough. "okk.com" alone is a typo anyone can make; "okk.com/claim" or "okk.xyz" is a phish.
 */
public final class LinkEvidence {
    /** The evidence found for one link: its total weight and the kinds, for the reason. */
    public record Score(double total, List<String> kinds) {
        static final Score NONE = new Score(0, List.of());
    }

    private final double needed;
    private final Map<String, Double> weights;
    /** Latin bait words match as whole words ("claims", not "reclaim"); CJK ones anywhere. One pass each. */
    private final Trie latinBait;
    private final Trie cjkBait;
    private final Set<String> pathWords;
    private final Set<String> riskyTlds;

    LinkEvidence(double needed, Map<String, Double> weights, List<String> baitWords, List<String> pathWords, List<String> riskyTlds) {
        this.needed = needed;
        this.weights = Map.copyOf(weights);
        List<String> latin = new ArrayList<>(), cjk = new ArrayList<>();
        for (String w : baitWords) (w.chars().allMatch(c -> c < 0x80) ? latin : cjk).add(w.toLowerCase(Locale.ROOT));
        this.latinBait = Trie.builder().ignoreCase().onlyWholeWords().addKeywords(latin).build();
        this.cjkBait = Trie.builder().addKeywords(cjk).build();
        this.pathWords = Set.copyOf(pathWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
        this.riskyTlds = Set.copyOf(riskyTlds.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    static final List<String> KINDS = List.of("bait_word", "path", "risky_tld", "unused_tld", "internationalized");

    static LinkEvidence load(RuleFile f, String at) {
        double needed = f.number(at + ".needed", 0.01, 100);
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        for (String kind : KINDS) weights.put(kind, f.number(at + ".weights." + kind, 0, 100));
        for (var e : f.textMap(at + ".weights").entrySet()) {
            if (!KINDS.contains(e.getKey())) throw f.error(at + ".weights." + e.getKey(), "unknown kind; use one of " + KINDS);
        }
        return new LinkEvidence(needed, weights, f.texts(at + ".bait_words", true), f.texts(at + ".paths", true),
                f.texts(at + ".risky_tlds", true));
    }

    public double needed() { return needed; }

    /** True when the message carries bait ("claim your reward", "官方活动"). */
    public boolean baitIn(String text) {
        return text != null && !text.isEmpty() && (latinBait.containsMatch(text) || cjkBait.containsMatch(text));
    }

    /**
     * The evidence around one host.
     *
     * @param path          the link's path and query ("/login?x=1"), or "" when none
     * @param bait          the message carries bait words
     * @param brandSuffixes public suffixes of the brand's own domains ("com", "us")
     */
    public Score score(HostName host, String path, boolean bait, Set<String> brandSuffixes) {
        double total = 0;
        List<String> kinds = new ArrayList<>(3);
        if (bait) { total += weights.get("bait_word"); kinds.add("bait_word"); }
        if (phishingPath(path)) { total += weights.get("path"); kinds.add("path"); }
        String tld = host.suffix().substring(host.suffix().lastIndexOf('.') + 1);
        if (riskyTlds.contains(tld) || riskyTlds.contains(host.suffix())) { total += weights.get("risky_tld"); kinds.add("risky_tld"); }
        else if (!brandSuffixes.contains(host.suffix())) { total += weights.get("unused_tld"); kinds.add("unused_tld"); }
        if (host.internationalized()) { total += weights.get("internationalized"); kinds.add("internationalized"); }
        return total == 0 ? Score.NONE : new Score(total, List.copyOf(kinds));
    }

    public boolean enough(Score s) { return s.total() >= needed; }

    /** A path segment names a phishing page: "/login", "/claim-airdrop", "/verify.html?id=1". */
    boolean phishingPath(String path) {
        if (path == null || path.length() < 2) return false;
        String p = path.toLowerCase(Locale.ROOT);
        int start = 0;
        for (int i = 0; i <= p.length(); i++) {
            if (i == p.length() || !Character.isLetterOrDigit(p.charAt(i))) {
                if (i > start) {
                    String piece = p.substring(start, i);
                    for (String w : pathWords) if (piece.startsWith(w)) return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
