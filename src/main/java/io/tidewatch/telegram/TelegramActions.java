package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.moderation.ActionFailed;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.AlertButtons;
import io.tidewatch.store.IncidentLog;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Carries out core {@link Action}s on Telegram: each becomes a Bot API call on the
 * {@link OutgoingQueue}. An alert carries the incident's buttons, whose data is a fresh token bound
 * to the incident, that chat and (once sent) that message. Warnings in a group and alerts in the
 * moderators' chat may be folded: in a raid, what the chat cannot take in the next minute goes out
 * as one summary (warnings, by kind) or one digest (alerts, worst first, with the worst one's buttons).
 */
final class TelegramActions implements ActionExecutor {
    /** What a folded message was about: the action and its incident. */
    private record Item(Action action, Long incident, boolean undoable) {}

    private final OutgoingQueue queue;
    private final CallbackHandler callbacks;
    private final Moderation moderation;
    private final TextCatalog buttonTexts;

    TelegramActions(OutgoingQueue queue, CallbackHandler callbacks, Moderation moderation, TextCatalog buttonTexts) {
        this.queue = queue;
        this.callbacks = callbacks;
        this.moderation = moderation;
        this.buttonTexts = buttonTexts;
    }

    private AlertButtons buttons() { return moderation.stores().alertButtons(); }

    @Override
    public CompletableFuture<?> execute(Action a, Dispatch dispatch) {
        InlineKeyboardMarkup keyboard = null;
        String token = null;
        if (a.type() == Action.Type.ALERT_MODERATORS && dispatch.incident() != null) {
            token = buttons().issue(dispatch.incident(), a.chat(), moderation.clock().instant());
            keyboard = callbacks.alertButtons(token, dispatch.undoable(), alertsLanguage());
        }
        String what = a.type().name().toLowerCase(Locale.ROOT) + " in " + ApiCalls.targetChat(a);
        OutgoingQueue.Fold fold = foldOf(a, dispatch);
        OutgoingQueue.Call call = ApiCalls.call(a, keyboard, moderation.clock().instant());
        Runnable beforeSend = dispatch.beforeSend();
        CompletableFuture<Serializable> answered = queue.submit(ApiCalls.priority(a.type()), ApiCalls.targetChat(a),
                        ApiCalls.isGroupMessage(a), what, c -> {
                            beforeSend.run();
                            return call.execute(c);
                        }, fold)
                .exceptionallyCompose(err -> CompletableFuture.failedFuture(failure(a, err)));
        if (token == null) return answered;
        String bound = token;
        return answered.thenApply(result -> {
            if (result instanceof Message m && m.getMessageId() != null) buttons().bind(bound, String.valueOf(m.getMessageId()));
            return result;
        });
    }

    private String alertsLanguage() { return buttonTexts.language(moderation.rules().chats().alertsLanguage()); }

    /** Group warnings about an incident fold into a summary, alerts into a digest; nothing else folds. */
    private OutgoingQueue.Fold foldOf(Action a, Dispatch d) {
        if (d.incident() == null) return null;
        if (a.type() == Action.Type.REPLY && ApiCalls.isGroupMessage(a)) {
            return new OutgoingQueue.Fold("warning", new Item(a, d.incident(), d.undoable()), this::warningSummary,
                    moderation.rules().chats().raid().warningsPerMinute());
        }
        if (a.type() == Action.Type.ALERT_MODERATORS) {
            return new OutgoingQueue.Fold("alert", new Item(a, d.incident(), d.undoable()), this::alertDigest,
                    moderation.rules().chats().raid().alertsPerMinute());
        }
        return null;
    }

    private List<IncidentLog.Incident> incidents(List<Object> items) {
        return items.stream().map(i -> ((Item) i).incident()).distinct()
                .map(id -> moderation.stores().incidents().find(id)).flatMap(Optional::stream).toList();
    }

    /** "I removed 14 messages: 12 with a recovery phrase or private key, 2 × Scam bait. Never share…", in the chat's language. */
    private OutgoingQueue.Call warningSummary(String chat, List<Object> items) {
        TextCatalog texts = moderation.rules().policy().texts();
        String lang = texts.language(moderation.settings(Platform.TELEGRAM, chat).language());
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (IncidentLog.Incident i : incidents(items)) {
            String kind = i.category() == Category.SECRET
                    ? "secret:" + moderation.rules().policy().rules().revocationKind(i.rule()) : "other:" + i.category().wireName();
            byKind.merge(kind, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, n) -> {
            String name = kind.substring(kind.indexOf(':') + 1);
            parts.add(kind.startsWith("secret:")
                    ? texts.render(lang, "summary.secret", Map.of("count", String.valueOf(n),
                        "kind_name", texts.render(lang, "kind." + (texts.has("kind." + name) ? name : "generic"))))
                    : texts.render(lang, "summary.other", Map.of("count", String.valueOf(n),
                        "category", texts.render(lang, "category." + name))));
        });
        String text = texts.render(lang, "summary.warnings", Map.of("count", String.valueOf(items.size()),
                "what", String.join(", ", parts), "brand", moderation.brand().brand().name()));
        return c -> c.execute(ApiCalls.html(chat, text, null));
    }

    /** One digest for the moderators: the incidents, worst first, and the worst one's buttons. */
    private OutgoingQueue.Call alertDigest(String chat, List<Object> items) {
        TextCatalog texts = moderation.rules().policy().texts();
        String lang = texts.language(moderation.rules().chats().alertsLanguage());
        List<IncidentLog.Incident> list = new ArrayList<>(incidents(items));
        if (list.isEmpty()) return null;
        list.sort(Comparator.comparing(IncidentLog.Incident::severity).reversed().thenComparing(IncidentLog.Incident::id));
        List<String> lines = new ArrayList<>();
        for (IncidentLog.Incident i : list.subList(0, Math.min(20, list.size()))) {
            String where = moderation.rules().chats().title(i.chat());
            lines.add(texts.render(lang, "alert.digest.line", Map.of("id", String.valueOf(i.id()),
                    "category", texts.render(lang, "category." + i.category().wireName()), "severity", i.severity().wireName(),
                    "chat", where != null ? where : i.chat())));
        }
        if (list.size() > 20) lines.add(texts.render(lang, "alert.digest.more", Map.of("count", String.valueOf(list.size() - 20))));
        String text = texts.render(lang, "alert.digest", Map.of("count", String.valueOf(list.size()), "lines", String.join("\n", lines)));
        IncidentLog.Incident worst = list.get(0);
        boolean undoable = items.stream().map(i -> (Item) i).anyMatch(i -> Objects.equals(i.incident(), worst.id()) && i.undoable());
        String token = buttons().issue(worst.id(), chat, moderation.clock().instant());
        InlineKeyboardMarkup keyboard = callbacks.alertButtons(token, undoable, alertsLanguage());
        return c -> {
            Serializable sent = c.execute(ApiCalls.html(chat, text, keyboard));
            if (sent instanceof Message m && m.getMessageId() != null) buttons().bind(token, String.valueOf(m.getMessageId()));
            return sent;
        };
    }

    /** What Telegram's refusal means for the action: try later, give up, fall back, or count it done. */
    static ActionFailed failure(Action a, Throwable err) {
        Throwable t = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
        if (!(t instanceof OutgoingQueue.CallFailedException f)) return ActionFailed.of(t);
        String d = f.description().toLowerCase(Locale.ROOT);
        if (f.dropped()) return new ActionFailed(ActionFailed.Kind.DROPPED, f.getMessage(), null, f);
        if (f.retryable()) {
            return new ActionFailed(ActionFailed.Kind.RETRY_LATER, f.getMessage(),
                    f.retryAfter() == null ? null : Duration.ofSeconds(f.retryAfter()), f);
        }
        if (a.type() == Action.Type.DELETE_MESSAGE && d.contains("message to delete not found")) {
            return new ActionFailed(ActionFailed.Kind.ALREADY_DONE, f.getMessage(), null, f);
        }
        if (a.type() == Action.Type.DIRECT_MESSAGE && f.errorCode() != null && f.errorCode() == 403) {
            return new ActionFailed(ActionFailed.Kind.UNREACHABLE, f.getMessage(), null, f); // never started a chat, blocked us
        }
        return new ActionFailed(ActionFailed.Kind.REFUSED, f.getMessage(), null, f);
    }
}
