package io.tidewatch.core;

/** How bad a finding is; policy decides what each level does. Ordered from least to most severe. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Severity fromWire(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public boolean atLeast(Severity other) { return compareTo(other) >= 0; }
}
