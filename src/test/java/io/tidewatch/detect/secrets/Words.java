package io.tidewatch.detect.secrets;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The bundled BIP-39 wordlists as lists, and phrases with a valid checksum built from them, for tests. */
final class Words {
    static final List<String> ENGLISH = read("english");
    static final List<String> CHINESE = read("chinese_simplified");

    private Words() {}

    static List<String> read(String name) {
        try (var in = Bip39Wordlist.class.getResourceAsStream("bip39/" + name + ".txt");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) if (!line.isBlank()) out.add(Normalizer.normalize(line.strip(), Normalizer.Form.NFC));
            return out;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A checksum-valid phrase of {@code n} words that starts with {@code first} (list words) and is
     * completed with random words; the last word is the first one (of 2048) the checksum accepts.
     */
    static List<String> phrase(List<String> list, Bip39Wordlist wordlist, List<String> first, int n, Random rnd) {
        List<String> words = new ArrayList<>(first);
        while (words.size() < n - 1) words.add(list.get(rnd.nextInt(2048)));
        int offset = rnd.nextInt(2048);
        for (int i = 0; i < 2048; i++) {
            String last = list.get((offset + i) % 2048);
            List<String> candidate = new ArrayList<>(words);
            candidate.add(last);
            if (SeedPhraseValidator.checksumValid(wordlist, candidate.toArray(String[]::new))) return candidate;
        }
        throw new IllegalStateException("no checksum word"); // cannot happen: 2^(11-n/3) last words are valid
    }
}
