package io.tidewatch.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; the fake X API and the client read the same one. */
final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) { this.now = start; }

    void advance(Duration d) { now = now.plus(d); }

    void set(Instant t) { now = t; }

    @Override
    public Instant instant() { return now; }

    @Override
    public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override
    public Clock withZone(ZoneId zone) { return this; }
}
