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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a host imitates the brand's domains the way dnstwist's fuzzers do (homoglyphs,
 * omission, repetition, transposition, replacement, insertion, bit flips, hyphenation, added words,
 * other TLDs, brand in a subdomain), without flagging short unrelated names: a brand key of 3 letters
 * only matches exactly (after undoing homoglyphs and leet), as a whole hyphen-separated word, glued to
 * known phishing words (never merely inside another word: "cryptocompare" is no "crypto" lookalike),
 * or with a doubled letter; one of 4 letters also by a swap; typos by one edit need 5
 * letters and two edits 9. Official domains and their subdomains and the allowlist are never flagged.
 */
public final class LookalikeDomainJudge {
    private static final int ONE_EDIT_FROM = 5;
    private static final int TWO_EDITS_FROM = 9;
    private static final int SWAP_FROM = 4;
    private static final int MIN_BRAND_KEY = 3;

    /** A brand key to look for in domain labels. {@code raw} is how it is spelled plainly. */
    private record BrandKey(String key, String raw, String display) {}

    private final NameSkeleton skeleton;
    private final LinkRules rules;
    private final List<String> officialDomains = new ArrayList<>();
    private final List<BrandKey> brandKeys = new ArrayList<>();
    /** canonical added word -> as written */
    private final Map<String, String> addedWords = new LinkedHashMap<>();
    private final LevenshteinDistance oneEdit = new LevenshteinDistance(1);
    private final LevenshteinDistance twoEdits = new LevenshteinDistance(2);

    public LookalikeDomainJudge(BrandProfile profile, LinkRules rules, NameSkeleton skeleton) {
        this.skeleton = skeleton;
        this.rules = rules;
        Map<String, BrandKey> keys = new LinkedHashMap<>();
        for (String d : profile.brand().domains()) {
            Optional<HostName> h = HostName.parse(d);
            if (h.isEmpty()) continue;
            officialDomains.add(h.get().ascii());
            addKey(keys, h.get().label(), h.get().registrable());
        }
        addKey(keys, profile.brand().name(), profile.brand().name());
        for (String alias : profile.brand().aliases()) addKey(keys, alias, alias);
        brandKeys.addAll(keys.values());
        rules.addedWords().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(w -> { String k = skeleton.key(w); if (!k.isEmpty()) addedWords.putIfAbsent(k, w); });
    }

    private void addKey(Map<String, BrandKey> keys, String text, String display) {
        if (text == null) return;
        String key = skeleton.key(text);
        if (key.length() < MIN_BRAND_KEY || !key.chars().allMatch(c -> c < 0x80)) return;
        String raw = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        keys.putIfAbsent(key, new BrandKey(key, raw, display));
    }

    public List<String> officialDomains() { return List.copyOf(officialDomains); }

    public DomainVerdict judge(String host) {
        Optional<HostName> parsed = HostName.parse(host);
        if (parsed.isEmpty()) return DomainVerdict.clean(host, false);
        HostName h = parsed.get();
        for (String d : officialDomains) if (h.isWithin(d)) return DomainVerdict.clean(h.unicode(), true);
        if (allowed(h)) return DomainVerdict.clean(h.unicode(), false);
        if (listed(rules.blocklist(), h)) {
            return new DomainVerdict(h.unicode(), shown(h), true, "blocklisted", null, Set.of(), false);
        }
        Skeleton label = skeleton.of(h.label());
        String rawLabel = h.label().toLowerCase(Locale.ROOT);
        for (BrandKey b : brandKeys) {
            String technique = labelTechnique(b, label, rawLabel);
            if (technique != null) return verdict(h, technique, b, label);
        }
        for (String sub : h.subLabels()) {
            if (sub.equals("www")) continue;
            Skeleton s = skeleton.of(sub);
            for (BrandKey b : brandKeys) {
                String k = s.joined();
                if (k.equals(b.key) || s.tokens().contains(b.key) || glued(k, b.key)) {
                    return verdict(h, "brand-in-subdomain", b, s);
                }
            }
        }
        return DomainVerdict.clean(h.unicode(), false);
    }

    private DomainVerdict verdict(HostName h, String technique, BrandKey b, Skeleton s) {
        Set<Transformation> t = EnumSet.noneOf(Transformation.class);
        for (Transformation x : s.transformations()) if (x != Transformation.CASE) t.add(x);
        if (h.internationalized() && technique.equals("homoglyph")) t.add(Transformation.HOMOGLYPH);
        return new DomainVerdict(h.unicode(), shown(h), true, technique, b.display, t, false);
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

    private String labelTechnique(BrandKey b, Skeleton label, String rawLabel) {
        String k = label.joined();
        String key = b.key;
        if (k.equals(key)) {
            String plain = rawLabel.replace("-", "");
            if (plain.equals(b.raw)) return rawLabel.contains("-") ? "hyphenation" : "other-tld";
            if (label.transformations().contains(Transformation.LEET)) return "leet";
            if (label.transformations().contains(Transformation.DECORATIONS)) return "added-number";
            return "homoglyph";
        }
        if (label.tokens().size() > 1 && label.tokens().contains(key)) return "added-word";
        if (glued(k, key)) return "added-word";
        String typo = typo(key, k);
        if (typo == null && !rawLabel.equals(k)) typo = typo(b.raw, rawLabel.replace("-", ""));  // "krakrn": the typo made an "rn"
        if (typo != null) return typo;
        if (label.tokens().size() > 1) {
            for (String token : label.tokens()) {
                typo = typo(key, token);
                if (typo != null) return "added-word+" + typo;
            }
        }
        for (String w : addedWords.keySet()) {
            if (k.length() <= w.length()) continue;
            String rest = k.startsWith(w) ? k.substring(w.length()) : k.endsWith(w) ? k.substring(0, k.length() - w.length()) : null;
            if (rest != null && (typo = typo(key, rest)) != null) return "added-word+" + typo;
        }
        return null;
    }

    /** "okxsupport", "loginbinance", "bybitwalletapp": the brand run together with phishing words. */
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
        if (len >= SWAP_FROM && EditOperations.isAdjacentSwap(key, c)) return "typo-transposition";
        if (len >= ONE_EDIT_FROM && Math.abs(c.length() - len) <= 1 && oneEdit.apply(key, c) == 1) {
            if (c.length() < len) return "typo-omission";
            if (c.length() > len) return "typo-insertion";
            return bitFlip(key, c) ? "typo-bitsquatting" : "typo-replacement";
        }
        if (len >= TWO_EDITS_FROM && Math.abs(c.length() - len) <= 2 && twoEdits.apply(key, c) >= 0) return "typo";
        return null;
    }

    private static boolean bitFlip(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            int x = a.charAt(i) ^ b.charAt(i);
            if (x != 0) return Integer.bitCount(x) == 1;
        }
        return false;
    }
}
