package io.tidewatch.detect.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The mark a message says to take out of a value goes, inside values only; without such words nothing changes. */
class RemovedMarksTest {
    private static final List<MarkRemoval> REMOVALS = List.of(new MarkRemoval('.', List.of("点去掉", "remove the dot")),
            new MarkRemoval(' ', List.of("去掉空格", "全形空格")));

    private static String read(String text) {
        NormalizedText r = RemovedMarks.read(TextNormalizer.normalize(text), REMOVALS);
        return r == null ? null : r.text();
    }

    @Test
    void takes_the_said_mark_out_of_values_only() {
        assertEquals("key 8504b02b-cbb1-4ac0-8394-d5ecbd302b3b. 点去掉就行", read("key 8504b02b-cbb1-4ac0.-8394-d5ecbd302b3b. 点去掉就行"));
        assertEquals("金鑰 BDFDUZXVDMQZRSOX 中間那個是全形空格", read("金鑰 BDFDUZXV　DMQZRSOX 中間那個是全形空格"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key 8504b02b-cbb1-4ac0.-8394-d5ecbd302b3b", "点去掉 v1.2.3 is out", "remove the dot in www.example.com please",
        "去掉空格 ab cd ef"})
    void needs_the_words_and_a_value(String text) {
        assertNull(read(text));
    }

    @Test
    void a_key_with_a_dot_put_in_is_found_and_no_value_of_the_message_shows() {
        String secret = "D20BD1C7669121CC.AC29E7B4A48DAF77";
        String text = "OKX的 apikey / secretkey / passphrase 分三行发：\n8504b02b-cbb1-4ac0.-8394-d5ecbd302b3b\n" + secret + "\nGabi461&\n点去掉就行";
        Scanners.assertFoundHiding(text, "exchange-api-key", secret);
    }
}
