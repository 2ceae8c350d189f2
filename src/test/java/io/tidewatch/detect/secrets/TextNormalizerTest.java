package io.tidewatch.detect.secrets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the rules see after normalization, and that spans map back to the original. */
class TextNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        pass\u200bword                 | password
        \uFEFFkey\u200d=1               | key=1
        ｐａｓｓｗｏｒｄ１２３            | password123
        p a s s w o r d is x          | password is x
        p.a.s.s.w.o.r.d               | password
        k-e-y-s ok                    | keys ok
        a b c                         | a b c
        I am ok                       | I am ok
        密 码 是                       | 密码是
        1 2 3 4 5 6                   | 123456
        """)
    void normalizes(String in, String out) {
        assertEquals(out, TextNormalizer.normalize(in).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ｍｙ ｋｅｙ Ａ１                | a1   | 7
        x p a s s y                    | pass | 2
        a\u200bb\u200bc\u200bd tail    | tail | 8
        """)
    void spans_map_back(String original, String needle, int start) {
        NormalizedText nt = TextNormalizer.normalize(original);
        int s = nt.lower().indexOf(needle);
        assertEquals(start, nt.originalStart(s));
        assertEquals(original.length() - (original.endsWith("y") ? 2 : 0), nt.originalEnd(s + needle.length()));
    }
}
