package io.tidewatch.cli.input;

/** An entry that could not be read and was skipped: input name, 1-based line (0 if unknown), reason. */
public record InputProblem(String input, int line, String reason) implements InputEntry {
    @Override
    public String toString() { return input + (line > 0 ? ":" + line : "") + ": " + reason + " (skipped)"; }
}
