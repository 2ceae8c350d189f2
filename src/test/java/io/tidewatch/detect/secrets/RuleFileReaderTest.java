package io.tidewatch.detect.secrets;

import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad rule files are refused with file, line and reason. */
class RuleFileReaderTest {
    static final Path F = Path.of("bad.toml");

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
        title = 'x'\\n\\n[[rules]]\\nid = 'a'\\nregex = '''(unclosed'''                         | bad.toml:5      | bad regex
        title = 'x'\\n[[rules]]\\nid = 'a'\\nregex = 'a'\\n[[rules]]\\nid = 'b'\\nseverity = 'x'\\nregex = 'b' | bad.toml:7 | severity must be
        [[rules]]\\nid = 'a'\\nregex = 'a'\\nvalidator = 'crc'                                | bad.toml:4      | unknown validator
        [[rules]]\\nid = 'a'\\ndescription = 'no regex'                                        | bad.toml:1      | needs 'regex'
        [[rules]]\\nid = 'a'\\nregex = 'a(b)'\\nsecretGroup = 3                               | bad.toml:1      | secretGroup 3
        [[rules]]\\nid = 'a'\\nregex = 'a'\\noutsidePhoneNumbers = 'yes'                     | bad.toml:4      | 'outsidePhoneNumbers' must be true or false
        [[rules]]\\nid = 'a'\\nregex = 'a'\\n[[rules.allowlists]]\\nregexTarget = 'file'     | bad.toml:1      | regexTarget
        x = [1,\\n[[rules]]                                                                     | bad.toml:2      | invalid TOML
        [[rules]]\\nregex = 'a'                                                                 | bad.toml:1      | without 'id'
        [context]\\npartLabel = 'part [0-9]'                                                  | bad.toml:1      | needs 'partKeywords'
        [context]\\npartLabel = '(part'\\npartKeywords = ['part']                               | bad.toml:1      | bad partLabel
        """)
    void bad_rule_files_name_file_line_and_reason(String toml, String where, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> RuleFileReader.parse(F, toml.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void a_composite_requiring_an_unknown_rule_is_refused() {
        RuleFile f = RuleFileReader.parse(F, "[[rules]]\nid = 'a'\nregex = 'a'\n[[rules.required]]\nid = 'nope'\nwithinLines = 2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> RuleSet.of(List.of(f)));
        assertTrue(e.getMessage().contains("bad.toml:4") && e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void a_missing_file_is_a_config_error() {
        assertThrows(ConfigException.class, () -> RuleFileReader.read(Path.of("does/not/exist.toml")));
    }

    @Test
    void go_named_groups_are_rewritten_for_re2j() {
        RuleFile f = RuleFileReader.parse(F, "[[rules]]\nid = 'a'\nregex = '''key=(?<secret>[a-z0-9]{8})\\z'''\nsecretGroup = 1\n");
        assertEquals(1, f.rules().get(0).regex().groupCount());
        assertTrue(f.rules().get(0).regex().matcher("key=abcd1234").find());
    }

    @Test
    void a_later_file_replaces_a_rule_with_the_same_id() {
        RuleFile a = RuleFileReader.parse(Path.of("a.toml"), "[[rules]]\nid = 'x'\nregex = 'aaa'\n");
        RuleFile b = RuleFileReader.parse(Path.of("b.toml"), "[[rules]]\nid = 'x'\nregex = 'bbb'\n");
        RuleSet set = RuleSet.of(List.of(a, b));
        assertEquals(1, set.size());
        assertEquals("bbb", set.rule("x").regex().pattern());
    }

    @Test
    void keyword_prefilter_keeps_overlapping_keywords() {
        // "apikey" contains "api" and "key"; both rules must be candidates
        RuleFile f = RuleFileReader.parse(F, "[[rules]]\nid = 'k1'\nregex = 'apikey=(\\w+)'\nkeywords = ['apikey']\n"
                + "[[rules]]\nid = 'k2'\nregex = 'key=(\\w+)'\nkeywords = ['key']\n"
                + "[[rules]]\nid = 'k3'\nregex = 'pike'\nkeywords = ['pike']\n");
        RuleSet set = RuleSet.of(List.of(f));
        assertEquals(3, set.candidates("my apikey=x").cardinality());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        (?i)[\\w.-]{0,50}?(?:key)[ \\t]{0,20}=(\\w{10,150})  | (?i)(?:key)[ \\t]{0,}=(\\w{10,})
        [a-z]{0,40}?token=(\\d{4,6})                       | token=(\\d{4,6})
        ghp_[0-9a-zA-Z]{36}                                 | <none>
        x[{]{0,20}                                          | x[{]{0,}
        """)
    void relaxed_prefilters_only_widen(String regex, String expected) {
        String loose = GoRegex.relaxed(regex);
        assertEquals(expected.equals("<none>") ? null : expected, loose);
    }

    @org.junit.jupiter.api.Test
    void every_text_the_real_regex_finds_the_relaxed_one_finds_too() {
        SecretScanner s = Scanners.withGitleaks();
        for (SecretRule r : s.rules().rules()) {
            if (r.prefilter() == null) continue;
            for (String ex : r.examples()) {
                String t = TextNormalizer.normalize(ex).text();
                if (r.regex().matcher(t).find()) assertTrue(r.prefilter().matcher(t).find(), r.id() + " prefilter misses <" + ex + ">");
            }
        }
    }
}
