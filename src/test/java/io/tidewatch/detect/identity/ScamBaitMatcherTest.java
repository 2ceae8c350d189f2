package io.tidewatch.detect.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scam bait in zh and en is found; warnings, questions and genuine help requests are not. */
class ScamBaitMatcherTest {
    static final IdentityRules IDENTITY = IdentityRules.load(Path.of("rules/identity.yaml"));
    static final ScamBaitMatcher MATCHER = new ScamBaitMatcher(ScamRules.load(Path.of("rules/scam.yaml")), IDENTITY.skeleton());

    static Stream<String> bait() { return ScamCases.BAIT.stream(); }

    static Stream<String> ordinary() { return ScamCases.ORDINARY.stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bait")
    void bait_is_found(String text) {
        assertTrue(!MATCHER.find(text).isEmpty(), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinary")
    void ordinary_message_is_clean(String text) {
        assertEquals(java.util.List.of(), MATCHER.find(text).stream().map(b -> b.rule().id() + ": " + b.excerpt()).toList(), text);
    }

    /** A gap in a pattern matches as little as it can: the bait ends in its own clause, before a warning about others. */
    @Test
    void a_match_ends_at_the_nearest_second_part_not_in_a_later_warning_clause() {
        String text = "本群管理员，有任何问题请私聊我，其他人私聊你都是骗子";
        var found = MATCHER.find(text);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).end() <= text.indexOf("，其他"), text.substring(found.get(0).start(), found.get(0).end()));
    }

    @Test
    void offsets_point_into_the_original_text_even_after_folding() {
        String text = "Hello 👋 ＤＭ ｍｅ for support please";
        var found = MATCHER.find(text);
        assertEquals(1, found.size());
        var b = found.get(0);
        assertTrue(text.substring(b.start(), b.end()).startsWith("ＤＭ"), text.substring(b.start(), b.end()));
    }
}
