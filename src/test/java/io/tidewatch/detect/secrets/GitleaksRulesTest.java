package io.tidewatch.detect.secrets;

import io.tidewatch.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stock gitleaks config loads unmodified and its rules fire on tokens pasted into chat. */
class GitleaksRulesTest {

    @Test
    void stock_config_loads_all_222_rules() {
        RuleFile file = RuleFileReader.read(Scanners.gitleaksToml());
        assertEquals(222, file.rules().size());
        RuleSet set = RuleSet.of(List.of(file));
        assertEquals(221, set.size(), "every regex rule compiles under RE2/J");
        assertEquals(List.of("pkcs12-file"), set.notForText().stream().map(SecretRule::id).toList(), "only the file-name rule does not apply to chat");
        assertEquals(1, file.globalAllowlists().size(), "the legacy [allowlist] is read");
        assertEquals(13, file.rules().stream().mapToInt(r -> r.allowlists().size()).sum(), "every [[rules.allowlists]] is read");
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
        github-pat              | here's my token ghp_mPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPg can u fix the bot
        github-pat              | 我的github token是ghp_mPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPg，谢谢
        aws-access-token        | our AWS key is AKIAAFQFJZCZBTTOFJYU, don't tell anyone
        slack-bot-token         | slack bot xoxb-265331290372-895789478863-npJC01t5gobuszgI6hwgk10z
        stripe-access-token     | stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc, pls check
        telegram-bot-api-token  | telegram bot token: 7212345678:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0
        """)
    void gitleaks_rules_fire_in_chat(String rule, String text) {
        List<String> found = Scanners.gitleaksOnly().scan(text).stream().map(Finding::rule).toList();
        assertTrue(found.contains(rule), rule + " expected, found " + found);
        assertTrue(!Scanners.withGitleaks().scan(text).isEmpty(), "still found with Tidewatch's rules loaded too");
    }

    @Test
    void gitleaks_allowlists_apply() {
        // aws-access-token's own allowlist: keys ending in EXAMPLE are documentation
        List<String> found = Scanners.gitleaksOnly().scan("AKIAIOSFODNN7EXAMPLE is the docs key").stream().map(Finding::rule).toList();
        assertTrue(!found.contains("aws-access-token"), found.toString());
    }
}
