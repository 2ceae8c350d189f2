package io.tidewatch.detect.secrets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Check digits added for Aadhaar, M-series FINs and ABA routing numbers: one wrong digit fails each. */
class CheckDigitsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "aadhaar, 7181 9093 7865, true", "aadhaar, 997543231948, true", "aadhaar, 7181 9093 7866, false",
            "aadhaar, 7181 9093 7856, false",  // neighbours swapped
            "aadhaar, 1181 9093 7865, false",  // no Aadhaar starts with 0 or 1
            "nric, M6516761J, true", "nric, T6516761H, true", "nric, M6516761K, false",
            "aba-routing, 075116372, true", "aba-routing, 710877686831 routing 075116372, true",
            "aba-routing, 075116373, false", "aba-routing, 000000000, false",
            "aba-routing, 176031372, false",  // prefix 17 is no Federal Reserve district
    })
    void check_digit(String validator, String value, boolean valid) {
        assertEquals(valid, SecretValidator.fromWire(validator).valid(value));
    }
}
