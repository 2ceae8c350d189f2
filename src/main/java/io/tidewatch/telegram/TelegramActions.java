package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.AlertButtons;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Carries out core {@link Action}s on Telegram: each becomes a Bot API call on the
 * {@link OutgoingQueue}. An alert in the moderators' chat carries the incident's buttons, whose
 * data is a fresh token bound to the incident, that chat and (once sent) that message.
 */
final class TelegramActions implements ActionExecutor {
    private final OutgoingQueue queue;
    private final CallbackHandler callbacks;
    private final AlertButtons buttons;
    private final TextCatalog texts;
    private final Supplier<String> alertsLanguage;
    private final Clock clock;

    TelegramActions(OutgoingQueue queue, CallbackHandler callbacks, AlertButtons buttons, TextCatalog texts,
                    Supplier<String> alertsLanguage, Clock clock) {
        this.queue = queue;
        this.callbacks = callbacks;
        this.buttons = buttons;
        this.texts = texts;
        this.alertsLanguage = alertsLanguage;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> execute(Action a, Dispatch dispatch) {
        InlineKeyboardMarkup keyboard = null;
        String token = null;
        if (a.type() == Action.Type.ALERT_MODERATORS && dispatch.incident() != null) {
            token = buttons.issue(dispatch.incident(), a.chat(), clock.instant());
            keyboard = callbacks.alertButtons(token, dispatch.undoable(), texts.language(alertsLanguage.get()));
        }
        String what = a.type().name().toLowerCase(Locale.ROOT) + " in " + ApiCalls.targetChat(a);
        var answered = queue.submit(ApiCalls.priority(a.type()), ApiCalls.targetChat(a), ApiCalls.isGroupMessage(a), what,
                ApiCalls.call(a, keyboard, clock.instant()));
        if (token == null) return answered;
        String bound = token;
        return answered.thenApply(result -> {
            if (result instanceof Message m && m.getMessageId() != null) buttons.bind(bound, String.valueOf(m.getMessageId()));
            return result;
        });
    }
}
