package io.tidewatch.telegram;

import io.tidewatch.core.Platform;
import io.tidewatch.store.AuditLog;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;

/**
 * The buttons under a moderators' alert: undo (lift the ban or mute and stop flagging the account),
 * confirm (recorded), details (the incident, redacted). Their data is {@code tw:VERB:TOKEN}; the
 * token, not the client, says which incident is meant, and is honoured only on the message and in
 * the chat it was issued for, and only for the moderators listed in brand.yaml (undo reaches into
 * any chat). Buttons in private chats belong to the support menu and go to the
 * {@link DirectMessageResponder}.
 */
final class CallbackHandler {
    static final String PREFIX = "tw:";

    private final TelegramBot bot;

    CallbackHandler(TelegramBot bot) { this.bot = bot; }

    InlineKeyboardMarkup alertButtons(String token, boolean undoable, String language) {
        List<InlineKeyboardButton> row = new ArrayList<>();
        if (undoable) row.add(button(bot.texts().render(language, "button.undo"), PREFIX + "undo:" + token));
        row.add(button(bot.texts().render(language, "button.confirm"), PREFIX + "ok:" + token));
        row.add(button(bot.texts().render(language, "button.details"), PREFIX + "info:" + token));
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(row)));
    }

    private static InlineKeyboardButton button(String label, String data) {
        InlineKeyboardButton b = new InlineKeyboardButton(label);
        b.setCallbackData(data);
        return b;
    }

    void handle(CallbackQuery q) {
        String data = q.getData() == null ? "" : q.getData();
        String userId = String.valueOf(q.getFrom().getId());
        String lang = bot.texts().language(q.getFrom().getLanguageCode());
        String chat = q.getMessage() == null ? null : String.valueOf(q.getMessage().getChatId());
        if (!data.startsWith(PREFIX)) {
            answer(q, null, false);
            if (chat != null && q.getMessage().isUserMessage()) bot.directButton(chat, userId, lang, data);
            return;
        }
        String[] parts = data.substring(PREFIX.length()).split(":", 2);
        var binding = bot.stores().alertButtons().find(parts.length > 1 ? parts[1] : null)
                .filter(b -> b.chat().equals(chat))
                .filter(b -> b.messageId() == null || b.messageId().equals(String.valueOf(q.getMessage().getMessageId())));
        if (!bot.authority().isListedModerator(userId) || binding.isEmpty()) {
            bot.stores().audit().record(userId, "REFUSED", Platform.TELEGRAM, chat, null, null, "button",
                    binding.isEmpty() ? "unknown or misplaced button" : "not a moderator", null, AuditLog.Status.REFUSED,
                    bot.clock().instant());
            answer(q, bot.texts().render(lang, binding.isEmpty() ? "callback.unknown" : "callback.refused"), true);
            return;
        }
        long incident = binding.get().incident();
        String name = q.getFrom().getFirstName() == null ? userId : q.getFrom().getFirstName();
        switch (parts[0]) {
            case "undo" -> undo(q, incident, userId, name, lang);
            case "ok" -> {
                bot.stores().audit().record(userId, "CONFIRM", Platform.TELEGRAM, chat, null, null, "button",
                        "confirmed incident #" + incident, incident, AuditLog.Status.DONE, bot.clock().instant());
                answer(q, bot.texts().render(lang, "callback.confirmed", TelegramBot.vars("name", name)), false);
            }
            case "info" -> {
                var found = bot.stores().incidents().find(incident);
                if (found.isEmpty()) {
                    answer(q, bot.texts().render(lang, "callback.unknown"), false);
                    return;
                }
                var i = found.get();
                String text = bot.texts().render(lang, "callback.details", TelegramBot.vars("id", String.valueOf(i.id()),
                        "category", i.category().wireName(), "rule", i.rule(), "severity", i.severity().wireName(),
                        "excerpt", i.excerpt(), "reason", i.reason()));
                answer(q, plain(text), true);
            }
            default -> answer(q, bot.texts().render(lang, "callback.unknown"), false);
        }
    }

    private void undo(CallbackQuery q, long incident, String moderator, String name, String lang) {
        List<String> done = bot.undo(incident, moderator).stream()
                .map(e -> e.action().toLowerCase(java.util.Locale.ROOT) + " " + e.target()).toList();
        answer(q, done.isEmpty() ? bot.texts().render(lang, "callback.nothing_to_undo")
                : bot.texts().render(lang, "callback.undone", TelegramBot.vars("name", name, "done", String.join(", ", done))), false);
    }

    private void answer(CallbackQuery q, String text, boolean alert) {
        AnswerCallbackQuery a = new AnswerCallbackQuery(q.getId());
        if (text != null) {
            a.setText(text.length() > 190 ? text.substring(0, 190) + "…" : text);
            a.setShowAlert(alert);
        }
        bot.queue().submit(OutgoingQueue.Priority.ANSWER, "callback", false, "answerCallbackQuery", c -> c.execute(a));
    }

    private static String plain(String html) {
        return io.tidewatch.announce.HtmlTags.strip(html).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
