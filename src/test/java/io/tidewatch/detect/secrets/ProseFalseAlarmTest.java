package io.tidewatch.detect.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * False alarms on ordinary prose nobody here wrote: fortunes, the Debian handbook and reference,
 * man pages, GIMP help and translated UI strings from Debian packages, in Chinese, English and the
 * other BIP-39 languages (see {@code prose/build-prose-corpus.py}). A committed sample runs always;
 * the whole corpus runs with {@code -Dtidewatch.prose.corpus=DIR} and prints false alarms per
 * 10,000 posts by language.
 */
class ProseFalseAlarmTest {
    static final String CORPUS_PROPERTY = "tidewatch.prose.corpus";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Posts and findings of one language: seed phrases apart, as they are the class being judged. */
    static final class Tally {
        int posts, seedAlarms, otherAlarms;
        final List<String> examples = new ArrayList<>();

        double seedPer10k() { return posts == 0 ? 0 : seedAlarms * 10_000.0 / posts; }

        double otherPer10k() { return posts == 0 ? 0 : otherAlarms * 10_000.0 / posts; }
    }

    static Tally measure(InputStream jsonl, SecretScanner scanner) throws IOException {
        Tally t = new Tally();
        try (var r = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String text = JSON.readTree(line).get("text").asText();
                t.posts++;
                List<Finding> f = scanner.scan(text);
                if (f.isEmpty()) continue;
                boolean seed = f.stream().anyMatch(x -> x.rule().equals("bip39-seed-phrase"));
                if (seed) t.seedAlarms++; else t.otherAlarms++;
                if (t.examples.size() < 40) {
                    t.examples.add(f.stream().map(Finding::rule).distinct().toList() + " "
                            + text.replace("\n", "⏎").substring(0, Math.min(160, text.length())));
                }
            }
        }
        return t;
    }

    private static void print(String lang, Tally t) {
        System.out.printf("prose %-3s %8d posts: seed-phrase false alarms %d (%.2f per 10k), other secret rules %d (%.2f per 10k)%n",
                lang, t.posts, t.seedAlarms, t.seedPer10k(), t.otherAlarms, t.otherPer10k());
        t.examples.forEach(e -> System.out.println("    " + e));
    }

    @Test
    void committed_sample_raises_no_seed_phrase_alarm() throws Exception {
        int posts = 0;
        for (String lang : List.of("en", "zh", "es", "fr", "it", "pt", "cs", "ja", "ko")) {
            try (InputStream in = ProseFalseAlarmTest.class.getResourceAsStream("/secrets/prose/sample-" + lang + ".jsonl")) {
                Tally t = measure(in, Scanners.own());
                print(lang, t);
                posts += t.posts;
                assertEquals(0, t.seedAlarms, lang + ": " + t.examples);
            }
        }
        assertTrue(posts >= 5000, "the sample keeps its size: " + posts);
    }

    @Test
    @EnabledIfSystemProperty(named = CORPUS_PROPERTY, matches = ".+")
    void whole_corpus_at_most_one_seed_phrase_alarm_per_10k_posts() throws Exception {
        Map<String, Tally> byLang = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty(CORPUS_PROPERTY)))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    byLang.put(f.getFileName().toString().replace(".jsonl", ""), measure(in, Scanners.own()));
                }
            }
        }
        byLang.forEach(ProseFalseAlarmTest::print);
        byLang.forEach((lang, t) -> assertTrue(t.seedPer10k() <= 1.0, lang + " " + t.seedPer10k() + " per 10k"));
        // the other rules: what is left are documentation examples that state a literal password
        // ("password=postgres", "WITH PASSWORD 'jw8s0F4'"), which a chat cannot tell from a leak
        byLang.forEach((lang, t) -> assertTrue(t.otherPer10k() <= 1.5, lang + " other rules " + t.otherPer10k() + " per 10k"));
    }
}
