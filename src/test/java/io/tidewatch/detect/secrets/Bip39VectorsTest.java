package io.tidewatch.detect.secrets;

import io.tidewatch.core.Finding;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ten official BIP-39 wordlists and the reference vectors. {@code secrets/bip39-vectors.tsv} holds
 * the 24 entropies of the trezor/python-mnemonic {@code vectors.json} in every language, encoded by the
 * npm {@code bip39} package (not by Tidewatch; see {@code bip39-vectors.js}); they were checked
 * identical to trezor's vectors (240 of 240) when the file was made.
 */
class Bip39VectorsTest {
    /** SHA-256 of each published list file (one word per line, LF), as rust-bitcoin's bip39 crate pins them. */
    static final Map<String, String> PUBLISHED_SHA256 = Map.of(
            "english", "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda",
            "japanese", "2eed0aef492291e061633d7ad8117f1a2b03eb80a29d0e4e3117ac2528d05ffd",
            "korean", "9e95f86c167de88f450f0aaf89e87f6624a57f973c67b516e338e8e8b8897f60",
            "spanish", "46846a5a0139d1e3cb77293e521c2865f7bcdb82c44e8d0a06a2cd0ecba48c0b",
            "chinese_simplified", "5c5942792bd8340cb8b27cd592f1015edf56a8c5b26276ee18a482428e7c5726",
            "chinese_traditional", "417b26b3d8500a4ae3d59717d7011952db6fc2fb84b807f3f94ac734e89c1b5f",
            "french", "ebc3959ab7801a1df6bac4fa7d970652f1df76b683cd2f4003c941c63d517e59",
            "italian", "d392c49fdb700a24cd1fceb237c1f65dcc128f6b34a8aacb58b59384b5c648c2",
            "czech", "7e80e161c3e93d9554c2efb78d4e3cebf8fc727e9c52e03b83b94406bdcc95fc",
            "portuguese", "2685e9c194c82ae67e10ba59d9ea5345a23dc093e92276fc5361f6667d79cd3f");

    record Vector(String language, String entropy, String mnemonic) {}

    static List<Vector> vectors() throws Exception {
        List<Vector> out = new ArrayList<>();
        try (var in = Bip39VectorsTest.class.getResourceAsStream("/secrets/bip39-vectors.tsv");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new Vector(f[0], f[1], f[2]));
            }
        }
        return out;
    }

    @Test
    void all_ten_wordlists_are_the_published_files() throws Exception {
        assertEquals(10, Bip39Wordlist.ALL.size());
        for (Bip39Wordlist list : Bip39Wordlist.ALL) {
            try (var in = Bip39Wordlist.class.getResourceAsStream("bip39/" + list.name() + ".txt")) {
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                assertEquals(PUBLISHED_SHA256.get(list.name()), sha, list.name());
            }
        }
    }

    @Test
    void every_reference_vector_is_checksum_valid_in_its_list() throws Exception {
        for (Vector v : vectors()) {
            Bip39Wordlist list = Bip39Wordlist.ALL.stream().filter(l -> l.name().equals(v.language())).findFirst().orElseThrow();
            assertTrue(SeedPhraseValidator.checksumValid(list, v.mnemonic().split("[ \u3000]")), v.toString());
        }
    }

    /** The vectors as people post them: composed (NFC) as keyboards type, decomposed as published, accents dropped. */
    @Test
    void every_vector_posted_after_my_recovery_phrase_is_found_in_every_language() throws Exception {
        Map<String, int[]> perLanguage = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (Vector v : vectors()) {
            Map<String, String> forms = new LinkedHashMap<>();
            forms.put("nfc", Normalizer.normalize(v.mnemonic(), Normalizer.Form.NFC));
            forms.put("nfkd", v.mnemonic());
            if (v.language().equals("spanish") || v.language().equals("french")) forms.put("no accents", stripAccents(v.mnemonic()));
            if (v.language().equals("japanese")) forms.put("ascii spaces", forms.get("nfc").replace('\u3000', ' '));
            boolean all = true;
            for (var form : forms.entrySet()) {
                String phrase = form.getValue();
                String text = "my recovery phrase is " + phrase;
                List<Finding> f = Scanners.own().scan(text);
                boolean found = f.stream().anyMatch(x -> x.rule().equals("bip39-seed-phrase")
                        && x.start() == text.indexOf(phrase) && x.end() == text.length());
                if (!found) { all = false; missed.add(v.language() + " " + form.getKey() + " " + v.entropy() + " -> " + f); }
            }
            int[] c = perLanguage.computeIfAbsent(v.language(), k -> new int[2]);
            c[1]++;
            if (all) c[0]++;
        }
        perLanguage.forEach((l, c) -> System.out.printf("bip39 vectors %-20s %d/%d%n", l, c[0], c[1]));
        assertEquals(10, perLanguage.size());
        assertEquals(List.of(), missed);
    }

    static String stripAccents(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder();
        for (char c : d.toCharArray()) if (Character.getType(c) != Character.NON_SPACING_MARK) sb.append(c);
        return sb.toString();
    }
}
