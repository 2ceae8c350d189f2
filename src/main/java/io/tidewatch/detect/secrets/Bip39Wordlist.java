package io.tidewatch.detect.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of the ten official BIP-39 wordlists (2048 words each, bundled byte for byte as published):
 * word to 11-bit index. Words are compared in their BIP-39 form, NFKD; the Latin-script lists also
 * accept a word without its accents ("abaco" for "ábaco", "eleve" for "élève"), which people
 * drop when typing and which no two words of one list differ by.
 */
public final class Bip39Wordlist {
    /** How a list's words are written, which decides how text is cut into words. */
    public enum Script { LATIN, HAN, KANA, HANGUL }

    public static final Bip39Wordlist ENGLISH = load("english", Script.LATIN);
    public static final Bip39Wordlist SPANISH = load("spanish", Script.LATIN);
    public static final Bip39Wordlist FRENCH = load("french", Script.LATIN);
    public static final Bip39Wordlist ITALIAN = load("italian", Script.LATIN);
    public static final Bip39Wordlist CZECH = load("czech", Script.LATIN);
    public static final Bip39Wordlist PORTUGUESE = load("portuguese", Script.LATIN);
    public static final Bip39Wordlist CHINESE_SIMPLIFIED = load("chinese_simplified", Script.HAN);
    public static final Bip39Wordlist CHINESE_TRADITIONAL = load("chinese_traditional", Script.HAN);
    public static final Bip39Wordlist JAPANESE = load("japanese", Script.KANA);
    public static final Bip39Wordlist KOREAN = load("korean", Script.HANGUL);

    /** All ten, English first (the order phrases are looked for in). */
    public static final List<Bip39Wordlist> ALL = List.of(ENGLISH, SPANISH, FRENCH, ITALIAN, CZECH, PORTUGUESE,
            CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL, JAPANESE, KOREAN);

    /** Folded word to its index in each of {@link #ALL} (-1 where absent): one lookup per word of text, not ten. */
    private static final Map<String, int[]> ACROSS_LISTS = acrossLists();

    private final String name;
    private final Script script;
    private final Map<String, Integer> index;

    private Bip39Wordlist(String name, Script script, Map<String, Integer> index) {
        this.name = name;
        this.script = script;
        this.index = index;
    }

    /** The list's file name: "english", "chinese_traditional"... */
    public String name() { return name; }

    public Script script() { return script; }

    public int size() { return 2048; }

    /** The word's index (any case, composed or not, accents optional for Latin lists), or -1. */
    public int indexOf(String word) {
        return indexOfFolded(fold(word.toLowerCase(Locale.ROOT), script));
    }

    /** Lookup of a word already passed through {@link #fold}. */
    int indexOfFolded(String folded) {
        Integer i = index.get(folded);
        return i == null ? -1 : i;
    }

    /**
     * The indices of an already folded word in each list of {@link #ALL}, in that order (-1 where it is
     * not on a list), or null when it is on none. The array is shared: do not change it.
     */
    static int[] indicesAcrossLists(String folded) {
        return ACROSS_LISTS.get(folded);
    }

    private static Map<String, int[]> acrossLists() {
        Map<String, int[]> out = new HashMap<>(16384);
        for (int l = 0; l < ALL.size(); l++) {
            Bip39Wordlist list = ALL.get(l);
            for (Map.Entry<String, Integer> e : list.index.entrySet()) {
                int[] idx = out.computeIfAbsent(e.getKey(), k -> {
                    int[] a = new int[ALL.size()];
                    java.util.Arrays.fill(a, -1);
                    return a;
                });
                idx[l] = e.getValue();
            }
        }
        return Map.copyOf(out);
    }

    /** The form words are compared in: NFKD, and for Latin lists without combining accents. */
    static String fold(String word, Script script) {
        if (isPlainAscii(word)) return word;
        String d = Normalizer.normalize(word, Normalizer.Form.NFKD);
        if (script != Script.LATIN) return d;
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private static Bip39Wordlist load(String name, Script script) {
        String resource = "bip39/" + name + ".txt";
        try (InputStream in = Bip39Wordlist.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            Map<String, Integer> index = new HashMap<>(4096);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                String w = line.strip();
                if (w.isEmpty()) continue;
                if (index.putIfAbsent(fold(w, script), n) != null) {
                    throw new IllegalStateException(resource + ": two words fold to '" + fold(w, script) + "'");
                }
                n++;
            }
            if (n != 2048) throw new IllegalStateException(resource + " has " + n + " words, expected 2048");
            return new Bip39Wordlist(name, script, Map.copyOf(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
