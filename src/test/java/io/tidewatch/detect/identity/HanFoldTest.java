package io.tidewatch.detect.identity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Traditional Chinese reads as simplified, for the rules' patterns and the text alike; nothing else changes. */
class HanFoldTest {
    @Test
    void traditional_characters_fold_to_simplified_ones() {
        assertEquals("账户已冻结，请点击连结", HanFold.fold("帳戶已凍結，請點擊連結"));
        assertEquals("钱包密码 发送 获得 回馈 币安", HanFold.fold("錢包密碼 發送 獲得 回饋 幣安"));
        assertEquals("账户", HanFold.fold("帐户")); // a simplified variant reads as the usual form the rules write
    }

    @Test
    void other_text_is_returned_as_it_is() {
        String text = "DM me for help 👀 +44 7700 900123 嘅 唔 呢啲 かな 한국어";
        assertSame(text, HanFold.fold(text));
    }

    @Test
    void traditional_bait_meets_the_rules_written_in_simplified() {
        List<ScamBait> simplified = ScamBaitMatcherTest.MATCHER.find("您的账户已被冻结，请点击链接验证");
        List<ScamBait> traditional = ScamBaitMatcherTest.MATCHER.find("您的帳戶已被凍結，請點擊鏈接驗證");
        assertEquals(simplified.stream().map(b -> b.rule().id()).toList(), traditional.stream().map(b -> b.rule().id()).toList());
        assertEquals(1, traditional.size());
        assertEquals("您的帳戶已被凍結，請點擊鏈接驗證".substring(traditional.get(0).start(), traditional.get(0).end()),
                traditional.get(0).excerpt(), "offsets and excerpt stay in the original characters");
    }
}
