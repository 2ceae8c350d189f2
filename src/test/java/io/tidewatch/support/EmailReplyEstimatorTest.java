package io.tidewatch.support;

import io.tidewatch.core.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "First reply in 1–2 business days" as dates: weekends, holidays and the support time zone. */
class EmailReplyEstimatorTest {
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01"));

    @ParameterizedTest(name = "{0} sent {1} -> {2}..{3}")
    @CsvSource({
            // zone,          sent (UTC instant),     earliest,   latest
            "UTC,             2026-11-26T10:00:00Z, 2026-11-27, 2026-11-30",   // Thursday -> Fri, Mon
            "UTC,             2026-11-27T10:00:00Z, 2026-11-30, 2026-12-01",   // Friday -> Mon, Tue
            "UTC,             2026-11-28T10:00:00Z, 2026-11-30, 2026-12-01",   // Saturday counts from Monday
            "UTC,             2026-11-29T23:59:59Z, 2026-11-30, 2026-12-01",   // Sunday night
            "Asia/Shanghai,   2026-11-27T13:00:00Z, 2026-11-30, 2026-12-01",   // Friday 21:00 in UTC+8
            "Asia/Shanghai,   2026-11-26T20:00:00Z, 2026-11-30, 2026-12-01",   // Thursday UTC, but already Friday 04:00 in UTC+8
            "UTC,             2026-11-26T20:00:00Z, 2026-11-27, 2026-11-30",   // ... and still Thursday in UTC
            "Asia/Shanghai,   2026-11-29T20:00:00Z, 2026-12-01, 2026-12-02",   // Sunday UTC = Monday 04:00 in UTC+8
            "America/New_York,2026-11-28T03:00:00Z, 2026-11-30, 2026-12-01",   // Saturday UTC = Friday 22:00 in New York
            "UTC,             2026-12-24T09:00:00Z, 2026-12-28, 2026-12-29",   // Christmas Friday is skipped
            "UTC,             2026-12-31T09:00:00Z, 2027-01-04, 2027-01-05",   // New Year's Day Friday, then the weekend
            "UTC,             2026-12-23T09:00:00Z, 2026-12-24, 2026-12-28",   // Wednesday: Thu, then Fri holiday + weekend
    })
    void first_reply_window_skips_weekends_and_holidays_in_the_support_time_zone(String zone, String sent,
                                                                                 String earliest, String latest) {
        EmailReplyEstimator e = new EmailReplyEstimator(ZoneId.of(zone.trim()), HOLIDAYS, 1, 2);
        ReplyWindow w = e.firstReplyBy(Instant.parse(sent.trim()));
        assertEquals(LocalDate.parse(earliest.trim()), w.earliest());
        assertEquals(LocalDate.parse(latest.trim()), w.latest());
    }

    @Test
    void the_answer_states_the_expected_dates_in_the_users_language() {
        SupportResponder r = Fixtures.responder();
        String en = r.answer(Fixtures.dm(Platform.TWITTER, "1", "my deposit is missing"), List.of(), Fixtures.THURSDAY).text();
        assertTrue(en.contains("Fri 27 Nov 2026") && en.contains("Mon 30 Nov 2026"), en);
        String zh = r.answer(Fixtures.dm(Platform.TWITTER, "2", "充值还没到账"), List.of(), Fixtures.THURSDAY).text();
        assertTrue(zh.contains("11月27日") && zh.contains("11月30日"), zh);
    }
}
