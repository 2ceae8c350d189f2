package io.tidewatch.web;

/**
 * The outcome of one undo.
 *
 * @param detail what was undone ("ban of 42 in -1001") or why not, for the moderator; never a secret
 */
public record UndoResult(Outcome outcome, String detail) {
    public enum Outcome {
        UNDONE,
        /** Someone undid it before (an undo is carried out once). */
        ALREADY_UNDONE,
        /** The action cannot be undone (a deletion, a message sent, a dry run). */
        NOT_UNDOABLE,
        NOT_FOUND,
        /** The platform refused or could not be reached; nothing changed. */
        FAILED;

        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
