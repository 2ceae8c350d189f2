package io.tidewatch.detect.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.tidewatch.core.BrandProfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fake staff accounts offered in a message: an {@code @handle} or {@code t.me/handle} that joins the
 * brand (its name, aliases and domain labels from the brand profile, after undoing disguises) with a
 * staff word ({@code staff_handles.words} in {@code rules/scam.yaml}: support, help, admin, kefu…):
 * "@okx_support_desk", "t.me/BinanceHelpCenter", "@kr4ken_admin". A brand key under 5 letters must
 * start or end a word of the handle ("okx_cs", not "rokxana_helps"). The brand's own official and staff
 * usernames are never reported. Thread-safe.
 */
public final class ScamStaffHandles {
    private static final Pattern HANDLE = Pattern.compile(
            "(?:^|[^\\pL\\pN_@./])@([\\pL\\pN_]{4,32})|(?i:\\b(?:t|telegram)\\.me/)([A-Za-z0-9_]{4,32})");
    private static final int SHORT_KEY = 5;

    /** A fake staff handle found at {@code [start, end)} of the text. */
    public record Hit(String handle, int start, int end) {}

    private final NameSkeleton skeleton;
    private final ProtectedNames trusted;
    private final List<String> brandKeys = new ArrayList<>();
    private final List<String> staffWords = new ArrayList<>();

    public ScamStaffHandles(BrandProfile brand, List<String> words, NameSkeleton skeleton) {
        this.skeleton = skeleton;
        this.trusted = ProtectedNames.from(brand, skeleton);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(skeleton.key(brand.brand().name()));
        for (String a : brand.brand().aliases()) keys.add(skeleton.key(a));
        for (String d : brand.brand().domains()) {
            int dot = d.indexOf('.');
            if (dot > 0) keys.add(skeleton.key(d.substring(0, dot)));
        }
        for (String k : keys) if (k.length() >= 3 && k.chars().allMatch(c -> c < 0x80)) brandKeys.add(k);
        for (String w : words) {
            String k = skeleton.key(w);
            if (!k.isEmpty() && k.chars().allMatch(c -> c < 0x80)) staffWords.add(k);
        }
    }

    public List<Hit> find(String text) {
        List<Hit> out = new ArrayList<>();
        if (text == null || !mayName(text)) return out;
        Matcher m = HANDLE.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            String handle = m.group(g);
            if (!trusted.isTrustedUsername(handle) && fake(handle)) {
                out.add(new Hit(handle, g == 1 ? m.start(g) - 1 : m.start(), m.end(g)));
            }
        }
        return out;
    }

    /**
     * Whether {@link #HANDLE} may match: an '@' after no name char with four chars after it that are not ASCII
     * punctuation or spaces (its ASCII name chars are RE2/J's word chars), or a ".me/". Most posts have neither, and
     * the pattern's search steps over every char of the text. Errs on the side of yes: non-ASCII is left to it.
     */
    private static boolean mayName(String text) {
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at > 0 && (AnchoredMatch.wordChar(text.charAt(at - 1)) || "@./".indexOf(text.charAt(at - 1)) >= 0)) continue;
            int k = at + 1;
            while (k < text.length() && k <= at + 4 && (text.charAt(k) >= 0x80 || AnchoredMatch.wordChar(text.charAt(k)))) k++;
            if (k > at + 4) return true;
        }
        for (int slash = text.indexOf('/', 3); slash >= 0; slash = text.indexOf('/', slash + 1)) {
            if (text.regionMatches(true, slash - 3, ".me", 0, 3)) return true;
        }
        return false;
    }

    /** The text names accounts, and all of them are the brand's own: "ask @exex_mod_anna for help" points to real staff. */
    public boolean onlyTrustedAccounts(String text) {
        Matcher m = HANDLE.matcher(text);
        boolean any = false;
        while (m.find()) {
            String handle = m.group(1) != null ? m.group(1) : m.group(2);
            if (!trusted.isTrustedUsername(handle)) return false;
            any = true;
        }
        return any;
    }

    /** The handle joins a brand key with a staff word. */
    boolean fake(String handle) {
        Skeleton s = skeleton.of(handle);
        String joined = s.joined();
        for (String key : brandKeys) {
            int at = joined.indexOf(key);
            if (at < 0) continue;
            if (key.length() < SHORT_KEY && !atWordEdge(s.tokens(), key)) continue;
            String rest = joined.substring(0, at) + " " + joined.substring(at + key.length());
            for (String w : staffWords) {
                if (w.length() >= 4 ? rest.contains(w) : s.tokens().contains(w) || restTokens(s.tokens(), key).contains(w)) return true;
            }
        }
        return false;
    }

    private static boolean atWordEdge(List<String> tokens, String key) {
        for (String t : tokens) if (t.startsWith(key) || t.endsWith(key)) return true;
        return false;
    }

    /** The handle's words with the brand key cut off their edges ("okxcs" gives "cs"). */
    private static List<String> restTokens(List<String> tokens, String key) {
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            if (t.startsWith(key)) out.add(t.substring(key.length()));
            else if (t.endsWith(key)) out.add(t.substring(0, t.length() - key.length()));
        }
        return out;
    }
}
