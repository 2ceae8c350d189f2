package io.tidewatch.detect.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One official BIP-39 wordlist (2048 words, bundled as a resource): word to 11-bit index. */
public final class Bip39Wordlist {
    public static final Bip39Wordlist ENGLISH = load("english");
    public static final Bip39Wordlist CHINESE_SIMPLIFIED = load("chinese_simplified");

    private final String name;
    private final Map<String, Integer> index;

    private Bip39Wordlist(String name, Map<String, Integer> index) {
        this.name = name;
        this.index = index;
    }

    public String name() { return name; }

    public int size() { return index.size(); }

    /** The word's index, or -1 when it is not on the list. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    private static Bip39Wordlist load(String name) {
        String resource = "bip39/" + name + ".txt";
        try (InputStream in = Bip39Wordlist.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            Map<String, Integer> index = new HashMap<>(4096);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty()) index.put(w, index.size());
            }
            if (index.size() != 2048) throw new IllegalStateException(resource + " has " + index.size() + " words, expected 2048");
            return new Bip39Wordlist(name, Map.copyOf(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
