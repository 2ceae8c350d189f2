package io.tidewatch.telegram;

import io.tidewatch.core.Action;
import io.tidewatch.core.Platform;
import io.tidewatch.store.AuditLog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One command being run: who sent it where, its arguments, and ways to answer and act. */
public final class CommandContext {
    private final TelegramBot bot;
    private final TelegramPost post;
    private final String args;

    CommandContext(TelegramBot bot, TelegramPost post) {
        this.bot = bot;
        this.post = post;
        String[] parts = post.post().text().trim().split("\\s+", 2);
        this.args = parts.length > 1 ? parts[1].trim() : "";
    }

    TelegramBot bot() { return bot; }

    public TelegramPost post() { return post; }

    public String args() { return args; }

    public String chat() { return post.post().chat(); }

    /** Who the audit log names for this command (a person's id, or the chat for an anonymous admin). */
    public String senderId() { return Authority.actor(post); }

    public String senderName() {
        var a = post.post().author();
        return a.name() != null ? a.name() : a.username() != null ? "@" + a.username() : a.id();
    }

    /** The moderator's language (their Telegram app language), else the chat's. */
    public String language() {
        String hint = post.post().language();
        return hint != null ? bot.texts().language(hint) : bot.texts().language(bot.settings(chat()).language());
    }

    public String text(String key, String... vars) {
        return bot.texts().render(language(), key, TelegramBot.vars(vars));
    }

    public void reply(String key, String... vars) { bot.say(chat(), text(key, vars)); }

    public void replyHtml(String html) { bot.say(chat(), html); }

    /**
     * The account a command is about: the author of the replied-to message (a channel when it was sent
     * on behalf of one), else the first argument (a numeric id, or @username when allowed).
     */
    public Optional<String> target(boolean allowUsername) {
        TelegramPost r = post.replyTo();
        if (r != null) {
            if (r.senderChatId() != null) return Optional.of(r.senderChatId().toString());
            String id = r.post().author().id();
            if (!id.isEmpty() && !String.valueOf(UpdateTranslator.CHANNEL_BOT).equals(id)) return Optional.of(id);
        }
        String first = args.isEmpty() ? "" : args.split("\\s+")[0];
        if (first.matches("-?\\d+")) return Optional.of(first);
        if (allowUsername && first.matches("@\\w{3,64}")) return Optional.of(first);
        return Optional.empty();
    }

    /** The arguments after a target given by id (e.g. "/mute 42 2h" -> "2h"). */
    public String argsAfterTarget() {
        if (post.replyTo() != null) return args;
        String[] parts = args.split("\\s+", 2);
        return parts.length > 1 ? parts[1] : "";
    }

    /** Queues an action decided by this moderator (audited with the moderator as actor). */
    public void act(Action.Type type, String target, Duration duration, String rule) {
        Action a = new Action(type, Platform.TELEGRAM, chat(), post.replyTo() == null ? null : String.valueOf(post.replyTo().messageId()),
                target, null, duration, rule, "moderator " + senderId() + ": " + type.name().toLowerCase(java.util.Locale.ROOT));
        bot.act(a, senderId());
    }

    public void audit(String action, String rule, String reason, AuditLog.Status status) {
        bot.stores().audit().record(senderId(), action, Platform.TELEGRAM, chat(), null, String.valueOf(post.messageId()),
                rule, reason, null, status, bot.clock().instant());
    }

    Map<String, String> vars(String... kv) { return TelegramBot.vars(kv); }
}
