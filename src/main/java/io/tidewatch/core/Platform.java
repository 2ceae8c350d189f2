package io.tidewatch.core;

/** Where a post came from. {@code LOCAL} is the command line and the sandbox. */
public enum Platform {
    TELEGRAM, TWITTER, LOCAL;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Platform fromWire(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
