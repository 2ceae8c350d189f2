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

    /** How far it reaches: bot-wide commands belong to the moderators listed in brand.yaml only. */
    default Authority.Scope scope() { return Authority.Scope.CHAT; }

    void run(CommandContext ctx);
}
