package io.tidewatch.policy;

/**
 * What the policy needs to know about a post besides its findings.
 *
 * @param settings     the chat's settings (language, dry run, moderation)
 * @param trusted      the author is official, staff, trusted by a moderator, or an anonymous group admin
 * @param senderChatId when the post was sent on behalf of a channel: that channel's id (act on it, not a user)
 * @param chatTitle    the chat's display name, for texts
 * @param messageLink  a link to the post for moderators, or null
 * @param alertsChat   the moderators' chat, or null when none is configured
 * @param alertLanguage the moderators' language
 */
public record PolicyContext(ChatSettings settings, boolean trusted, String senderChatId, String chatTitle,
                            String messageLink, String alertsChat, String alertLanguage) {
    public PolicyContext {
        settings = settings == null ? ChatSettings.defaults() : settings;
        alertLanguage = alertLanguage == null ? settings.language() : alertLanguage;
    }

    public static PolicyContext of(ChatSettings settings, String alertsChat) {
        return new PolicyContext(settings, false, null, null, null, alertsChat, null);
    }

    public PolicyContext trusted(boolean t) {
        return new PolicyContext(settings, t, senderChatId, chatTitle, messageLink, alertsChat, alertLanguage);
    }

    public PolicyContext sentByChannel(String channelId) {
        return new PolicyContext(settings, trusted, channelId, chatTitle, messageLink, alertsChat, alertLanguage);
    }
}
