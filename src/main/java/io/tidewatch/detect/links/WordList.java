package io.tidewatch.detect.links;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Everyday English words (the bundled {@code english-words.txt}, derived from Debian's wamerican and
 * wbritish; source and licence in its header), lower-case a-z. Answers whether a string is a word,
 * how many words begin with it, and whether a string splits into words. Immutable and thread-safe.
 */
public final class WordList {
    private static final String RESOURCE = "english-words.txt";
    private static volatile WordList bundled;

    private final Set<String> words;
    /** The words sorted, for prefix counts. */
    private final String[] sorted;

    WordList(Set<String> words) {
        this.words = Set.copyOf(words);
        this.sorted = words.toArray(String[]::new);
        Arrays.sort(sorted);
    }

    /** The bundled list, read once. */
    public static WordList english() {
        WordList w = bundled;
        if (w == null) {
            synchronized (WordList.class) {
                if (bundled == null) bundled = read();
                w = bundled;
            }
        }
        return w;
    }

    private static WordList read() {
        Set<String> words = new HashSet<>(100_000);
        try (InputStream in = WordList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') words.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
        return new WordList(words);
    }

    public boolean contains(String word) { return words.contains(word); }

    public int size() { return words.size(); }

    /** How many words begin with {@code prefix}, the word itself included ("crypto" begins "cryptography"). */
    public int wordsStartingWith(String prefix) {
        int from = Arrays.binarySearch(sorted, prefix);
        if (from < 0) from = -from - 1;
        int n = 0;
        for (int i = from; i < sorted.length && sorted[i].startsWith(prefix); i++) n++;
        return n;
    }

    /**
     * True when {@code s} is a run of words of at least {@code minLength} letters, digit runs and
     * {@code extra} words ("trades", "wallet2fa", "pay"). Dynamic programming over cut points: linear in
     * the number of (start, length) pairs, so a 63-letter label costs a few thousand set look-ups.
     */
    public boolean splits(String s, int minLength, Set<String> extra) {
        int n = s.length();
        if (n == 0) return false;
        boolean[] ok = new boolean[n + 1];
        ok[0] = true;
        for (int end = 1; end <= n; end++) {
            for (int start = end - 1; start >= 0 && !ok[end]; start--) {
                if (!ok[start]) continue;
                String piece = s.substring(start, end);
                ok[end] = allDigits(piece) || extra.contains(piece) || piece.length() >= minLength && words.contains(piece);
            }
        }
        return ok[n];
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
