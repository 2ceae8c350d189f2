package io.tidewatch.support;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Question text brought to one form before analysis. */
class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer(Map.of("tb", "提币", "kf", "客服"));

    @Test
    void traditional_characters_full_width_letters_and_capitals_are_folded() {
        assertEquals("帐户被盗 怎么办", normalizer.normalize("帳戶被盜 怎麼辦"));
        assertEquals("kyc 2fa", normalizer.normalize("ＫＹＣ 2FA"));
    }

    @Test
    void an_abbreviation_is_read_as_its_word_only_as_a_whole_token() {
        assertEquals(" 提币 到钱包没到", normalizer.normalize("TB到钱包没到"));
        assertEquals("找 客服 ", normalizer.normalize("找kf"));
        assertEquals("tbd kf2 stb", normalizer.normalize("tbd kf2 stb"));
    }
}
