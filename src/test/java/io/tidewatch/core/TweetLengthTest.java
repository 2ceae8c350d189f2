package io.tidewatch.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Conformance cases written after twitter-text's weighted-length rules (validate.yml, v3 config). */
class TweetLengthTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain ASCII counts one per character", "Hello, world", 12),
                Arguments.of("empty", "", 0),
                Arguments.of("Latin-1 and Latin Extended weigh 1", "Café naïve Ærø", 14),
                Arguments.of("decomposed accent is normalized first (NFC)", "Cafe\u0301", 4),
                Arguments.of("CJK ideographs weigh 2", "示例交易所", 10),
                Arguments.of("Hangul syllables weigh 2", "안녕", 4),
                Arguments.of("Hangul Jamo (below 4352) weighs 1", "\u1100\u1161", 2),
                Arguments.of("full-width punctuation weighs 2", "你好，世界。", 12),
                Arguments.of("en space range 8192-8205 weighs 1", "a\u2002b", 3),
                Arguments.of("dashes and quotes 8208-8223 weigh 1", "\u2014\u201C\u201D", 3),
                Arguments.of("primes 8242-8247 weigh 1", "\u2032\u2033", 2),
                Arguments.of("ellipsis (8230) is outside the ranges and weighs 2", "\u2026", 2),
                Arguments.of("a URL counts 23 however long", "see https://www.example.com/help/articles/very/long/path/that/goes/on?q=1", 4 + 23),
                Arguments.of("a short URL still counts 23", "https://x.co", 23),
                Arguments.of("a bare domain is a URL too", "visit example.com now", 6 + 23 + 4),
                Arguments.of("trailing punctuation is not part of the URL", "Go to https://example.com.", 6 + 23 + 1),
                Arguments.of("two URLs", "https://a.com https://b.com", 23 + 1 + 23),
                Arguments.of("URL inside CJK text", "访问https://example.com了解", 4 + 23 + 4),
                Arguments.of("single emoji weighs 2", "\uD83D\uDE00", 2),
                Arguments.of("ZWJ family sequence weighs 2", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", 2),
                Arguments.of("flag (regional indicator pair) weighs 2", "\uD83C\uDDEF\uD83C\uDDF5", 2),
                Arguments.of("skin tone modifier sequence weighs 2", "\uD83D\uDC4D\uD83C\uDFFD", 2),
                Arguments.of("keycap sequence weighs 2", "1\uFE0F\u20E3", 2),
                Arguments.of("text-presentation heart with FE0F weighs 2", "\u2764\uFE0F", 2),
                Arguments.of("mixed text, CJK, emoji and URL", "注意 ⚠\uFE0F https://example.com/a ok", 4 + 1 + 2 + 1 + 23 + 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weighs_like_twitter_text(String description, String text, int expected) {
        assertEquals(expected, TweetLength.of(text), description);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void limit_is_280_weighted(String description, String text, boolean fits) {
        assertEquals(fits, TweetLength.fits(text), description);
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("280 ASCII fit", "a".repeat(280), true),
                Arguments.of("281 ASCII do not", "a".repeat(281), false),
                Arguments.of("140 CJK fit", "中".repeat(140), true),
                Arguments.of("141 CJK do not", "中".repeat(141), false),
                Arguments.of("140 emoji fit", "\uD83D\uDE00".repeat(140), true),
                Arguments.of("256 ASCII, a space and a URL fit", "a".repeat(256) + " https://example.com/" + "x".repeat(200), true));
    }
}
