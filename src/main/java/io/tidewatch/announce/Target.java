package io.tidewatch.announce;

import io.tidewatch.core.Platform;

import java.util.List;

/**
 * Where an announcement goes: a Telegram chat (numeric id or {@code @channel}) or the Twitter account.
 * {@code languages} empty means every language of the announcement.
 */
public record Target(Platform platform, String chat, String name, List<String> languages) {
    public Target {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** The ledger's name for this target, e.g. {@code telegram:-1001000000010}. */
    public String key() { return platform.wireName() + ":" + chat; }

    /** A text as written ({@link Announcement#AS_WRITTEN}) goes to every target: it is meant for all of them. */
    public boolean wants(String language) {
        return languages.isEmpty() || languages.contains(language) || Announcement.AS_WRITTEN.equals(language);
    }
}
