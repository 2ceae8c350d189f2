package io.tidewatch.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds the command a message starts with and runs it if the sender may; refuses politely otherwise. */
public final class CommandRouter {
    private final Map<String, Command> byName = new java.util.concurrent.ConcurrentHashMap<>();

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

    public boolean handles(String text) {
        String name = commandName(text);
        return name != null && byName.containsKey(name);
    }

    public Optional<Command> find(String text) {
        String name = commandName(text);
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** Runs the command; false when the sender was refused (the message is then moderated like any other). */
    boolean run(CommandContext ctx) {
        Command c = find(ctx.post().post().text()).orElseThrow();
        if (c.moderatorsOnly() && !ctx.bot().isModerator(ctx.post())) {
            ctx.audit("REFUSED", c.name(), "not a moderator", io.tidewatch.store.AuditLog.Status.REFUSED);
            ctx.reply("refused", "name", ctx.senderName(), "command", c.name());
            return false;
        }
        c.run(ctx);
        return true;
    }
}
