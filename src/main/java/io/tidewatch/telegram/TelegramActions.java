package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.policy.TextCatalog;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Carries out core {@link Action}s on Telegram: each becomes a Bot API call on the
 * {@link OutgoingQueue}; an alert in the moderators' chat carries the incident's buttons.
 */
final class TelegramActions implements ActionExecutor {
    private final OutgoingQueue queue;
    private final CallbackHandler callbacks;
    private final TextCatalog texts;
    private final Supplier<String> alertsLanguage;
    private final Clock clock;

    TelegramActions(OutgoingQueue queue, CallbackHandler callbacks, TextCatalog texts, Supplier<String> alertsLanguage, Clock clock) {
        this.queue = queue;
        this.callbacks = callbacks;
        this.texts = texts;
        this.alertsLanguage = alertsLanguage;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> execute(Action a, Dispatch dispatch) {
        var keyboard = a.type() == Action.Type.ALERT_MODERATORS && dispatch.incident() != null
                ? callbacks.alertButtons(dispatch.incident(), dispatch.undoable(), texts.language(alertsLanguage.get())) : null;
        String what = a.type().name().toLowerCase(Locale.ROOT) + " in " + ApiCalls.targetChat(a);
        return queue.submit(ApiCalls.priority(a.type()), ApiCalls.targetChat(a), ApiCalls.isGroupMessage(a), what,
                ApiCalls.call(a, keyboard, clock.instant()));
    }
}
