package io.tidewatch.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tweet length as twitter-text counts it, on twitter-text's own conformance cases and on hostile input. */
class TweetLengthTest {
    static Stream<Arguments> conformance() throws IOException {
        try (InputStream in = TweetLengthTest.class.getResourceAsStream("/twitter-text/validate-weighted-v3.yml")) {
            JsonNode cases = new ObjectMapper(new YAMLFactory()).readTree(in).get("tests").get("WeightedTweetsWithDiscountedEmojiCounterTest");
            List<Arguments> out = new ArrayList<>();
            cases.forEach(c -> out.add(Arguments.of(c.get("description").asText(), c.get("text").asText(),
                    c.get("expected").get("weightedLength").asInt(), c.get("expected").get("valid").asBoolean())));
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformance")
    void weighs_every_conformance_case_like_twitter_text(String description, String text, int weightedLength, boolean valid) {
        assertEquals(weightedLength, TweetLength.of(text), description);
        assertEquals(valid, TweetLength.fits(text), description);
    }

    @Test
    void the_conformance_file_holds_the_22_cases_of_the_current_configuration() throws IOException {
        assertEquals(22, conformance().count());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("CJK weighs 2", "示例交易所", 10),
                Arguments.of("a URL counts 23 however long", "see https://www.example.com/help/articles/very/long/path?q=1", 4 + 23),
                Arguments.of("a bare domain is a URL too", "visit example.com now", 6 + 23 + 4),
                Arguments.of("trailing punctuation is not part of the URL", "Go to https://example.com.", 6 + 23 + 1),
                Arguments.of("URL inside CJK text", "访问 https://example.com 了解", 5 + 23 + 5),
                Arguments.of("a separator-heavy run that is a real URL path", "https://example.com/" + "how-to-withdraw-usdt-from-example-exchange-to-your-own-wallet-safely-step-by-step-guide-for-new-users-2026-12-03", 23),
                Arguments.of("a long run of hyphens with text after it", "x-".repeat(40) + "  end", 80 + 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weighs_like_twitter(String description, String text, int expected) {
        assertEquals(expected, TweetLength.of(text), description);
    }

    @Test
    void finds_urls_where_twitter_text_finds_them() {
        String text = "详情 https://www.example.com/help。 Or example.com/a, or nothing.xyzzy";
        List<TweetLength.Url> urls = TweetLength.urls(text);
        assertEquals(List.of("https://www.example.com/help", "example.com/a"), urls.stream().map(TweetLength.Url::url).toList());
        for (TweetLength.Url u : urls) assertEquals(u.url(), text.substring(u.start(), u.end()));
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("a. x2100 (a. x4000 overflowed the old hand-written regex)", "a.".repeat(2100)),
                Arguments.of("1. x2100", "1.".repeat(2100)),
                Arguments.of("a- x2100 then a dot", "a-".repeat(2100) + "."),
                Arguments.of("a_ x2100 then a dot", "a_".repeat(2100) + "."),
                Arguments.of("63-character labels with hyphens", ("a-".repeat(31) + "a.").repeat(66)),
                Arguments.of("scheme then a. x2100", "https://" + "a.".repeat(2100)),
                Arguments.of("dots only", ".".repeat(4200)),
                Arguments.of("URL then a path of a. x2100", "https://example.com/" + "a.".repeat(2100)),
                Arguments.of("URL then ( x2100", "https://example.com/" + "(a".repeat(2100)),
                Arguments.of("mentions, hashtags, cashtags", "@a#b$c".repeat(700) + "."),
                Arguments.of("emoji and ZWJ", "\uD83D\uDC68\u200D".repeat(1400)),
                Arguments.of("CJK run then a dot", "中".repeat(4200) + "."));
    }

    /** Must finish and not throw; how long it takes is measured (see the report), never asserted. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostile_input_of_thousands_of_characters_is_measured_without_error(String description, String text) {
        assertTrue(text.length() >= 4096, description);
        int weight = TweetLength.of(text);
        assertTrue(weight > TweetLength.MAX, description + ": " + weight);
        TweetLength.urls(text).forEach(u -> assertEquals(u.url(), text.substring(u.start(), u.end())));
    }

    @Test
    void a_run_cut_for_speed_still_counts_every_character() {
        String run = "a.".repeat(2100);
        assertEquals(run.length(), TweetLength.of(run));
        assertEquals(run.length() + 3, TweetLength.of(run + "   "));
    }
}
