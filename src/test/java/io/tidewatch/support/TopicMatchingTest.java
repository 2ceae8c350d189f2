package io.tidewatch.support;

import io.tidewatch.core.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real-sounding questions in both languages map to the right topic and channel order. */
class TopicMatchingTest {
    private static final double ACCURACY_FLOOR = 0.85;
    private static SupportResponder responder;

    record Case(String question, String topic, String firstChannel) {}

    @BeforeAll
    static void load() { responder = Fixtures.responder(); }

    static List<Case> table() throws IOException { return table("questions.tsv"); }

    static List<Case> table(String file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/support/" + file), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            cases.add(new Case(f[0], f[1], f[2]));
        }
        return cases;
    }

    @Test
    void question_table_is_answered_with_the_expected_topic_at_least_85_percent_of_the_time() throws IOException {
        List<Case> cases = table();
        assertTrue(cases.size() >= 120, "the table holds at least 120 questions");
        assertAccuracy("tuning set", cases, ACCURACY_FLOOR);
    }

    /**
     * Question sets written apart from the phrase lists, each split in a tuning half (phrases were grown on it)
     * and a held-out half (never tuned on: an honest estimate for unseen wording, with a floor a regression
     * would break). "heldout": questions written after the phrases were frozen; "messy": plain and messy zh/en
     * questions for issue 11; "fresh": 240 questions by a writer who saw only the topic definitions; "train2": 320
     * questions by a second such writer, all used for tuning; "messy2": 320 by a third, asked for real-life messiness;
     * "fourth": 500 by a fourth, half plain and half messy; "fifth": 450 by a fifth, mostly plain and short;
     * "sixth": 360 by a sixth, asked for messy ones; "seventh": 420 by a seventh, plain, messy and hard cases between
     * topics (0.824 / 0.837 before its tuning half was added to the classifier's training); "eighth": 400 by an eighth,
     * all twelve topics (0.839 / 0.845 before); "ninth": 360 by a ninth, mostly non-native English and Chinese with
     * homophone typos (0.831 / 0.893 before); "tenth": 360 by a tenth, half technical and half vague (0.846 / 0.866
     * before); "eleventh": 300 by an eleventh, typed on a phone in a hurry (0.860 / 0.895 before); "twelfth": 360 by a
     * twelfth, users a moderator sent to DM, long messages with context from many regions (0.924 / 0.875 before).
     * The classifier became a logistic regression after the twelfth (all held-out halves 0.895 → 0.926); the floors
     * were raised to a few questions under what it scores. "thirteenth": 360 by a thirteenth, users who describe things
     * without the jargon, voice-to-text homophones, error messages pasted (0.926 / 0.909 before; naive Bayes would
     * have scored 0.896 / 0.863). "fourteenth": 360 by a fourteenth, public X mentions and quick DMs, regional English,
     * Cantonese and Taiwanese Chinese, mainland slang, code-switching, topics implied (0.940 / 0.896 before; 1.000 /
     * 0.885 after its tuning half joined training). "fifteenth": 360 by a fifteenth, hard cases between topics:
     * follow-ups, two or three topics with one main need, a neighbouring topic's words (0.839 / 0.828; its tuning half
     * is not in training.tsv: there it cost 10 of the other writers' 2,941 questions in cross-validation, and 2 of its
     * own held-out half). "sixteenth": 360 by a sixteenth, typed on a phone: slang, homophone typos, zh/en mixed,
     * Cantonese, a third of 2-6 words and a third long and rambling (0.944 / 0.918 before; its tuning half joined
     * training and phrases grew for the classes it missed: 1.000 / 0.913 after). "seventeenth": 360 by a seventeenth,
     * users of other exchanges asking in those exchanges' words: funding and unified accounts, Earn, Launchpool, copy
     * trading, trial funds, P2P appeals, memo/tag, anti-phishing codes, passkeys (0.897 / 0.922 before; its tuning half
     * joined training and phrases grew for third-party logins, product complaints, coupons and trial funds, lead
     * traders, which site is the official one, API passphrases: 1.000 / 0.936 after). "eighteenth": 360 by an
     * eighteenth, 30 per topic, half English and half Chinese, a third plain, a third messy, a third long or angry
     * (0.937 / 0.941 before; its tuning half joined training: 1.000 / 0.941 after). "nineteenth": 360 by a
     * nineteenth, 30 per topic, a quarter of the Chinese traditional or Cantonese, users from many regions, short, messy
     * (pinyin, homophones) or long and angry, some near a topic boundary (0.930 / 0.886 before). Its tuning half is
     * not in training.tsv: there it cost 4 of the other writers' 3,628 questions in cross-validation for +1 on the
     * held-out halves, and phrases grown for its misses cost 6 and 4; it stays a writer nobody tuned on. "twentieth":
     * 360 by a twentieth, 30 per topic, half Chinese (traditional, Cantonese, pinyin, zh/en mixed), a dozen exchanges,
     * short, messy or long with ids, amounts, networks and error codes, some near a boundary (0.935 / 0.948 before).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "held-out set,                   questions-heldout.tsv,       0.95",
            "messy questions tuning half,    questions-messy-tuning.tsv,  0.97",
            "messy questions held-out half,  questions-messy-heldout.tsv, 0.94",
            "fresh questions tuning half,    questions-fresh-tuning.tsv,  0.97",
            "fresh questions held-out half,  questions-fresh-heldout.tsv, 0.94",
            "second writer (all tuning),     questions-train2.tsv,        0.97",
            "third writer tuning half,       questions-messy2-tuning.tsv, 0.97",
            "third writer held-out half,     questions-messy2-heldout.tsv, 0.90",
            "fourth writer tuning half,      questions-fourth-tuning.tsv, 0.97",
            "fourth writer held-out half,    questions-fourth-heldout.tsv, 0.89",
            "fifth writer tuning half,       questions-fifth-tuning.tsv, 0.97",
            "fifth writer held-out half,     questions-fifth-heldout.tsv, 0.90",
            "sixth writer tuning half,       questions-sixth-tuning.tsv, 0.97",
            "sixth writer held-out half,     questions-sixth-heldout.tsv, 0.91",
            "seventh writer tuning half,     questions-seventh-tuning.tsv, 0.97",
            "seventh writer held-out half,   questions-seventh-heldout.tsv, 0.89",
            "eighth writer tuning half,      questions-eighth-tuning.tsv, 0.97",
            "eighth writer held-out half,    questions-eighth-heldout.tsv, 0.88",
            "ninth writer tuning half,       questions-ninth-tuning.tsv, 0.97",
            "ninth writer held-out half,     questions-ninth-heldout.tsv, 0.91",
            "tenth writer tuning half,       questions-tenth-tuning.tsv, 0.97",
            "tenth writer held-out half,     questions-tenth-heldout.tsv, 0.90",
            "eleventh writer tuning half,    questions-eleventh-tuning.tsv, 0.97",
            "eleventh writer held-out half,  questions-eleventh-heldout.tsv, 0.92",
            "twelfth writer tuning half,     questions-twelfth-tuning.tsv, 0.97",
            "twelfth writer held-out half,   questions-twelfth-heldout.tsv, 0.88",
            "thirteenth writer tuning half,  questions-thirteenth-tuning.tsv, 0.97",
            "thirteenth writer held-out half, questions-thirteenth-heldout.tsv, 0.88",
            "fourteenth writer tuning half,  questions-fourteenth-tuning.tsv, 0.97",
            "fourteenth writer held-out half, questions-fourteenth-heldout.tsv, 0.86",
            "fifteenth writer tuning half,   questions-fifteenth-tuning.tsv, 0.80",
            "fifteenth writer held-out half, questions-fifteenth-heldout.tsv, 0.79",
            "sixteenth writer tuning half,   questions-sixteenth-tuning.tsv, 0.97",
            "sixteenth writer held-out half, questions-sixteenth-heldout.tsv, 0.88",
            "seventeenth writer tuning half, questions-seventeenth-tuning.tsv, 0.97",
            "seventeenth writer held-out half, questions-seventeenth-heldout.tsv, 0.90",
            "eighteenth writer tuning half,  questions-eighteenth-tuning.tsv, 0.97",
            "eighteenth writer held-out half, questions-eighteenth-heldout.tsv, 0.92",
            "nineteenth writer tuning half,  questions-nineteenth-tuning.tsv, 0.91",
            "nineteenth writer held-out half, questions-nineteenth-heldout.tsv, 0.87",
            "twentieth writer tuning half,   questions-twentieth-tuning.tsv, 0.91",
            "twentieth writer held-out half, questions-twentieth-heldout.tsv, 0.92",
    })
    void question_sets_are_answered_with_the_expected_topic(String name, String file, double floor) throws IOException {
        assertAccuracy(name, table(file), floor);
    }

    private static void assertAccuracy(String name, List<Case> cases, double floor) {
        int right = 0;
        Map<String, int[]> perTopic = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int i = 0;
        for (Case c : cases) {
            SupportAnswer a = responder.answer(Fixtures.dm(Platform.TWITTER, "u" + i++, c.question()), List.of(), Fixtures.THURSDAY);
            int[] t = perTopic.computeIfAbsent(c.topic(), k -> new int[2]);
            t[1]++;
            if (a.topic().equals(c.topic())) {
                right++;
                t[0]++;
                assertEquals(c.firstChannel(), a.channels().get(0), "first channel for: " + c.question());
            } else {
                misses.add(c.question() + " -> " + a.topic() + " (expected " + c.topic() + ") " + responder.ranking(c.question()));
            }
        }
        double accuracy = (double) right / cases.size();
        System.out.printf("support topic accuracy (%s): %d/%d = %.3f%n", name, right, cases.size(), accuracy);
        perTopic.forEach((k, v) -> System.out.printf("  %-12s %d/%d%n", k, v[0], v[1]));
        // a held-out half's errors are not shown: nobody may tune on them
        if (!name.contains("held-out")) misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(accuracy >= floor, name + " accuracy " + accuracy + " below " + floor);
    }

    @Test
    void every_example_in_the_rule_files_matches_its_own_topic() {
        List<String> wrong = new ArrayList<>();
        responder.rules().languages().forEach((lang, pack) -> pack.topics().forEach((topic, texts) -> {
            for (String example : texts.examples()) {
                String got = responder.answer(Fixtures.dm(Platform.LOCAL, "", example), List.of(), Fixtures.THURSDAY).topic();
                if (!got.equals(topic)) wrong.add(lang + " '" + example + "' -> " + got + ", expected " + topic);
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void gibberish_and_empty_text_get_the_general_directory() {
        for (String q : List.of("", "   ", "???", "🚀🚀🚀", "qwertyuiop zxcvbnm", "ok", "hello", "hi there", "thanks", "你好", "在吗", "谢谢", "好的")) {
            assertEquals("general", responder.answer(Fixtures.dm(Platform.LOCAL, "", q), List.of(), Fixtures.THURSDAY).topic(), q);
        }
    }
}
