package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatSenderChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.RestrictChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatSenderChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.ChatPermissions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.time.Instant;
import java.util.List;

/** Core {@link Action}s as Bot API calls, and the queue priority each goes with. */
final class ApiCalls {
    private ApiCalls() {}

    static OutgoingQueue.Priority priority(Action.Type type) {
        return switch (type) {
            case DELETE_MESSAGE -> OutgoingQueue.Priority.DELETE;
            case BAN, BAN_SENDER_CHAT, RESTRICT, UNBAN -> OutgoingQueue.Priority.PUNISH;
            case REPLY -> OutgoingQueue.Priority.REPLY;
            case DIRECT_MESSAGE -> OutgoingQueue.Priority.DIRECT;
            case ALERT_MODERATORS -> OutgoingQueue.Priority.ALERT;
            case LEAVE_CHAT -> OutgoingQueue.Priority.BACKGROUND;
            default -> throw notOnTelegram(type);
        };
    }

    /** The chat a call lands in (for rate limits), and whether it posts a message into a group. */
    static String targetChat(Action a) {
        return a.type() == Action.Type.DIRECT_MESSAGE ? a.userId() : a.chat();
    }

    static boolean isGroupMessage(Action a) {
        String chat = targetChat(a);
        return (a.type() == Action.Type.REPLY || a.type() == Action.Type.ALERT_MODERATORS) && chat != null && chat.startsWith("-");
    }

    static OutgoingQueue.Call call(Action a, InlineKeyboardMarkup keyboard, Instant now) {
        return switch (a.type()) {
            case DELETE_MESSAGE -> c -> c.execute(new DeleteMessage(a.chat(), Integer.parseInt(a.messageId())));
            case REPLY -> c -> c.execute(html(a.chat(), a.text(), keyboard));
            case DIRECT_MESSAGE -> c -> c.execute(html(a.userId(), a.text(), keyboard));
            case ALERT_MODERATORS -> c -> c.execute(html(a.chat(), a.text(), keyboard));
            case RESTRICT -> c -> {
                RestrictChatMember r = new RestrictChatMember(a.chat(), Long.parseLong(a.userId()), muted());
                if (a.duration() != null) r.setUntilDateInstant(now.plus(a.duration()));
                return c.execute(r);
            };
            case BAN -> c -> c.execute(new BanChatMember(a.chat(), Long.parseLong(a.userId())));
            case BAN_SENDER_CHAT -> c -> c.execute(new BanChatSenderChat(a.chat(), Long.parseLong(a.userId())));
            case UNBAN -> unban(a);
            case LEAVE_CHAT -> c -> c.execute(new LeaveChat(a.chat()));
            default -> throw notOnTelegram(a.type());
        };
    }

    private static IllegalArgumentException notOnTelegram(Action.Type type) {
        return new IllegalArgumentException(type + " is not a Telegram action");
    }

    /** Lifting: a channel is unbanned as a sender chat; a person is unbanned (if banned) and un-muted. */
    private static OutgoingQueue.Call unban(Action a) {
        long target = Long.parseLong(a.userId());
        if (target < 0) return c -> c.execute(new UnbanChatSenderChat(a.chat(), target));
        if (io.tidewatch.moderation.Moderation.UNDO_RESTRICT.equals(a.rule())) {
            return c -> c.execute(new RestrictChatMember(a.chat(), target, unmuted()));
        }
        return c -> c.execute(new UnbanChatMember(a.chat(), target, true));
    }

    static SendMessage html(String chat, String text, InlineKeyboardMarkup keyboard) {
        SendMessage m = new SendMessage(chat, text);
        m.setParseMode("HTML");
        m.setDisableWebPagePreview(true);
        if (keyboard != null) m.setReplyMarkup(keyboard);
        return m;
    }

    static InlineKeyboardMarkup keyboard(List<DirectMessageResponder.Button> buttons) {
        if (buttons.isEmpty()) return null;
        List<InlineKeyboardRow> rows = buttons.stream().map(b -> {
            InlineKeyboardButton k = new InlineKeyboardButton(b.label());
            if (b.url() != null) k.setUrl(b.url());
            else k.setCallbackData(b.callbackData());
            return new InlineKeyboardRow(k);
        }).toList();
        return new InlineKeyboardMarkup(rows);
    }

    static ChatPermissions muted() {
        return ChatPermissions.builder().canSendMessages(false).canSendAudios(false).canSendDocuments(false)
                .canSendPhotos(false).canSendVideos(false).canSendVideoNotes(false).canSendVoiceNotes(false)
                .canSendPolls(false).canSendOtherMessages(false).canAddWebPagePreviews(false).build();
    }

    static ChatPermissions unmuted() {
        return ChatPermissions.builder().canSendMessages(true).canSendAudios(true).canSendDocuments(true)
                .canSendPhotos(true).canSendVideos(true).canSendVideoNotes(true).canSendVoiceNotes(true)
                .canSendPolls(true).canSendOtherMessages(true).canAddWebPagePreviews(true).build();
    }
}
