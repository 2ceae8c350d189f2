package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.moderation.PostContext;
import io.tidewatch.moderation.UpdateClaim;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.ChatSettings;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Stores;
import io.tidewatch.store.UpdateLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Telegram adapter's brain: an update comes in and is translated to posts; group posts go
 * through the shared {@link Moderation} pipeline, whose actions come back here as Bot API calls
 * ({@link TelegramActions}). Private chats go to the {@link DirectMessageResponder}; commands to the
 * {@link CommandRouter}; alert buttons to the {@link CallbackHandler}. Thread-safe: updates of
 * different chats run in parallel.
 */
public final class TelegramBot {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final Moderation moderation;
    private final OutgoingQueue queue;
    private final TextCatalog texts;
    private final DirectMessageResponder responder;
    private final Instant startedAt;
    private final UpdateTranslator translator = new UpdateTranslator();
    private final AdminCache admins;
    private final CommandRouter commands;
    private final CallbackHandler callbacks;
    private final TelegramActions actions;
    private final Authority authority;
    private final String username;
    /** Unlisted groups already left (or being left), so a chatty group costs one leaveChat. */
    private final java.util.Set<String> left = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param username the bot's own username (from getMe), so {@code /cmd@OtherBot} is recognized as not ours */
    public TelegramBot(Moderation moderation, OutgoingQueue queue, TextCatalog texts, DirectMessageResponder responder,
                       String username) {
        this.moderation = moderation;
        this.username = username;
        this.queue = queue;
        this.texts = texts;
        this.responder = responder;
        this.startedAt = moderation.clock().instant();
        this.admins = new AdminCache(queue, moderation.clock());
        this.authority = new Authority(moderation.brand(), () -> moderation.rules().chats(), admins);
        this.commands = new CommandRouter(StandardCommands.all());
        this.callbacks = new CallbackHandler(this);
        this.actions = new TelegramActions(queue, callbacks, moderation, texts);
        moderation.register(Platform.TELEGRAM, actions);
        moderation.routeAlertsTo(actions);
    }

    /** Announcement commands, once the scheduler exists (it publishes through this bot's queue). */
    public void enableAnnouncements(io.tidewatch.announce.Announcements announcements) {
        commands.register(new AnnounceCommand(announcements));
    }

    /**
     * An update on its way in: its posts, and for each post that moderation will judge, the detectors'
     * findings, started on {@code detection} (pure work, so a batch is inspected in parallel).
     */
    record Prepared(Update update, List<TelegramPost> posts, List<CompletableFuture<List<Finding>>> findings) {
        /** A private chat or a button: answered on its own lane, never in a group's way. */
        boolean isPrivate() {
            if (update.getCallbackQuery() != null) return true;
            return !posts.isEmpty() && posts.get(0).isPrivate();
        }
    }

    Prepared prepare(Update update, java.util.concurrent.Executor detection) {
        if (update.getCallbackQuery() != null || update.getMyChatMember() != null || update.getChatMember() != null) {
            return new Prepared(update, List.of(), List.of());
        }
        List<TelegramPost> posts = translator.translate(update);
        List<CompletableFuture<List<Finding>>> findings = new java.util.ArrayList<>();
        for (TelegramPost tp : posts) {
            boolean judged = !tp.isPrivate() && authority.guards(tp.post().chat());
            findings.add(judged ? CompletableFuture.supplyAsync(() -> moderation.inspect(tp.post()), detection)
                    : CompletableFuture.completedFuture(List.of()));
        }
        return new Prepared(update, posts, findings);
    }

    /**
     * Handles one prepared update. {@code claim} takes the update for this instance (a unique insert;
     * false when another instance has it); it is asked once, inside the transaction that records the
     * first post's incidents and actions, or before anything else is done for commands, buttons and
     * private chats.
     *
     * @throws io.tidewatch.store.StoreException when the database did not take it (the update is then
     *                                           served again later; only removals went out)
     */
    void handle(Prepared p, UpdateClaim claim) {
        Update update = p.update();
        if (update.getCallbackQuery() != null) {
            if (claim.take()) callbacks.handle(update.getCallbackQuery());
            return;
        }
        if (update.getMyChatMember() != null) {
            if (claim.take()) joined(update.getMyChatMember());
            return;
        }
        if (update.getChatMember() != null && update.getChatMember().getChat() != null) {
            if (claim.take()) admins.invalidate(String.valueOf(update.getChatMember().getChat().getId())); // rights changed
            return;
        }
        for (int i = 0; i < p.posts().size(); i++) {
            TelegramPost tp = p.posts().get(i);
            if (!handle(tp, p.findings().get(i), claim)) return; // another instance has this update
        }
        claim.take(); // an update with nothing to judge is still handled once
    }

    /**
     * While the database is away: judges the update's group posts and sends their removals, and
     * nothing else (no claim, no record, no command); the update is handled in full when served again.
     */
    void removeOnly(Prepared p) {
        for (int i = 0; i < p.posts().size(); i++) {
            TelegramPost tp = p.posts().get(i);
            if (tp.isPrivate() || !authority.guards(tp.post().chat())) continue;
            moderation.startRemovals(moderation.judge(tp.post(), context(tp), p.findings().get(i).join()));
        }
    }

    /** False when the update turned out to be another instance's. */
    private boolean handle(TelegramPost tp, CompletableFuture<List<Finding>> findings, UpdateClaim claim) {
        if (tp.isPrivate()) {
            if (claim.take()) directMessage(tp);
            return true;
        }
        if (!authority.guards(tp.post().chat())) {
            if (!claim.take()) return false;
            if (tp.isGroup()) unlisted(tp.post().chat());
            return true; // nothing in an unguarded chat is read: no moderation, no commands
        }
        // an edited command is not run again; the edit is still moderated like any message
        if (tp.post().kind() != PostKind.CHANNEL && !tp.edited() && commands.handles(tp.post().text(), username)) {
            if (!claim.take()) return false;
            if (commands.run(new CommandContext(this, tp))) return true;
        }
        var judgement = moderation.judge(tp.post(), context(tp), findings.join());
        if (judgement.decision().actions().stream().anyMatch(a -> a.type() == Action.Type.DELETE_MESSAGE)) {
            if (!claim.takeEarly()) return false;
            moderation.startRemovals(judgement);
        }
        return moderation.record(judgement, claim::take).isPresent();
    }

    private PostContext context(TelegramPost tp) {
        return new PostContext(tp.anonymousAdmin() || tp.automaticForward(),
                tp.senderChatId() == null ? null : tp.senderChatId().toString(), tp.chatTitle(), tp.link());
    }

    /** A moderator's action from a command or button, audited with the moderator as actor. */
    CompletableFuture<?> act(Action a, String moderator) {
        return moderation.act(a, moderator);
    }

    /** Lifts what the bot did about an incident; the entries undone. */
    List<io.tidewatch.store.AuditLog.Entry> undo(long incident, String moderator) {
        return moderation.undoIncident(incident, moderator);
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
            List<Finding> secrets = moderation.inspectPrivate(post);
            reply = responder.answer(post, secrets, moderation.clock().instant());
        }
        sendReply(post.chat(), reply, lang);
    }

    /** A button pressed in a private chat: its data is answered like a question. */
    void directButton(String chat, String userId, String language, String data) {
        if (responder == null) return;
        Post post = new Post("cb", Platform.TELEGRAM, PostKind.DM, chat, moderation.clock().instant(),
                new io.tidewatch.core.Author(userId, null, null), data, List.of(), language);
        sendReply(chat, responder.answer(post, List.of(), moderation.clock().instant()), texts.language(language));
    }

    private void sendReply(String chat, DirectMessageResponder.Reply reply, String language) {
        if (reply == null || reply.text() == null || reply.text().isBlank()) return;
        if (reply.topic() != null) {
            stores().support().count(moderation.clock().instant().atZone(ZoneOffset.UTC).toLocalDate(), reply.topic());
            moderation.metrics().supportAnswered(reply.topic(), language);
        }
        InlineKeyboardMarkup keyboard = ApiCalls.keyboard(reply.buttons());
        queue.submit(OutgoingQueue.Priority.REPLY, chat, false, "answer in private chat",
                c -> c.execute(ApiCalls.html(chat, reply.text(), keyboard)));
    }

    // ---- where -------------------------------------------------------------------------------

    /** The bot was added to (or promoted in) a chat: an unlisted group is left at once. */
    private void joined(ChatMemberUpdated change) {
        if (change.getChat() == null || change.getNewChatMember() == null) return;
        String status = change.getNewChatMember().getStatus();
        boolean in = "member".equals(status) || "administrator".equals(status) || "restricted".equals(status);
        String chat = String.valueOf(change.getChat().getId());
        String type = change.getChat().getType();
        if (in && ("group".equals(type) || "supergroup".equals(type)) && !authority.guards(chat)) unlisted(chat);
    }

    /** A group chats.yaml does not list: leave it (once), unless the file says to ignore such groups. */
    private void unlisted(String chat) {
        if (rules().chats().unlistedGroups() != ChatDirectory.Unlisted.LEAVE || !left.add(chat)) return;
        log.warn("telegram: leaving chat {}: it is not listed in chats.yaml", chat);
        Action leave = new Action(Action.Type.LEAVE_CHAT, Platform.TELEGRAM, chat, null, null, null, null,
                "unlisted-chat", "not listed in chats.yaml");
        moderation.act(leave, Moderation.ACTOR);
    }

    Authority authority() { return authority; }

    ChatSettings settings(String chat) { return moderation.settings(Platform.TELEGRAM, chat); }

    // ---- for commands and callbacks ---------------------------------------------------------

    /** Rebuilds the rules; on a bad file the old rules stay and the error (file, line, reason) is thrown. */
    ModerationRules reload() { return moderation.reload(); }

    ModerationRules rules() { return moderation.rules(); }

    Stores stores() { return moderation.stores(); }

    Moderation moderation() { return moderation; }

    OutgoingQueue queue() { return queue; }

    TextCatalog texts() { return texts; }

    Clock clock() { return moderation.clock(); }

    Instant startedAt() { return startedAt; }

    boolean globalDryRun() { return moderation.globalDryRun(); }

    BrandProfile brand() { return moderation.brand(); }

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
