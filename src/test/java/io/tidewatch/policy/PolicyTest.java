package io.tidewatch.policy;

import io.tidewatch.core.Action;
import io.tidewatch.core.Category;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Finding;
import io.tidewatch.core.PostKind;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tidewatch.policy.PolicyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class PolicyTest {
    static final PolicyContext GROUP_EN = new PolicyContext(new ChatSettings("en", false, true), false, null,
            "Example group", "https://t.me/c/1234/17", "-1001000000001", "en");

    private static Action only(List<Action> actions, Action.Type type) {
        return actions.stream().filter(a -> a.type() == type).findFirst().orElseThrow(() -> new AssertionError("no " + type));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "bip39-seed-phrase, seed_phrase, move all funds",
            "ethereum-private-key, seed_phrase, move all funds",
            "exchange-api-key, api_key, disable or delete that key",
            "generic-api-token, api_key, disable or delete that key",
            "account-password, password, change your password",
            "totp-backup-code, two_factor, reset your 2fa",
            "credit-card-number, card, call your bank",
            "cn-id-number, identity, identity document",
            "something-odd, generic, revoke or change it"})
    void the_owner_is_told_how_to_revoke_each_kind_of_secret(String rule, String kind, String advice) {
        assertEquals(kind, POLICY.rules().revocationKind(rule));
        var actions = POLICY.decide(post(PostKind.GROUP, "x"), List.of(finding(Category.SECRET, rule, Severity.HIGH)),
                GROUP_EN, k -> true).actions();
        Action dm = only(actions, Action.Type.DIRECT_MESSAGE);
        assertEquals("42", dm.userId());
        assertTrue(dm.text().toLowerCase().contains(advice), dm.text());
    }

    @Test
    void a_critical_leak_tells_the_owner_to_act_now_and_the_alert_is_marked_critical() {
        var actions = POLICY.decide(post(PostKind.GROUP, "x"),
                List.of(finding(Category.SECRET, "bip39-seed-phrase", Severity.CRITICAL)), GROUP_EN, k -> true).actions();
        assertTrue(only(actions, Action.Type.DIRECT_MESSAGE).text().startsWith("<b>Act now"));
        Action alert = only(actions, Action.Type.ALERT_MODERATORS);
        assertEquals("-1001000000001", alert.chat());
        assertTrue(alert.text().contains("CRITICAL"));
        assertTrue(alert.text().contains("https://t.me/c/1234/17"), "link to the message");
        assertTrue(alert.text().contains("abandon ****** (12 words)"), "redacted excerpt");
    }

    @Test
    void the_group_warning_mentions_the_user_escaped_and_is_in_the_group_language() {
        var zh = new PolicyContext(new ChatSettings("zh", false, true), false, null, "示例群", null, "-1", "en");
        var actions = POLICY.decide(post(PostKind.GROUP, "x"),
                List.of(finding(Category.SECRET, "exchange-api-key", Severity.HIGH)), zh, k -> true).expected();
        String warning = only(actions, Action.Type.REPLY).text();
        assertTrue(warning.contains("<a href=\"tg://user?id=42\">Alice &lt;b&gt;</a>"), warning);
        assertTrue(warning.contains("已被我删除"), warning);
        assertFalse(warning.contains("abandon"), "the warning never carries the excerpt");
    }

    @Test
    void the_group_is_warned_once_per_impersonator() {
        Set<String> seen = new HashSet<>();
        var f = List.of(finding(Category.IMPERSONATION, "staff-name", Severity.HIGH));
        var first = POLICY.decide(post(PostKind.JOIN, ""), f, GROUP_EN, seen::add).actions();
        var second = POLICY.decide(post(PostKind.GROUP, "hi"), f, GROUP_EN, seen::add).actions();
        assertEquals(1, first.stream().filter(a -> a.type() == Action.Type.REPLY).count());
        assertEquals(0, second.stream().filter(a -> a.type() == Action.Type.REPLY).count());
        assertTrue(only(first, Action.Type.REPLY).text().contains("never DM you first"));
    }

    @Test
    void a_medium_impersonator_is_muted_for_the_configured_time() {
        var actions = POLICY.decide(post(PostKind.GROUP, "hi"),
                List.of(finding(Category.IMPERSONATION, "brand-name", Severity.MEDIUM)), GROUP_EN, k -> true).actions();
        assertEquals(Duration.ofDays(7), only(actions, Action.Type.RESTRICT).duration());
    }

    @Test
    void a_dry_run_keeps_what_it_would_have_done_for_the_audit_log() {
        var dry = new PolicyContext(new ChatSettings("en", true, true), false, null, "g", null, "-1", "en");
        var d = POLICY.decide(post(PostKind.GROUP, "x"),
                List.of(finding(Category.SECRET, "bip39-seed-phrase", Severity.CRITICAL)), dry, k -> true);
        assertEquals(List.of(Action.Type.ALERT_MODERATORS), d.actions().stream().map(Action::type).toList());
        assertEquals(List.of(Action.Type.DELETE_MESSAGE, Action.Type.DIRECT_MESSAGE, Action.Type.REPLY),
                d.suppressed().stream().map(Action::type).toList());
        assertTrue(d.actions().get(0).text().contains("DRY RUN"));
    }

    @Test
    void a_leak_posted_by_a_channel_gets_no_dm_and_a_warning_that_says_so() {
        var actions = POLICY.decide(post(PostKind.GROUP, "x"),
                List.of(finding(Category.SECRET, "exchange-api-key", Severity.HIGH)), GROUP_EN.sentByChannel("-100777"),
                k -> true).actions();
        assertTrue(actions.stream().noneMatch(a -> a.type() == Action.Type.DIRECT_MESSAGE));
        assertTrue(only(actions, Action.Type.REPLY).text().contains("/start"));
    }

    @Test
    void without_an_alerts_chat_nothing_is_alerted() {
        var ctx = new PolicyContext(ChatSettings.defaults(), false, null, null, null, null, null);
        var actions = POLICY.decide(post(PostKind.GROUP, "x"),
                List.of(finding(Category.PHISHING, "lookalike-domain", Severity.HIGH)), ctx, k -> true).actions();
        assertEquals(List.of(Action.Type.DELETE_MESSAGE, Action.Type.REPLY), actions.stream().map(Action::type).toList());
    }

    @Test
    void both_languages_define_every_text() {
        assertEquals(Set.of("en", "zh"), POLICY.texts().languages());
    }

    @Test
    void a_bad_threshold_is_refused_with_file_and_field(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(RULES.resolve("policy.yaml")).replace("ban_at: high", "ban_at: severe");
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, yaml);
        var e = assertThrows(ConfigException.class, () -> PolicyRules.load(f));
        assertTrue(e.getMessage().contains("policy.yaml") && e.getMessage().contains("impersonation.ban_at"), e.getMessage());
    }

    @Test
    void an_unknown_key_is_refused_with_file_and_line(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, "secret:\n  delete_at: low\n  delet_at: low\n");
        var e = assertThrows(ConfigException.class, () -> PolicyRules.load(f));
        assertTrue(e.getMessage().matches("(?s).*policy\\.yaml:\\d+.*delet_at.*"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"10m, PT10M", "2h, PT2H", "1d, PT24H", "1w, PT168H"})
    void durations_read_like_people_write_them(String text, String iso) {
        assertEquals(Duration.parse(iso), PolicyRules.parseDuration(text).orElseThrow());
    }
}
