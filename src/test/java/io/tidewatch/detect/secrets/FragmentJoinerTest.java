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

    // values generated for this test: a random 64-byte base58 string, 32 random bytes in hex, a Luhn-valid number
    private static final String SOLANA = "5p5X1d1WvRgwEEaR3xTGJ6wGpeeGXvG7rbf5bWHF7GkrZZiqXMHgXJvZ1Ge41wXi7S3Nr6RegoSeo19aVfsCj4Uz";
    private static final String HEX = "3b34c0f65e85c67e292354c0399c848124c1683d880deef513ab5c14160cd309";

    @Test
    void joins_a_value_text_recognition_broke_unevenly_where_a_field_stands() {
        String solana = SOLANA.substring(0, 13) + " " + SOLANA.substring(13, 45) + " " + SOLANA.substring(45);
        assertEquals("Your Private Key\n" + SOLANA + "\nCopy   Done", joined("Your Private Key\n" + solana + "\nCopy   Done"));
        assertEquals("显示私钥\n" + HEX + "\n完成", joined("显示私钥\n" + HEX.substring(0, 36) + " " + HEX.substring(36) + "\n完成"));
        assertEquals("卡号  4579199177786962\n有效期 09/28", joined("卡号  4 579 1991 77 786962\n有效期 09/28"));
        assertEquals("Card number: 4579199177786962.", joined("Card number: 4579199 17 7786962."));
        // a whole line's value typed in groups of one length so that a filter would not see it
        assertEquals("API_KEY=ebcBBFZRBt4cL1UMhod5KNzDPd7vSCaB", joined("API_KEY=ebcBBFZR Bt4cL1UM hod5KNzD Pd7vSCaB"));
        assertEquals("0x" + HEX + "\n^ my key", joined("0x " + HEX.replaceAll("(.{4})(?!$)", "$1 ") + "\n^ my key"));
    }

    // a made-up token of a Telegram bot's shape: id, colon, "AA" and 33 base64url chars
    private static final String BOT = "6503714077:AAe2dbNz-plJ-0Q2VjJXHZd7OE1i6o-ql3_";

    @Test
    void joins_a_bot_token_typed_in_pieces_on_a_line_or_one_chunk_a_line() {
        assertEquals("token: " + BOT, joined("token: 650371 4077:AA e2dbNz-p lJ-0Q2 VjJXHZd7 OE1i6o -ql3_"));
        assertEquals("每行8个\n" + BOT + "\n拼起来", joined("每行8个\n65037140\n77:AAe2db\nNz-plJ-0\nQ2VjJXHZ\nd7OE1i6o\n-ql3_\n拼起来"));
        assertEquals("卡号一行四位\n4579199177786962", joined("卡号一行四位\n4579\n1991\n7778\n6962"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "卡号  4 579 1991 77 786963\n有效期 09/28",                                          // fails the Luhn check
        "显示私钥\n3b34c0f65e85c67e292354c0399c848124c1 683d880deef513ab5c14160cd30\n完成",   // 63 hex digits
        "key 3b34c0f65e85c67e292354c0399c848124c1 683d880deef513ab5c14160cd309 then more words",  // not a field's value
        "remove key='3b34c0f65e85c67e292354c0399c848124c1 683d880deef513ab5c14160cd309'",       // quoted in a command
        "notes: good luck with your new role today"})                                            // words of one length
    void leaves_other_uneven_pieces_apart(String text) {
        assertNull(joined(text));
    }

    @Test
    void a_key_broken_by_text_recognition_is_found_and_no_piece_shows() {
        String[] pieces = {SOLANA.substring(0, 13), SOLANA.substring(13, 45), SOLANA.substring(45)};
        String text = "Phantom export screen (OCR), Solflare says invalid private key\nYour Private Key\n"
                + String.join(" ", pieces) + "\nCopy   Done";
        Scanners.assertFoundHiding(text, "solana-secret-key", pieces);
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
