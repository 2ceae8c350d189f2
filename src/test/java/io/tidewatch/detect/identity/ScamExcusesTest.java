package io.tidewatch.detect.identity;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each excuse is judged at its own scope: sentence, clause, or the whole message for someone else's words. */
class ScamExcusesTest {
    static final ScamExcuses EXCUSES = new ScamExcuses(List.of(Pattern.compile("\\b(is this real|want in)\\?")),
            List.of(Pattern.compile("\\bnever\\b")), List.of(Pattern.compile("\\b(scam|scammers?|fake)\\b")),
            List.of(Pattern.compile("\\basked me to\\b")), List.of(Pattern.compile("\\blol\\b")),
            List.of(Pattern.compile("\\bwant in\\?")), List.of(Pattern.compile("\\bnot a scam\\b")));
    static final String BAIT = "dm me for help";

    /** Whether the first bait phrase in each text is excused ("excused" rows) or lies in quotes ("quoted" rows). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "excused|dm me for help is this real?|true",
            "excused|dm me for help, want in?|false",
            "excused|dm me for help, is this real? want in?|true",
            "excused|never dm me for help, I am not staff|true",
            "excused|beware of fake admins; dm me for help|false",
            "excused|fake admins everywhere. dm me for help|false",
            "excused|this is a scam: dm me for help|true",
            "excused|one asked me to dm me for help. scam|true",
            "excused|one asked me to dm me for help. thanks|false",
            "excused|someone wrote 'dm me for help'. fake!|true",
            "excused|someone wrote 'dm me for help'. thanks|false",
            "excused|he wrote dm me for help. scammers are everywhere|false",
            "excused|someone wrote 'dm me for help' lol|true",
            "excused|one asked me to dm me for help lol|true",
            "excused|dm me for help lol|false",
            "excused|not a scam bro, dm me for help|false",
            "excused|not a scam but never dm me for help|true",
            "excused|one asked me to dm me for help. not a scam, he said|false",
            "quoted|he said 'dm me for help' today|true",
            "quoted|he said “dm me for help” today|true",
            "quoted|他说「dm me for help」|true",
            "quoted|don't dm me for help, it's fine|false",
            "quoted|'hi' and then dm me for help|false",
            "quoted|'dm me for help|false",
            "quoted|'dm me for' help'|false",
    })
    void scopes_and_quotes(String what, String text, boolean expected) {
        int at = text.indexOf(BAIT), end = at + BAIT.length();
        boolean actual = what.equals("quoted") ? ScamExcuses.quoted(text, at, end) : EXCUSES.excused(text, at, end);
        assertEquals(expected, actual, what + ": " + text);
    }

    @Test
    void the_writers_own_assurance_is_no_warning_anywhere() {
        assertFalse(EXCUSES.anywhere("not a scam, dm me for help"));
        assertTrue(EXCUSES.anywhere("not a scam, dm me for help. scammers everywhere"));
    }

    @Test
    void a_question_that_invites_is_no_question_anywhere() {
        assertFalse(EXCUSES.anywhere("dm me for help, want in?"));
        assertTrue(EXCUSES.anywhere("dm me for help, want in? is this real?"));
    }

    @Test
    void a_victims_story_is_no_warning_for_bait_that_tells_one() {
        String text = "lost it all to a scam so dm me for help";
        int at = text.indexOf(BAIT);
        assertTrue(EXCUSES.excused(text, at, at + BAIT.length()));
        ScamRule story = new ScamRule("r", io.tidewatch.core.Severity.HIGH, List.of(), List.of(), List.of(), true, false, List.of(), List.of());
        assertFalse(EXCUSES.excused(text, at, at + BAIT.length(), story));
        String negated = "never dm me for help";
        assertTrue(EXCUSES.excused(negated, 6, negated.length(), story));
    }

    @Test
    void a_warning_word_inside_the_match_is_the_baits_own_but_a_negation_is_not() {
        String text = "got back my coins from a scam thanks to @x";
        assertFalse(EXCUSES.excused(text, 0, text.length()));
        String negated = "@x got never anything back";
        assertTrue(EXCUSES.excused(negated, 0, negated.length()));
    }

    @Test
    void a_negated_instruction_is_not_excused_by_its_own_negation_but_by_one_beside_it() {
        ScamRule negated = new ScamRule("r", io.tidewatch.core.Severity.HIGH, List.of(), List.of(), List.of(), false, true, List.of(), List.of());
        ScamRule plain = new ScamRule("r", io.tidewatch.core.Severity.HIGH, List.of(), List.of(), List.of(), false, false, List.of(), List.of());
        String own = "never tell support, i handle it";
        int end = own.indexOf(',');
        assertTrue(EXCUSES.excused(own, 0, end, plain), "a plain rule's match is excused by the negation in it");
        assertFalse(EXCUSES.excused(own, 0, end, negated), "a negated instruction is not excused by its own negation");
        String beside = "i never said tell support, i handle it";
        int at = beside.indexOf("tell");
        assertTrue(EXCUSES.excused(beside, at, beside.indexOf(','), negated), "a negation elsewhere in its clause still excuses it");
    }
}
