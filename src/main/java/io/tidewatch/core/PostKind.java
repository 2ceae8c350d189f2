package io.tidewatch.core;

/** What a post is; {@code JOIN} means a member joined or renamed, so only the author's names are judged. */
public enum PostKind {
    GROUP, CHANNEL, DM, MENTION, REPLY, JOIN;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static PostKind fromWire(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** Private conversations with the bot: answered by the support responder. */
    public boolean isPrivate() { return this == DM; }
}
