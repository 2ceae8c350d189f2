package io.tidewatch.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Typo distance used to forgive misspelt words. */
class EditDistanceTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({"withdrawl,withdrawal,1", "verfication,verification,1", "depost,deposit,1", "acount,account,1",
            "teh,the,1", "kyc,kyc,0", "credentials,credit,3", "authentictor,authenticator,1", "abc,xyz,3"})
    void distance_is_capped_at_the_limit_plus_one(String a, String b, int expected) {
        assertEquals(expected, EditDistance.of(a, b, 2) > 2 ? 3 : EditDistance.of(a, b, 2));
        assertEquals(Math.min(expected, 3), EditDistance.of(a, b, 2));
    }
}
