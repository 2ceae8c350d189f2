package io.tidewatch.detect;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeywordIndexTest {
    private static final List<Set<String>> KEYWORDS = List.of(
            Set.of("key", "apikey"), Set.of("api"), Set.of(), Set.of("助记词", "私钥"), Set.of("pass", "password"),
            Set.of("ss", "sss"), Set.of("密钥"), Set.of("k"));

    @Test
    void a_rule_is_a_candidate_exactly_when_one_of_its_keywords_occurs() {
        KeywordIndex index = new KeywordIndex(KEYWORDS);
        for (String text : List.of("", "my apikey is", "pa ss word", "passsss", "把助记词和私钥发我", "密", "a 密钥 b",
                "keykeykey", "k", "no match here")) {
            assertEquals(naive(text), index.candidates(text), text);
        }
        // random texts over the keywords' alphabet, where overlaps and shared prefixes are common
        String alphabet = "apikeyswordsk助记词私钥密 ";
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(naive(text.toString()), index.candidates(text.toString()), text.toString());
        }
    }

    @Test
    void without_keywords_every_rule_always_runs() {
        assertEquals(bits(0, 1), new KeywordIndex(List.of(Set.of(), Set.of())).candidates("anything"));
    }

    private static BitSet naive(String text) {
        BitSet out = new BitSet();
        for (int i = 0; i < KEYWORDS.size(); i++) {
            Set<String> keywords = KEYWORDS.get(i);
            if (keywords.isEmpty() || keywords.stream().anyMatch(text::contains)) out.set(i);
        }
        return out;
    }

    private static BitSet bits(int... indices) {
        BitSet out = new BitSet();
        for (int i : indices) out.set(i);
        return out;
    }
}
