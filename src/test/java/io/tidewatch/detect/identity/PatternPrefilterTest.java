package io.tidewatch.detect.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prefilter's promise, on every pattern of the shipped scam rules and every example and counterexample
 * (also glued to a word, an underscore, Chinese or a key before it): a pattern it rules out matches nowhere,
 * and every place a match can start is among its {@code starts}, so trying a match only there finds what a
 * search over the whole text finds.
 */
class PatternPrefilterTest {
    private static final ScamRules RULES = ScamRules.load(Path.of("rules/scam.yaml"));

    @Test
    void every_match_starts_where_the_prefilter_says() {
        List<Pattern> patterns = shipped();
        PatternPrefilter prefilter = new PatternPrefilter(patterns);
        List<String> texts = new ArrayList<>();
        for (ScamRule r : RULES.rules()) {
            for (String s : r.examples()) texts.addAll(variants(s));
            for (String s : r.counterexamples()) texts.addAll(variants(s));
        }
        int checked = 0;
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            PatternPrefilter.Words words = prefilter.words(lower);
            for (int i = 0; i < patterns.size(); i++) {
                Matcher m = patterns.get(i).matcher(lower);
                boolean may = words.mayMatch(i);
                int[] starts = may ? words.starts(i) : null;
                for (int from = 0; from <= lower.length() && m.find(from); from = m.start() + 1) {
                    assertTrue(may, "ruled out, but matches: " + patterns.get(i) + " in " + text);
                    int s = m.start();
                    assertTrue(starts == null || Arrays.binarySearch(starts, s) >= 0,
                            "a match at " + s + " not among " + Arrays.toString(starts) + ": " + patterns.get(i) + " in " + text);
                    checked++;
                }
            }
        }
        assertTrue(checked > 500, "matches checked: " + checked);
    }

    /**
     * A pattern whose first word is one letter is tried at every word that starts with it, as long as its other words
     * are there: the spaced "w h a t s a p p" once cost a fifth of the scam detector. The pronoun "i" and patterns
     * that also need a word of three letters or more further on are fine.
     */
    @Test
    void no_pattern_starts_with_a_lone_letter_unless_a_longer_word_is_needed_too() {
        List<String> costly = new ArrayList<>();
        for (Pattern p : shipped()) {
            boolean loneLetter = LiteralPrefixes.of(p.pattern()).stream()
                    .anyMatch(w -> w.length() == 1 && w.charAt(0) >= 'a' && w.charAt(0) <= 'z' && !w.equals("i"));
            boolean longerNeeded = LiteralPrefixes.requiredGroups(p.pattern()).stream()
                    .anyMatch(group -> group.stream().allMatch(w -> w.strip().length() >= 3));
            if (loneLetter && !longerNeeded) costly.add(p.pattern());
        }
        assertTrue(costly.isEmpty(), "patterns tried at every word: " + costly);
    }

    /**
     * A match must end at a word edge ({@link ScamBaitMatcher#wholeWords}): a pattern that ends with one digit ends
     * inside "15" and is refused there, so it only ever matched single-digit numbers ("日化 8", not "日化 12").
     */
    @Test
    void no_pattern_ends_with_a_single_digit() {
        List<String> inside = new ArrayList<>();
        for (Pattern p : shipped()) {
            String s = p.pattern();
            while (s.endsWith(")")) s = s.substring(0, s.length() - 1);
            if (s.endsWith("\\d") || s.endsWith("[0-9]")) inside.add(p.pattern());
        }
        assertTrue(inside.isEmpty(), "patterns that end inside a number: " + inside);
    }

    /** The rules' patterns, then the concepts' (both are tried only where their first words are). */
    private static List<Pattern> shipped() {
        List<Pattern> all = new ArrayList<>(RULES.rules().stream().flatMap(r -> r.patterns().stream()).toList());
        RULES.concepts().values().forEach(all::addAll);
        return all;
    }

    private static List<String> variants(String s) {
        return List.of(s, "x" + s, "_" + s, "中" + s, "9f3k2l8d7s6a5q4w3e2r1t " + s, s + " " + s);
    }
}
