package io.tidewatch.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the command a message starts with and runs it if the sender may ({@link Authority});
 * refuses politely otherwise, at most once a minute per person, so a crowd sending commands cannot
 * fill the outgoing queue with refusals.
 */
public final class CommandRouter {
    private final Map<String, Command> byName = new java.util.concurrent.ConcurrentHashMap<>();
    private final io.tidewatch.core.WindowThrottle refusals = new io.tidewatch.core.WindowThrottle(java.time.Duration.ofMinutes(1));

    public CommandRouter(List<Command> commands) {
        for (Command c : commands) {
            if (byName.putIfAbsent(c.name(), c) != null) throw new IllegalArgumentException("two commands named " + c.name());
        }
    }

    /** Adds a command that needs parts built after the bot (e.g. /announce, which publishes through the bot's queue). */
    public void register(Command c) {
        if (byName.putIfAbsent(c.name(), c) != null) throw new IllegalArgumentException("two commands named " + c.name());
    }

    /** "/ban@ExampleBot 10m" -> "/ban"; null when the text is not a command. */
    public static String commandName(String text) {
        if (text == null || !text.startsWith("/") || text.length() < 2) return null;
        String first = text.split("\\s+", 2)[0];
        int at = first.indexOf('@');
        return (at > 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT);
    }

    /** "/ban@ExampleBot 10m" -> "ExampleBot"; null when the command names no bot. */
    static String addressee(String text) {
        if (text == null || !text.startsWith("/")) return null;
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        int at = text.indexOf('@');
        return at > 0 && at < end ? text.substring(at + 1, end) : null;
    }

    /** A command of ours: known, and addressed to no bot or to this one ({@code /ban@OtherBot} is not). */
    public boolean handles(String text, String botUsername) {
        String name = commandName(text);
        if (name == null || !byName.containsKey(name)) return false;
        String to = addressee(text);
        return to == null || (botUsername != null && to.equalsIgnoreCase(botUsername));
    }

    public Optional<Command> find(String text) {
        String name = commandName(text);
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** Runs the command; false when the sender was refused (the message is then moderated like any other). */
    boolean run(CommandContext ctx) {
        Command c = find(ctx.post().post().text()).orElseThrow();
        if (c.moderatorsOnly() && !ctx.bot().authority().mayRun(c.scope(), ctx.post())) {
            ctx.audit("REFUSED", c.name(), "not a moderator here", io.tidewatch.store.AuditLog.Status.REFUSED);
            if (!refusals.throttled(Authority.actor(ctx.post()), ctx.bot().clock().instant())) {
                ctx.reply("refused", "name", ctx.senderName(), "command", c.name());
            }
            return false;
        }
        c.run(ctx);
        return true;
    }
}
