package io.tidewatch.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchWordsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "withdrawal 0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be pending | withdrawal pending",
            "deposit see https://evil.example/x now                         | deposit see now",
            "deposit see:https://evil.example/x now                         | deposit see: now",
            "login www.examp1e.com failed                                   | login failed",
            "mail me at alice@mail.example.com please                       | mail me at please",
            "ask @exex_mod_anna about kyc                                    | ask about kyc",
            "order 12345678 and uid 9876543210 missing                      | order and uid missing",
            "key QUJDREVGR0hJSktMTU5PUFFSU1RVVldY== leaked                   | key leaked",
            "2fa code lost                                                   | 2fa code lost",
            "deadline-extension request                                      | deadline-extension request",
            "提币 失败\t\u0007 了                                              | 提币 失败 了",
    })
    void links_addresses_handles_and_codes_are_removed_words_kept(String question, String words) {
        assertEquals(words, SearchWords.of(question, 200));
    }

    @Test
    void a_long_question_is_cut_at_a_word_boundary() {
        assertEquals("deposit not", SearchWords.of("deposit not credited yet", 12));
    }

    /** Hostile private messages: each finishes (the timeout is a hang guard, not a performance bound). */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void hostile_questions_finish() {
        assertEquals("", SearchWords.of("@".repeat(4096), 200).replace("@", ""));
        assertEquals("a", SearchWords.of("a@".repeat(2048) + "b", 200), "the handles go, the first letter stays");
        assertEquals(200, SearchWords.of("<".repeat(100_000), 200).length());
        assertTrue(SearchWords.of("a.".repeat(4000), 200).length() <= 200);
        assertTrue(SearchWords.of("a@b.".repeat(5000), 200).isEmpty());
        assertEquals("", SearchWords.of("-".repeat(100_000) + "1", 200));
    }
}
