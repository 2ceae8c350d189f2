package io.tidewatch.detect.identity;

import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's verdict and its excuses (rules/scam.yaml, model.excuses, model.sure and model.concepts_over_excuses). */
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
    void below_the_alert_a_message_holding_what_bait_is_made_of_is_judged() {
        // model.evidence: bait the model nearly calls bait, with a site, a wallet, a deadline, a bot to tap
        String[] bait = {"质押池升级了，旧池子的币要从我发的入口解押，解押入口 pool-upgrade.top",
                "bro the airdrop checker is live, paste your wallet in claim-checker.top and see",
                "Group verification: tap @VerifyHumanBot and press Start or you will be removed"};
        ScamRules.Evidence first = JUDGE.settings().evidence().get(0);
        int inBand = 0;
        for (String text : bait) {
            double score = JUDGE.score(text);
            if (score >= first.from() && score < JUDGE.settings().alert()) {
                inBand++;
                assertTrue(MATCHER.matchedConcepts(MATCHER.reading(text)) >= first.concepts(), text);
            }
            assertNotNull(JUDGE.judge(text), text + " scored " + score);
        }
        assertTrue(inBand > 0, "none of the examples scored between the first model.evidence tier and model.alert");
    }

    @Test
    void a_bad_evidence_tier_is_named_in_the_error(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Path.of("rules/scam.yaml"));
        Files.copy(Path.of("rules/scam-training.tsv"), dir.resolve("scam-training.tsv"));
        for (String[] bad : new String[][]{{"- { from: 0.90, concepts: 2 }", "- { from: 0.90, concepts: 0 }", "model.evidence[0].concepts"},
                {"- { from: 0.90, concepts: 2 }", "- { from: 0.99, concepts: 2 }", "model.evidence"},
                {"- { from: 0.90, concepts: 2 }", "- { from: high, concepts: 2 }", "model.evidence[0].from"}}) {
            assertTrue(yaml.contains(bad[0]));
            Path f = dir.resolve("scam.yaml");
            Files.writeString(f, yaml.replace(bad[0], bad[1]));
            String message = assertThrows(ConfigException.class, () -> ScamRules.load(f)).getMessage();
            assertTrue(message.contains(bad[2]), message);
        }
    }

    @Test
    void bait_that_negates_in_passing_is_judged_when_enough_of_its_parts_match_unexcused() {
        // model.concepts_over_excuses: "千万别信假客服" excuses the message, its contact, problem and fix do not excuse themselves
        String text = "客服在线，充值没到账的加我飞机，马上帮你处理，千万别信假客服";
        assertTrue(MATCHER.warnsOrAsksAnywhere(text));
        double score = JUDGE.score(text);
        assertTrue(score >= JUDGE.settings().alert() && score < JUDGE.settings().sure(), "score " + score);
        assertTrue(MATCHER.matchedConcepts(MATCHER.reading(text)) >= JUDGE.settings().conceptsOverExcuses());
        assertNotNull(JUDGE.judge(text));
    }

    @Test
    void a_bad_concepts_over_excuses_is_named_in_the_error(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Path.of("rules/scam.yaml"));
        Files.copy(Path.of("rules/scam-training.tsv"), dir.resolve("scam-training.tsv"));
        assertTrue(yaml.contains("concepts_over_excuses: 3"));
        for (String bad : new String[]{"concepts_over_excuses: 0", "concepts_over_excuses: many"}) {
            Path f = dir.resolve("scam.yaml");
            Files.writeString(f, yaml.replace("concepts_over_excuses: 3", bad));
            String message = assertThrows(ConfigException.class, () -> ScamRules.load(f)).getMessage();
            assertTrue(message.contains("model.concepts_over_excuses"), message);
        }
    }

    @Test
    void a_member_asking_whether_a_notice_is_official_is_not_judged() {
        assertNull(JUDGE.judge("短信截图：\n【币安】您的提现申请已处理完成，订单号 649972680593，如非本人操作请联系客服。\n这个是官方短信吧"));
    }

    @Test
    void a_warning_the_model_is_not_sure_of_stays_excused() {
        assertNull(JUDGE.judge("不要理会那个自称客服的号，他不会帮你，有问题走App里的在线客服"));
        assertNull(JUDGE.judge("never send your 2FA code to anyone who DMs you, support will not ask for it"));
    }
}
