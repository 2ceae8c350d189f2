package io.tidewatch.detect.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an excerpt hides (credentials, keys, codes, seed words) and what it keeps (words, handles, amounts, links). */
class ScamExcerptTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DM me for support|DM me for support",
            "send 0.1 ETH to 0x7a250d5630b4cf539739df2c5dacb4c659f2488d to verify|send 0.1 ETH to •••••• to verify",
            "my password is sunshine please help|my password is •••••• please help",
            "password: hunter2|password: ••••••",
            "密码是Hunter2024请登录|密码是••••••请登录",
            "api口令：okx8899|api口令：••••••",
            "the code 482913 from sms|the code •••••• from sms",
            "send the code to me|send the code to me",
            "短信验证码 551 209 发你了|短信验证码 •••••• 发你了",
            "card 4532 0151 1283 0366 thanks|card •••••• thanks",
            "contact @exex_helpdesk_247 now|contact @exex_helpdesk_247 now",
            "加我微信 kefu8866 处理|加我微信 •••••• 处理",
            "secret 2OMP U6NI 55MS PDEM EECQ HTHY|secret ••••••",
            "my backup: fancy muffin offer equal scorpion harsh caught arm|my backup: ••••••",
            "包教包会 good then just very like water fancy muffin offer|包教包会 ••••••",
            "第一组：只 独 乘 入 纯 明，第二组：溶 扇 愈 该 基 捅|第一组：••••••二组：••••••",
            "send 100 USDT on TRC20 to unlock|send 100 USDT on TRC20 to unlock",
            "visit exex-airdrop.xyz now|visit exex-airdrop.xyz now",
            "the code is zero eight four eight six zero ok|the code is •••••• ok",
            "驗證碼係六零一八六七快啲|驗證碼係••••••快啲",
            "one or two of them, five maybe|one or two of them, five maybe",
            "CNIC 35202-4821733-5 pls|CNIC •••••• pls",
            "whatsapp +1 555 013 2299 now|whatsapp +1 •••••• now",
    })
    void masks(String text, String expected) {
        assertEquals(expected, ScamExcerpt.safe(text));
    }

    /** A span is judged with the message around it: a phrase's last words on the bait's line are a phrase's still. */
    @Test
    void a_span_masks_the_part_of_a_run_of_seed_words_that_starts_before_it() {
        String text = "1 皮   2 免   3 闪\n4 增   5 阻   6 郭\n7 霞   8 真   9 柬\n10 辅   11 湖   12 上 本群即将迁移至新群，请点击链接";
        int start = text.indexOf("10 辅");
        // (the run takes "本" too, written apart from the last word and on the list: as safe() on the whole text would)
        assertEquals("••••••群即将迁移至新群，请点击链接", ScamExcerpt.safe(text, start, text.length()));
        assertEquals(text.substring(start), ScamExcerpt.safe(text.substring(start)), "alone, four words are no run");
        // a run wholly outside the span changes nothing in it
        assertEquals("请点击链接", ScamExcerpt.safe(text, text.indexOf("请点击"), text.length()));
        // and one inside it is masked as before
        assertEquals("my backup: ••••••", ScamExcerpt.safe("hi. my backup: fancy muffin offer equal scorpion harsh", 4, 54));
    }
}
