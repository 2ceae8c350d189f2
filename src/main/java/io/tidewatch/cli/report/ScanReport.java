package io.tidewatch.cli.report;

import io.tidewatch.cli.input.InputProblem;

import java.io.PrintWriter;
import java.util.List;

/** Writes scan results in one output format. Results arrive in input order; {@link #finish} ends the output. */
public interface ScanReport {
    void result(ScanResult result);

    void finish(List<InputProblem> problems);

    static ScanReport of(String format, PrintWriter out) {
        return switch (format) {
            case "text" -> new TextReport(out);
            case "jsonl" -> new JsonlReport(out);
            case "sarif" -> new SarifReport(out);
            default -> throw new IllegalArgumentException("unknown --format '" + format + "' (text, jsonl or sarif)");
        };
    }
}
