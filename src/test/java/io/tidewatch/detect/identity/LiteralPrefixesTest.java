package io.tidewatch.detect.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The words a pattern must start with; anything unsure gives none (the pattern then always runs). */
class LiteralPrefixesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "\\b(dm|pm|inbox)\\s+(me|us);dm|pm|inbox",
            "\\b(support|assist\\w*|issue);support|assist|issue",
            "私信(我|我们);私信",
            "\\bsend (me|us) a dm;send ",
            "\\bwhats\\s?app\\b;whats",
            "\\bcheck (your )?(dm|inbox);check ",
            "recovery?;recover",
            "(a|b)?c;",
            "(?i)abc;",
            ".{0,8}(验证);",
            "(dm|\\w+ me);",
            "((dm|pm)|inbox) me;",
            "\\bABC;abc",
    })
    void prefixes(String regex, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split("\\|"));
        assertEquals(want, LiteralPrefixes.of(regex));
    }
}
