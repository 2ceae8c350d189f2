package io.tidewatch.announce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every problem names the file, the field and the reason; a valid file has none. */
class ValidationTest {
    @TempDir Path tmp;

    static final String OK_FM = "targets: [news]\npublish_at: 2026-12-01T10:00:00+08:00";

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("unknown target", Fixture.announcement("a", "targets: [news, vip_lounge]", "维护。", "Maintenance."),
                        "a.md: targets: unknown target 'vip_lounge'"),
                Arguments.of("no targets", Fixture.announcement("a", "", "维护。", "Maintenance."),
                        "a.md: targets: none given"),
                Arguments.of("a positive id is a user, not a chat", Fixture.announcement("a", "targets: [\"12345678\"]", "维护。", "Maintenance."),
                        "a.md: targets: unknown target '12345678'"),
                Arguments.of("missing title", "---\nid: a\nlanguages: [en]\ntags: [maintenance]\n" + OK_FM + "\n---\nText.\n",
                        "a.md: title: missing"),
                Arguments.of("title missing for one language", "---\nid: a\ntitle: {en: \"Hi\"}\nlanguages: [zh, en]\n" + OK_FM + "\n---\n## zh\n\n中文。\n\n## en\n\nText.\n",
                        "a.md: title: missing for 'zh'"),
                Arguments.of("unknown tag", Fixture.announcement("a", OK_FM + "\ntags: [maintenance, giveaway]", "维护。", "Maintenance."),
                        "a.md: tags: unknown tag 'giveaway'"),
                Arguments.of("publish_at without zone", Fixture.announcement("a", "targets: [news]\npublish_at: 2026-12-01T10:00:00", "维护。", "Maintenance."),
                        "a.md: publish_at: '2026-12-01T10:00:00' has no time zone"),
                Arguments.of("publish_at date only", Fixture.announcement("a", "targets: [news]\npublish_at: 2026-12-01", "维护。", "Maintenance."),
                        "a.md: publish_at: '2026-12-01' has no time zone"),
                Arguments.of("publish_at nonsense", Fixture.announcement("a", "targets: [news]\npublish_at: tomorrow", "维护。", "Maintenance."),
                        "a.md: publish_at: 'tomorrow' is not an ISO date-time"),
                Arguments.of("expiry before publishing", Fixture.announcement("a", OK_FM + "\nexpires_at: 2026-12-01T01:00:00Z", "维护。", "Maintenance."),
                        "a.md: expires_at: is not after publish_at"),
                Arguments.of("id with spaces", Fixture.announcement("maintenance notice", OK_FM, "维护。", "Maintenance."),
                        "a.md: id: 'maintenance notice': use letters, digits"),
                Arguments.of("unknown field (a typo)", Fixture.announcement("a", OK_FM + "\npublish_time: 2026-12-01T10:00:00Z", "维护。", "Maintenance."),
                        "a.md: publish_time: unknown field"),
                Arguments.of("missing language text", "---\nid: a\ntitle: T\nlanguages: [zh, en]\n" + OK_FM + "\n---\n## en\n\nText.\n",
                        "a.md: languages: no text for 'zh'"),
                Arguments.of("link to a non-official domain", Fixture.announcement("a", OK_FM, "维护。", "See [details](https://examp1e.com/help)."),
                        "a.md: body (en): link https://examp1e.com/help: examp1e.com is not an official domain"),
                Arguments.of("bare non-official domain (Telegram would link it)", Fixture.announcement("a", OK_FM, "请访问 example-support.com 领取补偿。", "Maintenance."),
                        "a.md: body (zh): link example-support.com: example-support.com is not an official domain"),
                Arguments.of("a t.me link to someone else's channel", Fixture.announcement("a", OK_FM, "维护。", "Join https://t.me/ExampleExchangeSupport now."),
                        "a.md: body (en): link https://t.me/ExampleExchangeSupport: t.me/exampleexchangesupport is not an official account"),
                Arguments.of("a url field off the brand", Fixture.announcement("a", OK_FM + "\nurl: http://example.com.evil.io/a", "维护。", "Maintenance."),
                        "a.md: url: link http://example.com.evil.io/a: example.com.evil.io is not an official domain"),
                Arguments.of("unclosed code fence", Fixture.announcement("a", OK_FM, "维护。", "Run:\n\n```\ncurl https://api.example.com/status"),
                        "a.md: body (en): line 3: code fence ``` is never closed"),
                Arguments.of("unclosed bold", Fixture.announcement("a", OK_FM, "维护。", "This is **important."),
                        "a.md: body (en): line 1: '*' is left as a literal asterisk"),
                Arguments.of("unclosed underscore emphasis", Fixture.announcement("a", OK_FM, "维护。", "This is _important."),
                        "a.md: body (en): line 1: '_' is left as a literal underscore"),
                Arguments.of("malformed link", Fixture.announcement("a", OK_FM, "维护。", "See [the help center(https://www.example.com/help)."),
                        "a.md: body (en): line 1: unbalanced link brackets"),
                Arguments.of("link with space before the parenthesis", Fixture.announcement("a", OK_FM, "维护。", "See [help] (https://www.example.com/help)."),
                        "a.md: body (en): line 1: '](' is left literal"),
                Arguments.of("empty link target", Fixture.announcement("a", OK_FM, "维护。", "See [the help center]()."),
                        "a.md: body (en): line 1: link has an empty target"),
                Arguments.of("unclosed spoiler", Fixture.announcement("a", OK_FM, "维护。", "The code is ||secret."),
                        "a.md: body (en): line 1: '||' spoiler is not closed"),
                Arguments.of("a thread longer than 25 tweets", Fixture.announcement("a", "targets: [twitter]",
                                ("这是一段很长的中文公告内容，用来测试推文串的上限。".repeat(10) + "\n\n").repeat(30), "Short."),
                        "a.md: twitter (zh): does not fit even as a thread: needs"),
                Arguments.of("no front matter", "Just text.\n", "a.md: no front matter"),
                Arguments.of("broken YAML", "---\nid: a\ntitle: [unclosed\n---\nText\n", "a.md:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void problems_name_file_field_and_reason(String description, String file, String expected) {
        Fixture fx = new Fixture(tmp);
        fx.write("a.md", file);
        AnnouncementDirectory.Entry e = fx.directory().load(fx.announcements.resolve("a.md"));
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), description + ": " + problems);
        assertTrue(problems.stream().allMatch(p -> p.startsWith(fx.announcements.resolve("a.md").toString())
                || p.contains("a.") ), problems.toString());
        assertTrue(!e.publishable());
    }

    static Stream<Arguments> fine() {
        return Stream.of(
                Arguments.of("snake_case and 2 * 3 are not emphasis", "Use api_key_name; 2 * 3 = 6; file_name.txt"),
                Arguments.of("escaped markers are meant literally", "Fees of 0\\_1 % for \\*all\\* users \\[sic\\]"),
                Arguments.of("closed emphasis", "**bold** and *italic* and _under_ and ~~gone~~ and ||spoiler||"),
                Arguments.of("a reference to [1] without a link is fine", "See note [1]."),
                Arguments.of("official subdomain and social account", "https://api.example.com/v1 and https://t.me/ExampleExchange and https://x.com/ExampleEx"),
                Arguments.of("tg link", "[open the bot](tg://resolve?domain=ExampleExchange)"),
                Arguments.of("defanged lookalike is not a link", "Beware of examp1e[.]com."),
                Arguments.of("closed code fence", "```\ncode *not* checked_\n```"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fine")
    void valid_markdown_has_no_problems(String description, String en) {
        Fixture fx = new Fixture(tmp);
        fx.write("a.md", Fixture.announcement("a", OK_FM, "维护。", en));
        AnnouncementDirectory.Entry e = fx.directory().load(fx.announcements.resolve("a.md"));
        assertEquals(List.of(), e.problems(), description);
    }

    @Test
    void languages_can_be_separate_files_with_their_own_titles() {
        Fixture fx = new Fixture(tmp);
        fx.write("l.md", "---\nid: l\ntitle: Listing\ntargets: [news]\nlanguages: [zh, en]\ntags: [listing]\n---\n");
        fx.write("l.zh.md", "---\ntitle: 上线公告\n---\n\n上线 **AUR**。\n");
        fx.write("l.en.md", "Listing **AUR**.\n");
        List<AnnouncementDirectory.Entry> all = fx.directory().load();
        assertEquals(1, all.size());
        AnnouncementDirectory.Entry e = all.get(0);
        assertEquals(List.of(), e.problems());
        assertEquals(List.of("<b>上线公告</b>\n\n上线 <b>AUR</b>。", "<b>Listing</b>\n\nListing <b>AUR</b>."), e.rendering().telegramParts());
        // previewing a language file previews its announcement
        assertEquals("l", fx.directory().load(fx.announcements.resolve("l.en.md")).id());
    }

    @Test
    void both_sections_and_a_file_for_one_language_is_a_problem() {
        Fixture fx = new Fixture(tmp);
        fx.write("a.md", Fixture.announcement("a", OK_FM, "维护。", "Maintenance."));
        fx.write("a.en.md", "Other text.\n");
        assertTrue(fx.directory().load(fx.announcements.resolve("a.md")).problems().stream()
                .anyMatch(p -> p.toString().contains("language en is also a section")));
    }

    @Test
    void a_lookalike_detector_plugs_in_as_a_host_predicate() {
        Fixture fx = new Fixture(tmp);
        OfficialLinks links = OfficialLinks.of(fx.brand(), fx.rules).withSuspiciousHost(h -> h.equals("help.example.com"));
        assertEquals("help.example.com looks like an imitation of an official domain",
                links.problemWith(URI.create("https://help.example.com/x")).orElseThrow());
        assertTrue(links.problemWith(URI.create("https://www.example.com/x")).isEmpty());
        LinkCheck chained = links.and(u -> u.getPath().contains("airdrop") ? java.util.Optional.of("airdrop page") : java.util.Optional.empty());
        assertEquals("airdrop page", chained.problemWith(URI.create("https://www.example.com/airdrop")).orElseThrow());
    }

    @Test
    void the_allowlist_in_rules_links_yaml_is_honoured() throws Exception {
        Fixture fx = new Fixture(tmp);
        java.nio.file.Files.writeString(fx.rules.resolve("links.yaml"), "allowlist: [\"examplecdn.net\"]\n");
        fx.write("a.md", Fixture.announcement("a", OK_FM, "维护。", "Image at https://img.examplecdn.net/a.png"));
        assertEquals(List.of(), fx.directory().load(fx.announcements.resolve("a.md")).problems());
    }
}
