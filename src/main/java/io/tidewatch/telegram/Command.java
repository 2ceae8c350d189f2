package io.tidewatch.telegram;

/**
 * One slash command. Adding a command is writing one of these and listing it in
 * {@link StandardCommands#all()} (or passing it to a {@link CommandRouter}).
 */
public interface Command {
    /** The name with its slash, e.g. "/ban". */
    String name();

    /** Whether only moderators may run it (everyone else is refused politely). */
    default boolean moderatorsOnly() { return true; }

    void run(CommandContext ctx);
}
