package io.tidewatch.support;

import java.time.LocalDate;
import java.time.ZoneId;

/** When the first email reply is expected: between the ends of two business days in the support time zone. */
public record ReplyWindow(LocalDate earliest, LocalDate latest, ZoneId zone) {}
