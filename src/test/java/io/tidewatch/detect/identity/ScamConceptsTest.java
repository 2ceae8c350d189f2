package io.tidewatch.detect.identity;

import com.google.re2j.Pattern;
import io.tidewatch.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A combination holds when all its concepts match near each other, unexcused, and none of its "no …" concepts does. */
class ScamConceptsTest {
    static final ScamExcuses EXCUSES = new ScamExcuses(List.of(), List.of(Pattern.compile("\\bnever\\b")), List.of(), List.of(), List.of(), List.of(), List.of());
    static final ScamConcepts CONCEPTS;
    static final ScamRule RULE = new ScamRule("r", Severity.HIGH, List.of(), List.of(), List.of(), false, false, List.of(), List.of());

    static {
        Map<String, List<Pattern>> concepts = new LinkedHashMap<>();
        concepts.put("pay", List.of(Pattern.compile("\\bpay\\b")));
        concepts.put("unlock", List.of(Pattern.compile("\\bunlock\\b")));
        concepts.put("gas", List.of(Pattern.compile("\\bgas\\b")));
        CONCEPTS = new ScamConcepts(concepts, 30, EXCUSES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pay 50 usdt to unlock|true",
            "to unlock it, pay 50 usdt|true",
            "pay now. and then a long story of thirty or more characters before unlock|false",
            "never pay to unlock|false",
            "pay the gas to unlock|false",
            "unlock only|false",
    })
    void combinations(String text, boolean holds) {
        int[] span = CONCEPTS.scan(text, i -> true, i -> null).find(CONCEPTS.compile(List.of("pay", "unlock", "no gas")), RULE);
        assertEquals(holds, span != null, text);
    }

    /** Rules are compiled to concept numbers once; "no …" concepts get their own sign, unknown names are refused. */
    @Test
    void a_combination_compiles_to_concept_numbers() {
        assertArrayEquals(new int[]{0, 1, -3}, CONCEPTS.compile(List.of("pay", "unlock", "no gas")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CONCEPTS.compile(List.of("pay", "refund")));
        assertTrue(e.getMessage().contains("'refund'"), e.getMessage());
    }
}
