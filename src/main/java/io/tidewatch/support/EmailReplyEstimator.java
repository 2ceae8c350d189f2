package io.tidewatch.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Turns "first reply in 1–2 business days" into dates. The day a mail arrives does not count; each
 * following weekday that is not a configured holiday counts one, all in the support team's time zone
 * (so a Friday-evening mail in UTC+8 is answered from Monday, not from "Saturday UTC").
 */
public final class EmailReplyEstimator {
    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final int minDays;
    private final int maxDays;

    public EmailReplyEstimator(ZoneId zone, Set<LocalDate> holidays, int minDays, int maxDays) {
        if (minDays < 0 || maxDays < minDays) {
            throw new IllegalArgumentException("business days must satisfy 0 <= min <= max, got " + minDays + ".." + maxDays);
        }
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    /** The window in which the first reply to a mail sent at {@code now} is expected. */
    public ReplyWindow firstReplyBy(Instant now) {
        LocalDate sent = now.atZone(zone).toLocalDate();
        return new ReplyWindow(addBusinessDays(sent, minDays), addBusinessDays(sent, maxDays), zone);
    }

    LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) counted++;
        }
        return d;
    }

    public boolean isBusinessDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(d);
    }
}
