package io.tidewatch.web;

import static org.junit.jupiter.api.Assertions.fail;

/** The project's leak check: no 6-character window of a seeded secret appears in an output. */
final class Secrets {
    private Secrets() {}

    static void assertNoWindowOf(String secret, String output) {
        for (int i = 0; i + 6 <= secret.length(); i++) {
            String window = secret.substring(i, i + 6);
            if (window.isBlank()) continue;
            if (output.contains(window)) fail("the output contains '" + window + "' of the secret");
        }
    }

    /**
     * For a seed phrase: no two of its words in a row. Its words are common English words that the
     * bot's own texts use ("never"), so single words or 6-character windows would not tell a leak.
     */
    static void assertNoWordPairOf(String phrase, String output) {
        String[] words = phrase.split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            String pair = words[i] + " " + words[i + 1];
            if (output.contains(pair)) fail("the output contains '" + pair + "' of the phrase");
        }
    }
}
