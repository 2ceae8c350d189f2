package io.tidewatch.core;

/** The kinds of harm Tidewatch looks for; the wire names are part of the findings contract. */
public enum Category {
    SECRET, IMPERSONATION, PHISHING, SCAM;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Category fromWire(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
