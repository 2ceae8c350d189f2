package io.tidewatch.detect.links;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.detect.identity.EditOperations;
import io.tidewatch.detect.identity.NameSkeleton;
import io.tidewatch.detect.identity.Skeleton;
import io.tidewatch.detect.identity.Transformation;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Decides whether a host imitates the brand's domains the way dnstwist's fuzzers and real phishing
 * lists do: homoglyphs and visual folds ("rn" for "m", "cl" for "d"), omission, repetition,
 * transposition, replacement, insertion, bit flips, hyphenation, added words, other TLDs, the brand in
 * a subdomain or inside a label. How much it takes depends on the brand key (lengths in
 * {@code rules/links.yaml}):
 * <ul>
 *   <li>any key: the key itself after undoing disguises, as a hyphen-separated word, glued to known
 *       phishing words or digits, with a doubled letter, or folded visually ("rnetarnask");</li>
 *   <li>a distinctive key (5+ letters, no everyday word): anywhere inside a label ("freebinance");</li>
 *   <li>a short key that is no word ("okx"): glued to dictionary words ("okxtrades");</li>
 *   <li>one-edit typos from 5 letters, two edits from 9; below that a typo ("okk") and an everyday
 *       word glued to anything ("cryptocompare") need {@link LinkEvidence evidence}.</li>
 * </ul>
 * Official domains and their subdomains and the allowlist are never flagged.
 */
public final class LookalikeDomainJudge {
    private static final int MIN_BRAND_KEY = 3;

    /**
     * A brand key to look for in domain labels. {@code raw} is how it is spelled plainly, {@code folded}
     * its skeleton after the visual folds.
     */
    private record BrandKey(String key, String raw, String folded, String display, boolean distinctive, boolean everyday) {}

    /**
     * What the message shows around a link; {@link #NONE} for a bare host. Whether the message carries
     * bait is asked only when a short name needs evidence, so it is a supplier.
     */
    public record Context(String path, BooleanSupplier bait) {
        public static final Context NONE = new Context("", false);

        public Context(String path, boolean bait) {
            this(path, () -> bait);
        }
    }

    /** The evidence for one host, worked out on first need. */
    private final class Evidence {
        private final HostName host;
        private final Context context;
        private LinkEvidence.Score score;

        Evidence(HostName host, Context context) {
            this.host = host;
            this.context = context;
        }

        LinkEvidence.Score score() {
            if (score == null) score = rules.evidence().score(host, context.path(), context.bait().getAsBoolean(), brandSuffixes);
            return score;
        }

        boolean enough() { return rules.evidence().enough(score()); }
    }

    private final NameSkeleton skeleton;
    private final LinkRules rules;
    private final LinkRules.Lengths lengths;
    private final WordList words;
    private final List<String> officialDomains = new ArrayList<>();
    private final Set<String> brandSuffixes = new HashSet<>();
    private final List<BrandKey> brandKeys = new ArrayList<>();
    /** canonical added word -> as written */
    private final Map<String, String> addedWords = new LinkedHashMap<>();
    /** added words and label words as written, lower-case: the pieces besides dictionary words a label may split into */
    private final Set<String> plainAddedWords = new HashSet<>();
    private final List<Map.Entry<String, String>> folds;
    private final LevenshteinDistance oneEdit = new LevenshteinDistance(1);
    private final LevenshteinDistance twoEdits = new LevenshteinDistance(2);

    public LookalikeDomainJudge(BrandProfile profile, LinkRules rules, NameSkeleton skeleton) {
        this(profile, rules, skeleton, WordList.english());
    }

    public LookalikeDomainJudge(BrandProfile profile, LinkRules rules, NameSkeleton skeleton, WordList words) {
        this.skeleton = skeleton;
        this.rules = rules;
        this.lengths = rules.lengths();
        this.words = words;
        this.folds = rules.visualFolds().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList();
        Map<String, BrandKey> keys = new LinkedHashMap<>();
        for (String d : profile.brand().domains()) {
            Optional<HostName> h = HostName.parse(d);
            if (h.isEmpty()) continue;
            officialDomains.add(h.get().ascii());
            brandSuffixes.add(h.get().suffix());
            addKey(keys, h.get().label(), h.get().registrable());
        }
        addKey(keys, profile.brand().name(), profile.brand().name());
        for (String alias : profile.brand().aliases()) addKey(keys, alias, alias);
        brandKeys.addAll(keys.values());
        rules.addedWords().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(w -> { String k = skeleton.key(w); if (!k.isEmpty()) addedWords.putIfAbsent(k, w); });
        rules.addedWords().forEach(w -> plainAddedWords.add(w.toLowerCase(Locale.ROOT)));
        plainAddedWords.addAll(rules.labelWords());
    }

    private void addKey(Map<String, BrandKey> keys, String text, String display) {
        if (text == null) return;
        // a name that is one of the brand's domains ("Crypto.com") is that domain's label plus a TLD, not a word of its own
        if (text.contains(".") && HostName.asciiDomain(text).filter(officialDomains::contains).isPresent()) return;
        String key = skeleton.key(text);
        if (key.length() < MIN_BRAND_KEY || !key.chars().allMatch(c -> c < 0x80)) return;
        String raw = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        boolean everyday = words.contains(raw) || words.wordsStartingWith(raw) >= lengths.everydayPrefixWords();
        boolean distinctive = !everyday && key.length() >= lengths.distinctive();
        keys.putIfAbsent(key, new BrandKey(key, raw, skeleton.key(fold(raw)), display, distinctive, everyday));
    }

    public List<String> officialDomains() { return List.copyOf(officialDomains); }

    /** Judges a bare host, with no message around it. */
    public DomainVerdict judge(String host) {
        return judge(host, Context.NONE);
    }

    /** Judges a host as linked in a message: the path and the message's bait are evidence for short names. */
    public DomainVerdict judge(String host, Context context) {
        Optional<HostName> parsed = HostName.parse(host);
        if (parsed.isEmpty()) return DomainVerdict.clean(host, false);
        HostName h = parsed.get();
        for (String d : officialDomains) if (h.isWithin(d)) return DomainVerdict.clean(h.unicode(), true);
        if (allowed(h)) return DomainVerdict.clean(h.unicode(), false);
        if (listed(rules.blocklist(), h)) {
            return new DomainVerdict(h.unicode(), shown(h), true, "blocklisted", null, Set.of(), List.of(), false);
        }
        Evidence evidence = new Evidence(h, context);
        Skeleton label = skeleton.of(h.label());
        String rawLabel = h.label().toLowerCase(Locale.ROOT);
        for (BrandKey b : brandKeys) {
            String technique = labelTechnique(b, label, rawLabel, evidence);
            if (technique != null) return verdict(h, technique, b, label, evidence);
        }
        for (String sub : h.subLabels()) {
            if (sub.equals("www")) continue;
            Skeleton s = skeleton.of(sub);
            String rawSub = sub.toLowerCase(Locale.ROOT);
            for (BrandKey b : brandKeys) {
                String k = s.joined();
                String found = k.equals(b.key) || s.tokens().contains(b.key) || glued(k, b.key) || foldsTo(rawSub, b)
                        || typoOf(b, s, rawSub) != null ? "brand-in-subdomain" : inside(b, s, rawSub, evidence);
                if (found != null) return verdict(h, found.endsWith("+evidence") ? "brand-in-subdomain+evidence" : "brand-in-subdomain", b, s, evidence);
            }
        }
        return DomainVerdict.clean(h.unicode(), false);
    }

    private DomainVerdict verdict(HostName h, String technique, BrandKey b, Skeleton s, Evidence evidence) {
        Set<Transformation> t = EnumSet.noneOf(Transformation.class);
        for (Transformation x : s.transformations()) if (x != Transformation.CASE) t.add(x);
        if (h.internationalized() && technique.equals("homoglyph")) t.add(Transformation.HOMOGLYPH);
        List<String> used = technique.endsWith("+evidence") ? evidence.score().kinds() : List.of();
        return new DomainVerdict(h.unicode(), shown(h), true, technique, b.display, t, used, false);
    }

    private static String shown(HostName h) {
        return h.ascii().equals(h.unicode()) ? h.ascii() : h.unicode() + " (" + h.ascii() + ")";
    }

    private boolean allowed(HostName h) {
        return listed(rules.allowlist(), h);
    }

    /** The host, or a domain it is under, is on the list. */
    private static boolean listed(Set<String> list, HostName h) {
        if (list.contains(h.registrable())) return true;
        String a = h.ascii();
        while (true) {
            if (list.contains(a)) return true;
            int dot = a.indexOf('.');
            if (dot < 0) return false;
            a = a.substring(dot + 1);
        }
    }

    private String labelTechnique(BrandKey b, Skeleton label, String rawLabel, Evidence evidence) {
        String k = label.joined();
        String key = b.key;
        if (k.equals(key)) {
            String plain = rawLabel.replace("-", "");
            if (plain.equals(b.raw)) return rawLabel.contains("-") ? "hyphenation" : "other-tld";
            if (label.transformations().contains(Transformation.LEET)) return "leet";
            if (label.transformations().contains(Transformation.DECORATIONS)) return "added-number";
            return "homoglyph";
        }
        if (foldsTo(rawLabel, b)) return "homoglyph";
        if (label.tokens().size() > 1 && label.tokens().contains(key)) return "added-word";
        if (glued(k, key)) return "added-word";
        String in = inside(b, label, rawLabel, evidence);
        if (in != null) return in;
        String typo = typoOf(b, label, rawLabel);
        if (typo != null) return typo;
        if (!words.contains(rawLabel) && (typo = shortTypo(key, k)) != null && evidence.enough()) {
            return typo + "+evidence";
        }
        return null;
    }

    /**
     * A typo of the key in a label: the whole label, one of its words, or what is left after a phishing
     * word ("secure-binanse", "binansewallet"). A dictionary word is never a typo: "finance" is no
     * "binance", "oks" no "okx".
     */
    private String typoOf(BrandKey b, Skeleton label, String rawLabel) {
        String k = label.joined();
        String key = b.key;
        Set<String> wordKeys = new HashSet<>();
        String plain = rawLabel.replace("-", "");
        for (String part : rawLabel.split("[-_]")) if (words.contains(part)) wordKeys.add(skeleton.key(part));
        if (words.contains(plain)) wordKeys.add(k);
        String typo = wordKeys.contains(k) ? null : typo(key, k);
        if (typo == null && !plain.equals(k) && !words.contains(plain)) typo = typo(b.raw, plain);  // "krakrn": the typo made an "rn"
        if (typo != null) return typo;
        if (label.tokens().size() > 1) {
            for (String token : label.tokens()) {
                if (wordKeys.contains(token)) continue;
                typo = typo(key, token);
                if (typo != null) return "added-word+" + typo;
            }
        }
        for (String w : addedWords.keySet()) {
            if (k.length() <= w.length()) continue;
            String rest = k.startsWith(w) ? k.substring(w.length()) : k.endsWith(w) ? k.substring(0, k.length() - w.length()) : null;
            if (rest != null && !wordKeys.contains(rest) && (typo = typo(key, rest)) != null) return "added-word+" + typo;
        }
        return null;
    }

    /**
     * The brand key inside a label: anywhere when the key is distinctive ("freebinance"); a short
     * non-word key when the rest of the label reads as words or digits ("okxtrades", "claimokx");
     * otherwise, at the start or end of the label, with evidence ("cryptoclaim.xyz").
     */
    private String inside(BrandKey b, Skeleton label, String rawLabel, Evidence evidence) {
        String k = label.joined();
        if (!k.contains(b.key) || k.equals(b.key)) return null;
        if (b.distinctive) return "brand-in-label";
        boolean edge = false;
        for (String part : rawLabel.split("-")) {
            int at = part.indexOf(b.raw);
            if (at < 0 || part.equals(b.raw)) continue;
            String before = part.substring(0, at), after = part.substring(at + b.raw.length());
            if (!b.everyday && readsAsWords(before) && readsAsWords(after)) return "brand-and-word";
            edge |= before.isEmpty() || after.isEmpty();
        }
        for (String t : label.tokens()) edge |= !t.equals(b.key) && (t.startsWith(b.key) || t.endsWith(b.key));
        return edge && evidence.enough() ? "brand-in-label+evidence" : null;
    }

    private boolean readsAsWords(String s) {
        return s.isEmpty() || words.splits(s, lengths.wordMinLength(), plainAddedWords);
    }

    /** The label spelled with look-alike letter pairs ("rn", "vv", "cl") reads as the key. */
    private boolean foldsTo(String rawLabel, BrandKey b) {
        String plain = rawLabel.replace("-", "");
        String folded = fold(plain);
        return !folded.equals(plain) && skeleton.key(folded).equals(b.folded);
    }

    private String fold(String s) {
        String out = s;
        for (Map.Entry<String, String> f : folds) out = out.replace(f.getKey(), f.getValue());
        return out;
    }

    /** "okxsupport", "loginbinance", "bybitwalletapp", "kraken2024": the brand run together with phishing words or digits. */
    private boolean glued(String k, String key) {
        if (k.length() <= key.length()) return false;
        if (k.startsWith(key) && peel(k.substring(key.length()))) return true;
        if (k.endsWith(key) && peel(k.substring(0, k.length() - key.length()))) return true;
        int at = k.indexOf(key);
        return at > 0 && peel(k.substring(0, at)) && peel(k.substring(at + key.length()));
    }

    private boolean peel(String rest) {
        if (rest.isEmpty()) return true;
        for (String w : addedWords.keySet()) if (rest.startsWith(w) && peel(rest.substring(w.length()))) return true;
        return false;
    }

    /** The dnstwist operation that turns {@code key} into {@code c}, if the brand is long enough for it. */
    private String typo(String key, String c) {
        int len = key.length();
        if (c.isEmpty() || c.equals(key)) return null;
        if (EditOperations.isRepetition(key, c)) return "typo-repetition";
        if (len >= lengths.swap() && EditOperations.isAdjacentSwap(key, c)) return "typo-transposition";
        if (len >= lengths.oneEdit() && Math.abs(c.length() - len) <= 1 && oneEdit.apply(key, c) == 1) return oneEditName(key, c);
        if (len >= lengths.twoEdits() && Math.abs(c.length() - len) <= 2 && twoEdits.apply(key, c) >= 0) return "typo";
        return null;
    }

    /** A one-edit typo of a key too short for {@link #typo} ("okk", "oxk"); only with evidence, never shorter than 3 letters. */
    private String shortTypo(String key, String c) {
        if (c.length() < MIN_BRAND_KEY || c.equals(key)) return null;
        if (EditOperations.isAdjacentSwap(key, c)) return "typo-transposition";
        if (Math.abs(c.length() - key.length()) <= 1 && oneEdit.apply(key, c) == 1) return oneEditName(key, c);
        return null;
    }

    private static String oneEditName(String key, String c) {
        if (c.length() < key.length()) return "typo-omission";
        if (c.length() > key.length()) return "typo-insertion";
        return bitFlip(key, c) ? "typo-bitsquatting" : "typo-replacement";
    }

    private static boolean bitFlip(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            int x = a.charAt(i) ^ b.charAt(i);
            if (x != 0) return Integer.bitCount(x) == 1;
        }
        return false;
    }
}
