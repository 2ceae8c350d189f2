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

    public boolean wants(String language) { return languages.isEmpty() || languages.contains(language); }
}
