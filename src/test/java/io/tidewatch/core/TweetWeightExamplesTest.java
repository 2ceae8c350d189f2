package io.tidewatch.core;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Twitter's weighted count: Latin 1, CJK and emoji 2, any URL 23. */
class TweetWeightExamplesTest {
    @ParameterizedTest(name = "''{0}'' weighs {1}")
    @CsvSource(delimiter = '|', value = {
            "hello|5",
            "充值|4",
            "deposit 充值|12",
            "🚀|2",
            "see https://www.example.com/help/articles/a-very-long-path-that-does-not-count|27",
            "https://a.com https://c.org|47",
            "“quotes” — dash|15",
    })
    void weighs_like_twitter(String text, int weight) {
        assertEquals(weight, TweetLength.of(text));
    }
}
