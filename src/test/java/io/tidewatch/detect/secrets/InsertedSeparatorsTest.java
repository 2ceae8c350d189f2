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

/** Marks put inside a value to hide it are taken out; addresses, dates, hype and ordinary punctuation stay. */
class InsertedSeparatorsTest {
    private static String read(String text) {
        NormalizedText r = InsertedSeparators.read(TextNormalizer.normalize(text));
        return r == null ? null : r.text();
    }

    @Test
    void takes_out_the_marks_inside_values() {
        assertEquals("2306945567:AAMO4n9IpG remove the ⭐", read("2306945⭐567:AAM⭐O4n9IpG remove the ⭐"));
        assertEquals("密钥:761abe95dec84a73", read("密钥：761a.be95.dec8.4a73"));
        assertEquals("身份证 110105199003077876", read("身份证 1101-0519-9003-0778-76"));
        assertEquals("pw 7Kq2ZxRb8WmT4a", read("pw 7Kq2.ZxRb.8WmT.4a"));
        assertEquals("私钥:「cb927748affbd245」", read("私钥：「cb.92.77.48.af.fb.d2.45」"));
    }

    @Test
    void marks_between_words_become_spaces() {
        assertEquals("invite fiction lunar flip", read("invite🍀fiction🍀lunar🍀flip"));
        assertEquals("鱼 弯 汪 而", read("鱼💎弯💎汪💎而"));
        assertEquals("trip ostrich fence wrist palm acoustic cave pony program reform total decide",
                read("trip.ostrich.fence.wrist.palm.acoustic.cave.pony.program.reform.total.decide"));
    }

    @Test
    void reads_chinese_numerals_and_one_char_lines() {
        assertEquals("证件号 110105199003077876", read("证件号 一一零一零五一九九零零三零七七八七六"));
        assertEquals("资金密码:188972", read("资金密码：壹捌捌玖柒贰"));
        assertEquals("code:\n076407", read("code:\n0\n7\n6\n4\n0\n7"));
    }

    @Test
    void joins_chars_spaced_apart_and_splits_camel_case() {
        assertEquals("authy key: UQYKFIV5WI5V4HHC", read("authy key: U . Q . Y . K . F . I . V . 5 . W . I . 5 . V . 4 . H . H . C"));
        assertEquals("login pw: &cAN47wLa*&GRB", read("login pw: & c A N 4 7 w L a * & G R B"));
        assertEquals("Method Adapt Stable Order Net Radar Caution Twenty Solve Chest Wheat Retreat",
                read("MethodAdaptStableOrderNetRadarCautionTwentySolveChestWheatRetreat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a b c", "1 + 2 = 3", "I saw a UFO", "getElementByIdAndThenTheRest", "JavaScriptIsNotCamelCaseEnoughHere ok",
        "server at 192.168.1.1 is down", "listed on 2024-12-03", "see https://www.example.com/a/b/c/d", "🚀🚀🚀 to the moon",
        "W A G M I", "e.g. this one", "three-day-old news", "一二三", "第一二三期", "ok\nyes\nno"})
    void leaves_the_rest(String text) {
        assertNull(read(text));
    }

    @Test
    void a_card_hidden_with_emoji_is_found_and_no_group_shows() {
        String text = "U卡的号 5526🦊0181🦊5908🦊3019 有效期07/30 cvv344 帮我绑一下";
        List<Finding> found = Scanners.own().scan(text);
        assertTrue(found.stream().anyMatch(f -> f.rule().startsWith("payment-card")), found.toString());
        for (Finding f : found) assertFalse(f.excerpt().contains("5908") || f.excerpt().contains("3019"), f.excerpt());
    }

    @Test
    void keycap_digits_read_as_digits() {
        assertEquals("code 459504 from the app", TextNormalizer.normalize("code 4️⃣5️⃣9️⃣5️⃣0️⃣4️⃣ from the app").text());
    }
}
