package io.tidewatch.detect.secrets;

import io.tidewatch.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values handed over in labelled parts are read whole; talk of parts, halves and the first or last of things is not. */
class PartJoinerTest {
    private static final PartLabels LABELS = RuleSet.load(List.of(Path.of("rules/secrets.toml"))).partLabels();

    private static String joined(String text) {
        NormalizedText j = PartJoiner.join(TextNormalizer.normalize(text), LABELS);
        return j == null ? null : j.text();
    }

    @Test
    void joins_the_values_of_consecutive_labelled_parts() {
        assertEquals("token 43365897:AA_uxqI09h8nhV51sFQM4uRog7yLShwKLSl",
                joined("token part 1 43365897:AA_uxqI09h8\npart 2 nhV51sFQM4uRog7yLShwKLSl"));
        assertEquals("4777874944721563\nexp 11/29", joined("first 8: 4777 8749\nlast 8: 4472 1563\nexp 11/29"));
        assertEquals("身份证350203200108158632", joined("身份证前六位350203\n后面200108158632"));
        assertEquals("totp secret 23APDKUFGVZMN6GC", joined("totp secret part1 23APDKUF part2 GVZMN6GC"));
        assertEquals("key: Qm7xT2pLw9ZkR4vN8sYbHd", joined("key: first half Qm7xT2pLw9Z\nsecond half kR4vN8sYbHd"));
        // a six-digit code in halves of three
        assertEquals("验证码095163", joined("验证码前三位095 后三位163"));
        assertEquals("code 079321", joined("code first half 079 second half 321"));
        // an ID number as its parts, set off by slashes; a value's own "/" stays
        assertEquals("id number: 44030519750105259X", joined("id number: first 6 440305 / birthday 19750105 / last 4 259X"));
        assertEquals("身份证44030519750105259X", joined("身份证前6位 440305 生日 19750105 后4位 259X"));
        assertEquals("key qT7xZk2w/P9aB4mNq/", joined("key part 1 qT7xZk2w/\npart 2 P9aB4mNq/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "part 1 of the guide is done, part 2 tomorrow",
        "the first half was great, second half boring",
        "前半场 2:1 后半场 0:3",
        "前3天涨了200 后3天跌了300",
        "part 1: 12\npart 2: x",                        // a part of one char is a list's number, not a piece
        "part 1 ABCD1234\nsome words here\npart 2 EFGH5678",  // the parts must follow each other
        "birthday 19900101 / anniversary 20150601",           // one label's value alone
        "hello world"})
    void leaves_the_rest(String text) {
        assertNull(joined(text));
    }

    @Test
    void a_code_in_two_halves_is_found_and_no_half_shows() {
        List<Finding> found = Scanners.assertFoundHiding("验证码前三位095 后三位163", "one-time-code", "095", "163");
        assertTrue(found.stream().anyMatch(f -> f.rule().equals("one-time-code")), found.toString());
    }

    @Test
    void a_bot_token_in_two_parts_is_found_and_no_piece_shows() {
        String[] pieces = {"43365897:AA_uxqI09h8", "nhV51sFQM4uRog7yLShwKLSl"};
        String text = "@helper_x ok the bot token part 1 " + pieces[0] + "\npart 2 " + pieces[1] + "\ndone?";
        List<Finding> found = Scanners.assertFoundHiding(text, "telegram-bot-token", pieces);
        assertTrue(found.stream().anyMatch(f -> f.rule().equals("telegram-bot-token")), found.toString());
    }
}
