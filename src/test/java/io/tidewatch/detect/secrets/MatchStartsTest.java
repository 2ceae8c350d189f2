package io.tidewatch.detect.secrets;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a rule's match can start ({@link MatchStarts}), and that trying a rule only there ({@link RuleStarts}) and
 * allowlists run by their words ({@link Allowlist}) find exactly what a search of the whole text finds.
 */
class MatchStartsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "(?i)\\b(?:dm|pm)\\s+me; dm=1|pm=1",
            "(?:^|[^A-Za-z0-9])(?i:passphrase)\\b; passphrase=3",
            "(?:just )?came in; came in=1|just came in=1",
            "(?i)codes?\\b; code=1",
            "第\\s*25\\s*个词|隐藏钱包; 第=1|隐藏钱包=1",
            "\\b([xt]prv[1-9A-Z]{100}); prv=2",
            "(?m)^pass(?:word)?:; pass=1",
            "(?-i:[A-Z]_(?:PASSWORD|PWD)); _=2",
            "(?:secret|token)+=; secret==1|token==1",
            "ПАРОЛЬ\\s*x|пароль; пароль=1",
            "PASSWORD=; password==1",
            "[a-z][a-z]password; password=4",
            "[码碼][ \\t]*是; 码=1|碼=1",
    })
    void words_a_match_starts_with(String regex, String expected) {
        MatchStarts starts = MatchStarts.of(regex);
        Map<String, Integer> want = new TreeMap<>();
        for (String pair : expected.split("\\|")) want.put(pair.substring(0, pair.lastIndexOf('=')), Integer.parseInt(pair.substring(pair.lastIndexOf('=') + 1)));
        assertEquals(want, new TreeMap<>(starts == null ? Map.of() : starts.leads()), regex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "[A-Za-z0-9]{16,64}", // a value first: anywhere
            "(?:abc)?", // may match the empty string
            "abc|[0-9]+", // one alternative without a word
            "x?abc", // may start with "x" (one letter: too common to be worth it) or "abc"
            "A{18,24}[a-z]+", // one letter
            "\\s*password", // a repeated class before the word
            "[a-z][a-z][a-z]password", // three chars before the word
            "(?i:Σίγμα)", // a case-folded letter lower-casing does not mirror ("ς")
            "(?i:ПАРОЛЬ)", // the same: folded Cyrillic is left to a search
    })
    void unsure_means_search_everywhere(String regex) {
        assertNull(MatchStarts.of(regex), regex);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "(?:^|[^A-Za-z0-9])([A-Za-z0-9]{20,}); TEXT_START [A-Za-z0-9]{20}|NONE [^A-Za-z0-9] [A-Za-z0-9]{20}",
            "(?i)\\b([0-9a-f]{32})\\b; WORD (?i)[0-9a-f]{32}",
            "(?m)^\\d{6}$; LINE_START \\d{6}",
            "(?:0x)?[0-9a-f]{64}; NONE [0-9a-f]{64}",
            "(?:[A-Z2-7]{4} ){3}[A-Z2-7]{4}; NONE [A-Z2-7]{4}",
    })
    void runs_a_match_starts_with(String regex, String expected) {
        MatchStarts starts = MatchStarts.of(regex, true);
        List<String> got = new ArrayList<>();
        for (MatchStarts.RunLead r : starts.runs()) {
            got.add(r.boundary() + (r.context() == null ? "" : " " + r.context()) + " " + r.run() + "{" + r.min() + "}");
        }
        assertEquals(List.of(expected.split("\\|")), got, regex);
        assertNull(MatchStarts.of(regex), "without runs: " + regex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "[a-z]+secret", // a run of one: every word would be a place
            "[a-z]{0,8}secret", // may be left out: the word is not where it starts
            "[a-z][a-z][A-Z]{8}", // two chars before the run
    })
    void unsure_runs_mean_search_everywhere(String regex) {
        assertNull(MatchStarts.of(regex, true), regex);
    }

    /** Chat around the rules' own examples: emoji (surrogate pairs), CJK, marks, a long s. */
    private static final String[] AROUND = {"", " ", "hi ", "密码 ", "🔑", "🔑:", "_", "x", "a-", "ſ ", "\n", "1", "@", "(",
            "my ", "的", "é", "key ", "\"", "=", "Ж"};

    @Test
    void tried_at_its_places_a_rule_finds_what_a_search_finds() {
        RuleSet rules = RuleSet.load(List.of(Scanners.SECRETS_TOML, Scanners.gitleaksToml()));
        RuleStarts starts = new RuleStarts(rules.rules());
        List<String> texts = texts(rules);
        int led = 0, compared = 0;
        for (int i = 0; i < rules.size(); i++) {
            if (!starts.led(i)) continue;
            led++;
            Pattern regex = rules.rules().get(i).regex();
            for (String text : texts) {
                NormalizedText nt = TextNormalizer.normalize(text);
                if (!RuleStarts.wordsFold(nt.lower())) continue; // searched in full there
                RuleStarts.Places places = starts.in(nt);
                assertEquals(searched(regex, nt.text()), tried(places, i, regex, nt.text().length()),
                        rules.rules().get(i).id() + " on: " + text);
                compared++;
            }
        }
        assertTrue(led >= 40, "rules led by words: " + led);
        assertTrue(compared > 100_000, "compared: " + compared);
    }

    @Test
    void from_inside_a_surrogate_pair_it_finds_what_a_search_from_there_finds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        RuleSet rules = oneRule(dir, "(?:^|[^a-z])secret: (\\w+)", "secret");
        RuleStarts starts = new RuleStarts(rules.rules());
        assertTrue(starts.led(0));
        NormalizedText nt = TextNormalizer.normalize("\uD83D\uDD11secret: abc");
        Pattern regex = rules.rules().get(0).regex();
        for (int from = 0; from <= 2; from++) {
            Matcher m = regex.matcher(nt.text());
            RuleStarts.Found f = starts.in(nt).next(0, regex, from);
            assertEquals(m.find(from) ? m.start() : -1, f == null ? -1 : f.start(), "from " + from);
        }
    }

    @Test
    void a_long_run_tried_in_vain_is_searched_and_finds_what_a_search_finds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // every char of the run can start "[a-z]{8}", only the eight before "X" do
        RuleSet rules = oneRule(dir, "([a-z]{8})X", "x");
        RuleStarts starts = new RuleStarts(rules.rules());
        assertTrue(starts.led(0));
        Pattern regex = rules.rules().get(0).regex();
        for (String text : List.of("a".repeat(200) + "X", "q " + "b".repeat(40) + "X and " + "c".repeat(30) + "X", "a".repeat(50))) {
            NormalizedText nt = TextNormalizer.normalize(text);
            assertEquals(searched(regex, nt.text()), tried(starts.in(nt), 0, regex, nt.text().length()), text);
        }
    }

    @Test
    void an_allowlist_allows_what_any_of_its_regexes_finds() {
        RuleSet rules = RuleSet.load(List.of(Scanners.SECRETS_TOML, Scanners.gitleaksToml()));
        List<Allowlist> lists = new ArrayList<>();
        for (SecretRule r : rules.rules()) {
            lists.addAll(r.allowlists());
            lists.addAll(rules.fileAllowlists(r));
        }
        List<String> targets = new ArrayList<>();
        for (String t : texts(rules)) {
            targets.add(t);
            for (String w : t.split("[\\s:=：]+")) {
                // upper-cased, and one or two code points before it (a surrogate pair among them): where an anchored
                // regex's words are looked for
                targets.addAll(List.of(w, w.toUpperCase(java.util.Locale.ROOT), "x" + w, "\uD83D\uDE00" + w, "-\uD83D\uDE00" + w));
            }
        }
        int checked = 0;
        for (Allowlist a : lists) {
            if (a.regexes().isEmpty() || !a.stopwords().isEmpty()) continue; // without stopwords: the regexes decide
            for (String target : targets) {
                boolean any = false;
                for (Pattern p : a.regexes()) any |= p.matcher(target).find();
                assertEquals(any, a.allows(target, target, target), a.description() + " on: " + target);
                checked++;
            }
        }
        assertTrue(checked > 100_000, "checked: " + checked);
    }

    /** A rule file of one rule, "t". */
    private static RuleSet oneRule(java.nio.file.Path dir, String regex, String keyword) throws java.io.IOException {
        java.nio.file.Path toml = dir.resolve("r.toml");
        java.nio.file.Files.writeString(toml, "[[rules]]\nid = \"t\"\nregex = '''" + regex + "'''\nkeywords = [\"" + keyword + "\"]\n");
        return RuleSet.load(List.of(toml));
    }

    /** Every example and counterexample, alone and in random chat. */
    private static List<String> texts(RuleSet rules) {
        Random rnd = new Random(20261207L);
        List<String> out = new ArrayList<>();
        for (SecretRule r : rules.rules()) {
            List<String> own = new ArrayList<>(r.examples());
            own.addAll(r.counterexamples());
            for (String e : own) {
                out.add(e);
                out.add(AROUND[rnd.nextInt(AROUND.length)] + e + AROUND[rnd.nextInt(AROUND.length)]);
                out.add(e.toUpperCase(java.util.Locale.ROOT));
                // twice, once glued: values meet in one long run, where a rule led by a run has many places to try
                out.add(e + AROUND[rnd.nextInt(AROUND.length)] + e);
                out.add(e.replace(' ', 'x') + e.replace(' ', '0'));
            }
        }
        return out;
    }

    private static List<String> searched(Pattern regex, String t) {
        List<String> out = new ArrayList<>();
        Matcher m = regex.matcher(t);
        for (int from = 0; from <= t.length() && m.find(from); from = m.start() + 1) {
            StringBuilder s = new StringBuilder().append(m.start()).append('-').append(m.end());
            for (int g = 1; g <= m.groupCount(); g++) s.append(' ').append(m.start(g)).append('-').append(m.end(g));
            out.add(s.toString());
        }
        return out;
    }

    private static List<String> tried(RuleStarts.Places places, int rule, Pattern regex, int length) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from <= length; ) {
            RuleStarts.Found f = places.next(rule, regex, from);
            if (f == null) break;
            StringBuilder s = new StringBuilder().append(f.start()).append('-').append(f.end());
            for (int g = 1; g <= f.groupCount(); g++) s.append(' ').append(f.start(g)).append('-').append(f.end(g));
            out.add(s.toString());
            from = f.start() + 1;
        }
        return out;
    }
}
