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

/** Values dictated in pieces are read whole; words, dates and values wrapped mid-line stay apart. */
class FragmentJoinerTest {
    private static String joined(String text) {
        NormalizedText j = FragmentJoiner.join(TextNormalizer.normalize(text));
        return j == null ? null : j.text();
    }

    @Test
    void joins_pieces_over_lines_and_groups() {
        assertEquals("card 6222607043863960747\nICBC", joined("card 6222 6070 4386\n3960 747\nICBC"));
        assertEquals("sms:\n605443\nemail not yet", joined("sms:\n605\n443\nemail not yet"));
        assertEquals("key f2616d431e670fe68a6c06f9 ok", joined("key f2616d43 1e670fe6 8a6c06f9 ok"));
        assertEquals("ZTK75FFEHYVMPM2LATPLD4KGFI", joined("ZTK7 5FFE HYVM\nPM2L ATPL D4KG FI"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sent 100 USDT on 2024 12 03", "key='e0d96d6fad35a61a0577f467940509b5aa08b6dea8d99456ec19a6e47 126bc52'",
        "the TV and PC are fine", "order 12\n34"})
    void leaves_the_rest(String text) {
        assertNull(joined(text));
    }

    @Test
    void a_card_sent_over_two_lines_is_found_and_masked_in_the_original() {
        String text = "🏦 payout card 54692336\n24429940\nplease transfer here";
        List<Finding> found = Scanners.own().scan(text);
        assertTrue(found.stream().anyMatch(f -> f.rule().equals("payment-card-number")), found.toString());
        Finding card = found.stream().filter(f -> f.rule().equals("payment-card-number")).findFirst().orElseThrow();
        assertEquals("54692336\n24429940", text.substring(card.start(), card.end()));
        assertFalse(card.excerpt().contains("5469") || card.excerpt().contains("9940"), card.excerpt());
    }
}
