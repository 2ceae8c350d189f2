package io.tidewatch.support;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken rule file is refused with file, line and field; a new language is just new files. */
class SupportRulesLoaderTest {
    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        Path support = Files.createDirectories(tmp.resolve("support"));
        try (Stream<Path> files = Files.list(Fixtures.RULES.resolve("support"))) {
            for (Path f : files.toList()) Files.copy(f, support.resolve(f.getFileName()));
        }
        return tmp;
    }

    private void edit(Path rules, String file, String from, String to) throws IOException {
        Path f = rules.resolve("support").resolve(file);
        String s = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), "fixture text present: " + from);
        Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
    }

    private String error(Path rules) {
        return assertThrows(ConfigException.class, () -> SupportResponder.load(rules, Fixtures.BRAND)).getMessage();
    }

    @Test
    void unknown_channel_names_file_line_and_field() throws IOException {
        Path rules = copyRules();
        edit(rules, "topics.yaml", "{id: kyc,          channels: [help_center, live_chat, email]",
                "{id: kyc,          channels: [help_center, phone, email]");
        String m = error(rules);
        assertTrue(m.matches("(?s).*topics\\.yaml:\\d+: field 'topics\\[1\\]\\.channels\\[1\\]': unknown channel 'phone'.*"), m);
    }

    @Test
    void a_template_with_an_unknown_variable_is_refused_at_load() throws IOException {
        Path rules = copyRules();
        edit(rules, "messages.en.yaml", "Email**: ${email_address}", "Email**: ${support_mail}");
        String m = error(rules);
        assertTrue(m.contains("messages.en.yaml:") && m.contains("field 'text.email'") && m.contains("support_mail"), m);
    }

    @Test
    void a_language_missing_a_topic_or_secret_kind_is_refused() throws IOException {
        Path rules = copyRules();
        edit(rules, "topics.yaml", "  - {id: general,", "  - {id: listing,      channels: [help_center]}\n  - {id: general,");
        String m = error(rules);
        assertTrue(m.contains("messages.") && m.contains("missing texts for topic 'listing'"), m);

        Path rules2 = Files.createDirectories(tmp.resolve("second"));
        Files.createDirectories(rules2.resolve("support"));
        try (Stream<Path> files = Files.list(rules.resolve("support"))) {
            for (Path f : files.toList()) Files.copy(f, rules2.resolve("support").resolve(f.getFileName()));
        }
        edit(rules2, "topics.yaml", "  - {id: listing,      channels: [help_center]}\n", "");
        edit(rules2, "settings.yaml", "  - {kind: token, rule: \".*\"}", "  - {kind: cookie, rule: \"cookie\"}\n  - {kind: token, rule: \".*\"}");
        String m2 = error(rules2);
        assertTrue(m2.contains("field 'secret_warning.kinds'") && m2.contains("cookie"), m2);
    }

    @Test
    void broken_yaml_and_bad_regex_name_the_line() throws IOException {
        Path rules = copyRules();
        edit(rules, "settings.yaml", "throttle_minutes: 10", "throttle_minutes: [10");
        assertTrue(error(rules).matches("(?s).*settings\\.yaml:\\d+: .*"), error(rules));
        Path other = tmp.resolve("o");
        Files.createDirectories(other.resolve("support"));
        try (Stream<Path> files = Files.list(Fixtures.RULES.resolve("support"))) {
            for (Path f : files.toList()) Files.copy(f, other.resolve("support").resolve(f.getFileName()));
        }
        edit(other, "settings.yaml", "rule: \"seed|mnemonic|bip-?39\"", "rule: \"seed(\"");
        String m = error(other);
        assertTrue(m.contains("settings.yaml:") && m.contains("secret_kinds[0].rule") && m.contains("regular expression"), m);
    }

    @Test
    void bad_brand_support_fields_are_named() {
        BrandProfile b = Fixtures.BRAND;
        BrandProfile.Support s = b.support();
        BrandProfile badHoliday = new BrandProfile(b.brand(), b.official(), b.staff(), b.moderators(), new BrandProfile.Support(
                s.liveChat(), new BrandProfile.Email("a@b.c", List.of(1, 2), "UTC", List.of("2026-12-25", "25/12/2026")),
                s.helpCenter(), Map.of()));
        String m = assertThrows(ConfigException.class, () -> SupportResponder.load(Fixtures.RULES, badHoliday)).getMessage();
        assertTrue(m.contains("support.email.holidays[1]"), m);
        BrandProfile badZone = new BrandProfile(b.brand(), b.official(), b.staff(), b.moderators(), new BrandProfile.Support(
                s.liveChat(), new BrandProfile.Email("a@b.c", List.of(1, 2), "Mars/Olympus", List.of()), s.helpCenter(), Map.of()));
        assertTrue(assertThrows(ConfigException.class, () -> SupportResponder.load(Fixtures.RULES, badZone))
                .getMessage().contains("support.email.timezone"));
    }

    @Test
    void adding_a_language_is_adding_a_messages_file() throws IOException {
        Path rules = copyRules();
        String en = Files.readString(rules.resolve("support/messages.en.yaml"), StandardCharsets.UTF_8);
        String ru = en.replace("language: en", "language: ru").replace("locale: en-GB", "locale: ru-RU")
                .replace("detect: {scripts: [LATIN], weight: 1}", "detect: {scripts: [CYRILLIC], weight: 1}")
                .replace("analyzers: [english, standard]", "analyzers: [standard]")
                .replace("phrases: [\"deposit not credited\",", "phrases: [\"депозит не пришел\", \"deposit not credited\",")
                .replace("Hi! I'm the ${brand_name} assistant.", "Здравствуйте! Я помощник ${brand_name}.");
        Files.writeString(rules.resolve("support/messages.ru.yaml"), ru, StandardCharsets.UTF_8);
        SupportResponder r = SupportResponder.load(rules, Fixtures.BRAND);
        SupportAnswer a = r.answer(Fixtures.dm(io.tidewatch.core.Platform.TWITTER, "1", "депозит не пришел"), List.of(), Fixtures.THURSDAY);
        assertEquals("ru", a.language());
        assertEquals("deposit", a.topic());
        assertTrue(a.text().startsWith("Здравствуйте!"), a.text());
    }
}
