package io.tidewatch.support;

import java.util.Locale;

/** An official support channel; the wire names are part of the {@code ask --format json} contract. */
public enum Channel {
    LIVE_CHAT, EMAIL, HELP_CENTER;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** Parses a wire name ("live_chat"); null when unknown. */
    static Channel fromWire(String s) {
        for (Channel c : values()) if (c.wireName().equals(s)) return c;
        return null;
    }
}
