package io.tidewatch.detect.identity;

/** A scam-bait phrase found in a text; offsets are in the original text. */
public record ScamBait(ScamRule rule, int start, int end, String excerpt) {}
