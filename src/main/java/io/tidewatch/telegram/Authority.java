package io.tidewatch.telegram;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Platform;
import io.tidewatch.policy.ChatDirectory;

import java.util.function.Supplier;

/**
 * Who may do what, where. Anyone can add a bot to a group of their own, so authority is never read
 * from the chat a command arrives in alone:
 * <ul>
 *   <li>bot-wide commands and the alert buttons belong to the moderators listed by id in
 *       {@code brand.yaml}, and work only in a guarded chat or the moderators' chat;</li>
 *   <li>a chat's own admins (when {@code chats.yaml} accepts them) and, where that chat allows it,
 *       its anonymous admins, run the chat-scoped commands of that one guarded chat.</li>
 * </ul>
 */
final class Authority {
    /** How far a command reaches. */
    enum Scope {
        /** Acts on the chat it is sent in only (warn, mute, ban, unban, dry run, language, status). */
        CHAT,
        /** Acts on every chat or reads every chat's incidents (trust, allow, incidents, stats, reload, announce). */
        BOT
    }

    private final BrandProfile brand;
    private final Supplier<ChatDirectory> chats;
    private final AdminCache admins;

    Authority(BrandProfile brand, Supplier<ChatDirectory> chats, AdminCache admins) {
        this.brand = brand;
        this.chats = chats;
        this.admins = admins;
    }

    /** A chat the bot guards: listed in chats.yaml, or the moderators' chat. */
    boolean guards(String chat) {
        return chats.get().isListed(chat) || isAlertsChat(chat);
    }

    boolean isAlertsChat(String chat) {
        return chat != null && chat.equals(brand.moderators().alertsChat());
    }

    /** A moderator listed by id in brand.yaml: the only bot-wide authority. */
    boolean isListedModerator(String userId) {
        return brand.moderators().isModerator(Platform.TELEGRAM, userId);
    }

    boolean mayRun(Scope scope, TelegramPost tp) {
        String chat = tp.post().chat();
        if (!guards(chat)) return false;
        if (tp.anonymousAdmin()) {
            return scope == Scope.CHAT && chats.get().anonymousAdminsModerate(chat);
        }
        if (tp.senderChatId() != null) return false; // a channel speaking in the group is nobody's moderator
        String id = tp.post().author().id();
        if (isListedModerator(id)) return true;
        return scope == Scope.CHAT && chats.get().isListed(chat) && chats.get().moderatorsFromChatAdmins()
                && admins.isAdmin(chat, id);
    }

    /** Who the audit log names: a person's id, or the chat for an anonymous admin (nobody can tell which). */
    static String actor(TelegramPost tp) {
        return tp.anonymousAdmin() ? "anonymous-admin@" + tp.post().chat() : tp.post().author().id();
    }
}
