package io.tidewatch.detect.identity;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's verdict and its excuses (rules/scam.yaml, model.excuses and model.sure). */
class ScamModelJudgeTest {
    private static final ScamBaitMatcher MATCHER = new ScamBaitMatcher(ScamRules.load(Path.of("rules/scam.yaml")),
            ScamBaitMatcherTest.IDENTITY.skeleton());
    private static final ScamModelJudge JUDGE = new ScamModelJudge(MATCHER);

    @Test
    void a_sure_verdict_stands_though_the_bait_says_a_warning_word() {
        // a fake notice opens with "注意" (attention), a warning word that would excuse the message
        String text = "TP钱包用户注意，需要升级验证，否则资产无法转出，点击 https://rectify-help-sel15.example 验证";
        assertTrue(MATCHER.warnsOrAsksAnywhere(text));
        ScamModelJudge.Verdict v = JUDGE.judge(text);
        assertNotNull(v);
        assertTrue(v.score() >= JUDGE.settings().sure(), "score " + v.score());
    }

    @Test
    void a_warning_the_model_is_not_sure_of_stays_excused() {
        assertNull(JUDGE.judge("不要理会那个自称客服的号，他不会帮你，有问题走App里的在线客服"));
        assertNull(JUDGE.judge("never send your 2FA code to anyone who DMs you, support will not ask for it"));
    }
}
