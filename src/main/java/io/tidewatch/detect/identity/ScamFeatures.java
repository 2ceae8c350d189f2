package io.tidewatch.detect.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The features the scam model ({@link ScamModel}) sees in a text as the matcher reads it (homoglyphs
 * folded, lower case, key-like tokens as "#"): Latin words and word bigrams, CJK characters,
 * character bigrams and trigrams, and typed placeholders for values, so it learns the shape of bait ("add @x", "+44 …", "send
 * 50 usdt") and never a handle, link or number itself: {@code @x} (a handle), {@code <url>} (a link, and
 * {@code <chat>} for t.me / wa.me ones), {@code <mail>}, {@code <phone>}, {@code <amount>} (a number with a
 * coin or currency), {@code <id>} (a long digit run: QQ, WeChat, UID), {@code <code>} (letters mixed
 * with digits: "helpu888"), {@code <num>}. Placeholders and words chain into bigrams; a CJK run joins
 * the chain by its edge characters ("加 @x"). Each feature is hashed into {@code 2^bits} slots.
 * Hand-written scanning, no regular expressions: a few microseconds per post.
 */
final class ScamFeatures {
    private static final Set<String> COINS = Set.of("usdt", "usdc", "usd", "btc", "eth", "bnb", "trx", "sol", "u", "k", "ton",
            "xrp", "doge", "dai", "busd", "eur", "gbp", "rmb", "cny", "yuan", "dollars", "bucks", "$", "元", "块", "刀", "个", "万");
    private static final Set<String> TLDS = Set.of("com", "net", "org", "io", "xyz", "top", "app", "me", "co", "cc", "vip",
            "info", "link", "site", "online", "pro", "ru", "cn", "club", "live", "finance", "exchange", "support", "help", "gg",
            "ly", "to", "biz", "us", "uk", "shop", "tech", "cloud", "services", "network",
            // RFC 2606's reserved names: the links of evaluation and training data; read as words, "example" and
            // "test" became bait words, and the model alarmed on manuals full of them
            "example", "test", "invalid", "localhost");

    private final int mask;

    /** @param bits features hash into {@code 2^bits} slots ({@code model.hash_bits}) */
    ScamFeatures(int bits) {
        this.mask = (1 << bits) - 1;
    }

    int dimensions() { return mask + 1; }

    /** Sorted distinct 1-based slots of the features of {@code read} (a text as the matcher reads it): liblinear's input. */
    int[] slots(String read) {
        int[] s = rawSlots(read);
        Arrays.sort(s);
        int k = 0;
        for (int i = 0; i < s.length; i++) if (i == 0 || s[i] != s[i - 1]) s[k++] = s[i];
        return Arrays.copyOf(s, k);
    }

    /**
     * The same slots in the order first met, for scoring: a sum needs no order, and sorting the repeats
     * cost a quarter of a score. A small open-addressing set drops the repeats.
     */
    int[] distinctSlots(String read) {
        int[] raw = rawSlots(read);
        int size = Integer.highestOneBit(Math.max(8, raw.length) * 2 - 1) << 1;
        int[] seen = new int[size]; // 0 is free: slots are 1-based
        int k = 0;
        for (int slot : raw) {
            int at = mix(slot) & (size - 1);
            while (seen[at] != 0 && seen[at] != slot) at = (at + 1) & (size - 1);
            if (seen[at] == slot) continue;
            seen[at] = slot;
            raw[k++] = slot;
        }
        return Arrays.copyOf(raw, k);
    }

    /** Every feature's 1-based slot, repeats included. */
    private int[] rawSlots(String read) {
        List<String> units = units(read);
        int capacity = 0;
        for (String u : units) capacity += u.charAt(0) == CJK ? 3 * u.length() + 1 : 3;
        int[] out = new int[capacity];
        int n = 0;
        boolean chained = false;
        int prev = 0; // hash of the unit before, for bigrams (no strings built: scoring stays a few microseconds)
        for (String u : units) {
            if (u.charAt(0) == CJK) {
                // the run is u[1, length): hashed in place, no substring
                for (int i = 1; i + 1 < u.length(); i++) out[n++] = slot("b", u, i, i + 2);
                for (int i = 1; i + 2 < u.length(); i++) out[n++] = slot("t", u, i, i + 3);
                for (int i = 1; i < u.length(); i++) out[n++] = slot("c", u, i, i + 1);
                int first = Character.hashCode(u.charAt(1));
                if (chained) out[n++] = pair(prev, first);
                prev = Character.hashCode(u.charAt(u.length() - 1));
            } else {
                int h = u.hashCode();
                out[n++] = (mix(h) & mask) + 1;
                if (chained) out[n++] = pair(prev, h);
                prev = h;
            }
            chained = true;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Marks a CJK run among the units. */
    private static final char CJK = '\u0001';

    /** Words, placeholders and CJK runs (prefixed {@link #CJK}) in reading order. */
    static List<String> units(String t) {
        List<String> out = new ArrayList<>();
        int i = 0, n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (cjk(c)) {
                int j = i;
                while (j < n && cjk(t.charAt(j))) j++;
                out.add(CJK + t.substring(i, j));
                i = j;
            } else if (Character.isWhitespace(c) || !chunkChar(c)) {
                i++;
            } else {
                int j = i;
                while (j < n && chunkChar(t.charAt(j)) && !cjk(t.charAt(j))) j++;
                i = chunk(t, i, j, out);
            }
        }
        return out;
    }

    /** Reads the chunk t[i, j) (no spaces, no CJK) into units; returns where reading goes on. */
    private static int chunk(String t, int i, int j, List<String> out) {
        String s = trimPunctuation(t.substring(i, j));
        if (s.isEmpty()) return j;
        if (s.equals("#")) out.add("#");
        else if (s.contains("://") || s.startsWith("www.") || domain(s)) {
            out.add("<url>");
            if (s.contains("t.me/") || s.contains("wa.me/") || s.contains("telegram.me/")) out.add("<chat>");
        } else if (s.indexOf('@') > 0 && s.indexOf('.', s.indexOf('@')) > 0) out.add("<mail>");
        else if (s.charAt(0) == '@' && s.length() > 2) out.add("@x");
        else if (s.charAt(0) == '+' && digits(s.substring(1)) > 0) {
            int d = digits(s);
            int k = j; // "+44 7700 900123": the groups after the country code belong to the number
            while (k < t.length()) {
                int a = k;
                while (a < t.length() && t.charAt(a) == ' ') a++;
                int b = a;
                while (b < t.length() && (isDigit(t.charAt(b)) || t.charAt(b) == '-')) b++;
                if (b == a || b < t.length() && !Character.isWhitespace(t.charAt(b)) && chunkChar(t.charAt(b)) && !cjk(t.charAt(b))) break;
                d += b - a;
                k = b;
            }
            out.add(d >= 7 ? "<phone>" : "<num>");
            return k;
        } else if (number(s)) {
            out.add(amount(s, t, j) ? "<amount>" : s.length() >= 7 && digits(s) == s.length() ? "<id>" : "<num>");
        } else words(s, out);
        return j;
    }

    /** Letters and digits mixed ("helpu888") are an id; a money amount ("50u", "$200", "1.5k") is an amount; else words. */
    private static void words(String s, List<String> out) {
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!isLetter(c) && !isDigit(c)) { i++; continue; }
            int j = i;
            while (j < n && (isLetter(s.charAt(j)) || isDigit(s.charAt(j)))) j++;
            String w = s.substring(i, j);
            int d = digits(w);
            if (d == 0) out.add(w);
            else if (d == w.length()) out.add(w.length() >= 7 ? "<id>" : "<num>");
            else if (isDigit(w.charAt(0)) && COINS.contains(w.substring(leadingNumber(w)))) out.add("<amount>");
            else if (w.length() >= 5) out.add("<code>");
            else out.add(w);
            i = j;
        }
    }

    private static boolean amount(String s, String t, int after) {
        if (s.charAt(0) == '$' || s.endsWith("%")) return true;
        int k = after;
        while (k < t.length() && t.charAt(k) == ' ') k++;
        int e = k;
        while (e < t.length() && (isLetter(t.charAt(e)) || t.charAt(e) == '$')) e++;
        if (e > k && COINS.contains(t.substring(k, e))) return true;
        return k < t.length() && "元块刀万".indexOf(t.charAt(k)) >= 0;
    }

    private static int leadingNumber(String w) {
        int i = 0;
        while (i < w.length() && isDigit(w.charAt(i))) i++;
        return i;
    }

    /** Digits with separators, maybe a leading $ or trailing %: "1,200", "0.5", "$300". */
    private static boolean number(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) d++;
            else if (c != '.' && c != ',' && !(c == '$' && i == 0) && !(c == '%' && i == s.length() - 1)) return false;
        }
        return d > 0;
    }

    /** "evil-site.xyz", "help.example.com/x": dotted labels ending in a known top-level domain. */
    private static boolean domain(String s) {
        int slash = s.indexOf('/');
        String host = slash > 0 ? s.substring(0, slash) : s;
        int dot = host.lastIndexOf('.');
        return dot > 0 && dot < host.length() - 1 && TLDS.contains(host.substring(dot + 1)) && isLetter(host.charAt(0));
    }

    private static String trimPunctuation(String s) {
        int a = 0, b = s.length();
        while (a < b && ".,;:!?()[]{}\"'<>“”‘’…*~|-_".indexOf(s.charAt(a)) >= 0 && s.charAt(a) != '@') a++;
        while (b > a && ".,;:!?()[]{}\"'<>“”‘’…*~|-_".indexOf(s.charAt(b - 1)) >= 0) b--;
        return s.substring(a, b);
    }

    private static int digits(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) if (isDigit(s.charAt(i))) d++;
        return d;
    }

    private static boolean chunkChar(char c) {
        return c > ' ' && !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF65) && c != '⏎';
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isLetter(char c) { return c >= 'a' && c <= 'z' || c >= 'à' && c <= 'ž'; }

    static boolean cjk(char c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x3040 && c <= 0x30FF || c >= 0xAC00 && c <= 0xD7A3;
    }

    private int slot(String prefix, String run, int from, int to) {
        int h = prefix.hashCode();
        for (int i = from; i < to; i++) h = 31 * h + run.charAt(i);
        return (mix(h) & mask) + 1;
    }

    /** The slot of the bigram of two units' hashes. */
    private int pair(int first, int second) {
        return (mix(mix(first) * 31 + second + 0x5bd1e995) & mask) + 1;
    }

    /** MurmurHash3's finalizer: String.hashCode alone clusters in the low bits. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
