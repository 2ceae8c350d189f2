package io.tidewatch.cli.report;

import io.tidewatch.cli.input.InputProblem;

import java.io.PrintWriter;

/**
 * Writes scan results in one output format, as they come: results and problems arrive in input
 * order; {@link #finish} ends the output. A report holds no more than its summary, whatever the
 * input's size.
 */
public interface ScanReport {
    void result(ScanResult result);

    /** An entry that could not be read (already shown on standard error as it came). */
    void problem(InputProblem problem);

    void finish();

    static ScanReport of(String format, PrintWriter out) {
        return switch (format) {
            case "text" -> new TextReport(out);
            case "jsonl" -> new JsonlReport(out);
            case "sarif" -> new SarifReport(out);
            default -> throw new IllegalArgumentException("unknown --format '" + format + "' (text, jsonl or sarif)");
        };
    }
}
