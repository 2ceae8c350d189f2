package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.policy.ChatSettings;
import io.tidewatch.policy.Decision;
import io.tidewatch.policy.PolicyContext;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.ChatSettingsStore;
import io.tidewatch.store.Stores;
import io.tidewatch.store.TrustList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Telegram bot's brain: an update comes in, is translated to posts, judged by the detectors and
 * the policy, and the decided actions leave through the {@link OutgoingQueue}, each one audited.
 * Private chats go to the {@link DirectMessageResponder}; commands to the {@link CommandRouter};
 * alert buttons to the {@link CallbackHandler}. Thread-safe: updates of different chats run in parallel.
 */
public final class TelegramBot {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    /** The rule id on an UNBAN that lifts a mute rather than a ban. */
    public static final String UNDO_RESTRICT = "undo-restrict";
    static final String ACTOR = "tidewatch";

    private final BrandProfile brand;
    private final AtomicReference<BotRules> rules;
    private final BotRules.Loader loader;
    private final Stores stores;
    private final OutgoingQueue queue;
    private final TextCatalog texts;
    private final DirectMessageResponder responder;
    private final boolean globalDryRun;
    private final Clock clock;
    private final Instant startedAt;
    private final UpdateTranslator translator = new UpdateTranslator();
    private final AdminCache admins;
    private final CommandRouter commands;
    private final CallbackHandler callbacks;
    /** Names already recorded, so the common case (a known name) costs no database round trip. */
    private final java.util.Set<String> knownNames = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TelegramBot(BrandProfile brand, BotRules.Loader loader, Stores stores, OutgoingQueue queue, TextCatalog texts,
                       DirectMessageResponder responder, boolean globalDryRun, Clock clock) {
        this.brand = brand;
        this.loader = loader;
        this.rules = new AtomicReference<>(loader.load());
        this.stores = stores;
        this.queue = queue;
        this.texts = texts;
        this.responder = responder;
        this.globalDryRun = globalDryRun;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.admins = new AdminCache(queue, clock);
        this.commands = new CommandRouter(StandardCommands.all());
        this.callbacks = new CallbackHandler(this);
    }

    /** Announcement commands, once the scheduler exists (it publishes through this bot's queue). */
    public void enableAnnouncements(io.tidewatch.announce.Announcements announcements) {
        commands.register(new AnnounceCommand(announcements));
    }

    /** Handles one update (already claimed: the caller guarantees each update reaches here once). */
    public void handle(Update update) {
        if (update.getCallbackQuery() != null) {
            callbacks.handle(update.getCallbackQuery());
            return;
        }
        for (TelegramPost tp : translator.translate(update)) {
            try {
                handle(tp);
            } catch (RuntimeException e) {
                log.error("telegram: failed on message {} in chat {}: {}", tp.messageId(), tp.chatId(), e.toString());
            }
        }
    }

    void handle(TelegramPost tp) {
        if (tp.isPrivate()) {
            directMessage(tp);
            return;
        }
        if (tp.post().kind() != PostKind.CHANNEL && commands.handles(tp.post().text())) {
            boolean allowed = commands.run(new CommandContext(this, tp));
            if (allowed) return;
        }
        moderate(tp);
    }

    // ---- moderation -------------------------------------------------------------------------

    void moderate(TelegramPost tp) {
        Post post = tp.post();
        BotRules r = rules.get();
        ChatSettings settings = settings(post.chat());
        if (!settings.moderation() || isTrusted(tp)) {
            rememberName(post);
            return;
        }
        List<Finding> findings = new ArrayList<>(r.detector().inspect(post));
        if (post.kind() != PostKind.JOIN && post.kind() != PostKind.CHANNEL && rememberName(post)) {
            // a name not seen before on this account: judge the name too, as on joining
            Post asJoin = new Post(post.id(), post.platform(), PostKind.JOIN, post.chat(), post.time(), post.author(), "",
                    List.of(), post.language());
            for (Finding f : r.detector().inspect(asJoin)) {
                if (f.category() == Category.IMPERSONATION && findings.stream().noneMatch(g -> g.category() == Category.IMPERSONATION)) {
                    findings.add(f);
                }
            }
        }
        // the allow list only excuses names, so it is read only when a name was flagged
        if (findings.stream().anyMatch(f -> f.category() == Category.IMPERSONATION) && isAllowed(post)) {
            findings.removeIf(f -> f.category() == Category.IMPERSONATION);
        }
        if (findings.isEmpty()) return;

        PolicyContext ctx = new PolicyContext(settings, false, tp.senderChatId() == null ? null : tp.senderChatId().toString(),
                title(tp), tp.link(), brand.moderators().alertsChat(), r.chats().alertsLanguage());
        Instant now = clock.instant();
        Decision decision = r.policy().decide(post, findings, ctx, key -> stores.once().first(key, now));
        // the deletion leaves before anything is written: a leak should be visible as briefly as possible
        Map<Action, CompletableFuture<Serializable>> early = new LinkedHashMap<>();
        for (Action a : decision.actions()) {
            if (a.type() == Action.Type.DELETE_MESSAGE) early.put(a, submit(a, null, now));
        }
        Long incident = null;
        for (Finding f : findings) {
            long id = stores.incidents().record(Platform.TELEGRAM, post.chat(), post.id(), post.author().id(), f.category(),
                    f.rule(), f.severity(), f.fingerprint(), f.excerpt(), f.reason(), now);
            if (incident == null) incident = id;
        }
        dispatch(decision, incident, now, early);
    }

    /** Carries out a decision: every action audited first, then queued; its status follows the API's answer. */
    void dispatch(Decision decision, Long incident, Instant now, Map<Action, CompletableFuture<Serializable>> alreadyQueued) {
        for (Action a : decision.suppressed()) {
            stores.audit().record(ACTOR, a.type().name(), a.platform(), a.chat(), a.userId(), a.messageId(), a.rule(),
                    a.reason(), incident, AuditLog.Status.DRY_RUN, now);
        }
        boolean undoable = decision.actions().stream().anyMatch(a -> a.type() == Action.Type.BAN
                || a.type() == Action.Type.RESTRICT || a.type() == Action.Type.BAN_SENDER_CHAT);
        for (Action a : decision.actions()) {
            var queued = alreadyQueued.get(a);
            if (queued != null) {
                audit(a, ACTOR, incident, queued, now);
                continue;
            }
            InlineKeyboardMarkup keyboard = a.type() == Action.Type.ALERT_MODERATORS && incident != null
                    ? callbacks.alertButtons(incident, undoable, texts.language(rules.get().chats().alertsLanguage())) : null;
            execute(a, ACTOR, incident, keyboard, now);
        }
    }

    /**
     * Queues one action and audits it; the returned future completes when the platform answered.
     * The call is queued before the audit row is written (a deletion should not wait for the
     * database); the row's status follows the answer either way.
     */
    CompletableFuture<Serializable> execute(Action a, String actor, Long incident, InlineKeyboardMarkup keyboard, Instant now) {
        return audit(a, actor, incident, submit(a, keyboard, now), now);
    }

    private CompletableFuture<Serializable> submit(Action a, InlineKeyboardMarkup keyboard, Instant now) {
        String what = a.type().name().toLowerCase(java.util.Locale.ROOT) + " in " + ApiCalls.targetChat(a);
        return queue.submit(ApiCalls.priority(a.type()), ApiCalls.targetChat(a), ApiCalls.isGroupMessage(a), what,
                ApiCalls.call(a, keyboard, now));
    }

    private CompletableFuture<Serializable> audit(Action a, String actor, Long incident, CompletableFuture<Serializable> answered,
                                                  Instant now) {
        long auditId = stores.audit().record(actor, a.type().name(), a.platform(), a.chat(), a.userId(), a.messageId(),
                a.rule(), a.reason(), incident, AuditLog.Status.PENDING, now);
        return answered.whenComplete((ok, err) ->
                stores.audit().setStatus(auditId, err == null ? AuditLog.Status.DONE : AuditLog.Status.FAILED));
    }

    // ---- private chats ----------------------------------------------------------------------

    private void directMessage(TelegramPost tp) {
        Post post = tp.post();
        String text = post.text().trim();
        String lang = texts.language(post.language());
        String command = CommandRouter.commandName(text);
        DirectMessageResponder.Reply reply;
        if (responder == null) {
            reply = new DirectMessageResponder.Reply(null, texts.render(lang, "dm.unavailable"), List.of());
        } else if ("/start".equals(command) || "/help".equals(command)) {
            reply = responder.menu(lang);
        } else {
            List<Finding> secrets = rules.get().detector().inspect(post).stream()
                    .filter(f -> f.category() == Category.SECRET).toList();
            Instant now = clock.instant();
            for (Finding f : secrets) {
                stores.incidents().record(Platform.TELEGRAM, post.chat(), post.id(), post.author().id(), f.category(), f.rule(),
                        f.severity(), f.fingerprint(), f.excerpt(), f.reason(), now);
            }
            reply = responder.answer(post, secrets, now);
        }
        sendReply(post.chat(), reply);
    }

    /** A button pressed in a private chat: its data is answered like a question. */
    void directButton(String chat, String userId, String language, String data) {
        if (responder == null) return;
        Post post = new Post("cb", Platform.TELEGRAM, PostKind.DM, chat, clock.instant(),
                new io.tidewatch.core.Author(userId, null, null), data, List.of(), language);
        sendReply(chat, responder.answer(post, List.of(), clock.instant()));
    }

    private void sendReply(String chat, DirectMessageResponder.Reply reply) {
        if (reply == null || reply.text() == null || reply.text().isBlank()) return;
        if (reply.topic() != null) stores.support().count(clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), reply.topic());
        InlineKeyboardMarkup keyboard = ApiCalls.keyboard(reply.buttons());
        queue.submit(OutgoingQueue.Priority.REPLY, chat, false, "answer in private chat",
                c -> c.execute(ApiCalls.html(chat, reply.text(), keyboard)));
    }

    // ---- who is who -------------------------------------------------------------------------

    boolean isTrusted(TelegramPost tp) {
        if (tp.anonymousAdmin() || tp.automaticForward()) return true;
        String id = tp.post().author().id();
        return brand.isTrusted(Platform.TELEGRAM, id) || stores.trust().has(Platform.TELEGRAM, id, TrustList.Kind.TRUST);
    }

    private boolean isAllowed(Post post) {
        var a = post.author();
        return stores.trust().has(Platform.TELEGRAM, a.id(), TrustList.Kind.ALLOW)
                || (a.username() != null && stores.trust().has(Platform.TELEGRAM, "@" + a.username(), TrustList.Kind.ALLOW));
    }

    /** Records the author's current name; true when this account had not used it before. */
    private boolean rememberName(Post post) {
        var a = post.author();
        if (a.id().isEmpty()) return false;
        String key = (a.name() == null ? "" : a.name()) + "|" + (a.username() == null ? "" : a.username());
        if (knownNames.contains(a.id() + "|" + key)) return false;
        boolean first = stores.names().firstSighting(Platform.TELEGRAM, a.id(), key, clock.instant());
        if (knownNames.size() > 200_000) knownNames.clear();
        knownNames.add(a.id() + "|" + key);
        return first;
    }

    boolean isModerator(TelegramPost tp) {
        if (tp.anonymousAdmin()) return true;
        String id = tp.post().author().id();
        if (brand.moderators().isModerator(Platform.TELEGRAM, id)) return true;
        return rules.get().chats().moderatorsFromChatAdmins() && tp.senderChatId() == null
                && admins.isAdmin(tp.post().chat(), id);
    }

    boolean isModerator(String userId, String chat) {
        if (brand.moderators().isModerator(Platform.TELEGRAM, userId)) return true;
        return rules.get().chats().moderatorsFromChatAdmins() && chat != null && admins.isAdmin(chat, userId);
    }

    ChatSettings settings(String chat) {
        ChatSettings base = rules.get().chats().settings(chat);
        var override = stores.chatSettings().find(Platform.TELEGRAM, chat);
        if (override.isPresent()) {
            ChatSettingsStore.Override o = override.get();
            base = new ChatSettings(o.language() != null ? o.language() : base.language(),
                    o.dryRun() != null ? o.dryRun() : base.dryRun(),
                    o.moderation() != null ? o.moderation() : base.moderation());
        }
        return globalDryRun ? new ChatSettings(base.language(), true, base.moderation()) : base;
    }

    private String title(TelegramPost tp) {
        String configured = rules.get().chats().title(tp.post().chat());
        return configured != null ? configured : tp.chatTitle();
    }

    // ---- for commands and callbacks ---------------------------------------------------------

    /** Rebuilds the rules; on a bad file the old rules stay and the error (file, line, reason) is thrown. */
    BotRules reload() {
        BotRules fresh = loader.load();
        rules.set(fresh);
        return fresh;
    }

    BotRules rules() { return rules.get(); }

    Stores stores() { return stores; }

    OutgoingQueue queue() { return queue; }

    TextCatalog texts() { return texts; }

    Clock clock() { return clock; }

    Instant startedAt() { return startedAt; }

    boolean globalDryRun() { return globalDryRun; }

    BrandProfile brand() { return brand; }

    /** Sends an HTML text (a command's answer) into a chat. */
    CompletableFuture<Serializable> say(String chat, String html) {
        return queue.submit(OutgoingQueue.Priority.ANSWER, chat, chat.startsWith("-"), "answer in " + chat,
                c -> c.execute(ApiCalls.html(chat, html, null)));
    }

    static Map<String, String> vars(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
