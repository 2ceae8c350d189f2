package io.tidewatch.policy;

/**
 * How Tidewatch behaves in one chat: the language its warnings are written in, whether it only
 * decides and alerts ({@code dryRun}), and whether it moderates there at all.
 */
public record ChatSettings(String language, boolean dryRun, boolean moderation) {
    public ChatSettings {
        language = language == null || language.isBlank() ? "en" : language;
    }

    public static ChatSettings defaults() { return new ChatSettings("en", false, true); }
}
