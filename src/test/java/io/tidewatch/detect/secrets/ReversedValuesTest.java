package io.tidewatch.detect.secrets;

import io.tidewatch.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A value the message says is written backwards is read the right way round; without such words nothing changes. */
class ReversedValuesTest {
    private static final List<String> CUES = List.of("reversed", "backwards", "倒着");

    private static String read(String text) {
        NormalizedText r = ReversedValues.read(TextNormalizer.normalize(text), CUES);
        return r == null ? null : r.text();
    }

    @Test
    void reads_values_the_right_way_round_and_leaves_words_handles_and_links() {
        assertEquals("卡号倒着写的 6226106654420074 @lilgirl6460", read("卡号倒着写的 4700244566016226 @lilgirl6460"));
        assertEquals("key reversed: 8bd273cb-ec20-4693-bc22-96bfe38b5401 see example.com/abc1234567",
                read("key reversed: 1045b83efb69-22cb-3964-02ce-bc372db8 see example.com/abc1234567"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"card 4700244566016226", "the trend reversed today", "倒着写 abc"})
    void needs_a_cue_and_a_value(String text) {
        assertNull(read(text));
    }

    @Test
    void a_card_number_written_backwards_is_found_and_masked_in_the_original() {
        String text = "收款卡号倒着写的 4700244566016226 你转的时候正过来";
        List<Finding> found = Scanners.own().scan(text);
        assertTrue(found.stream().anyMatch(f -> f.rule().startsWith("payment-card")), found.toString());
        for (Finding f : found) {
            assertFalse(f.excerpt().contains("470024") || f.excerpt().contains("622610"), f.excerpt());
            assertEquals("4700244566016226", text.substring(f.start(), f.end()));
        }
    }
}
