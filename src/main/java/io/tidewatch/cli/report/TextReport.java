package io.tidewatch.cli.report;

import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Severity;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** A table of findings for people, then a summary: posts scanned, posts with findings, counts by severity and rule. */
final class TextReport implements ScanReport {
    private static final String ROW = "%-14s %-9s %-30s %-12s %s%n";
    private final PrintWriter out;
    private long posts, flagged, findings, problems;
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Long> byRule = new TreeMap<>();
    private boolean header;

    TextReport(PrintWriter out) { this.out = out; }

    @Override
    public void result(ScanResult r) {
        posts++;
        if (r.findings().isEmpty()) return;
        flagged++;
        if (!header) {
            out.printf(ROW, "POST", "SEVERITY", "RULE", "SPAN", "EXCERPT");
            header = true;
        }
        for (Finding f : r.findings()) {
            findings++;
            bySeverity.merge(f.severity(), 1L, Long::sum);
            byRule.merge(f.rule(), 1L, Long::sum);
            out.printf(ROW, clip(r.input().post().id(), 14), f.severity().wireName(), clip(f.rule(), 30),
                    f.start() + "-" + f.end(), clip(f.excerpt().replace('\n', ' '), 70));
        }
    }

    @Override
    public void problem(InputProblem problem) { problems++; }

    @Override
    public void finish() {
        if (header) out.println();
        out.printf("%d posts scanned, %d with findings, %d findings", posts, flagged, findings);
        if (!bySeverity.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Severity s : new Severity[]{Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
                if (bySeverity.containsKey(s)) sb.append(sb.length() == 0 ? "" : ", ").append(bySeverity.get(s)).append(' ').append(s.wireName());
            }
            out.print(" (" + sb + ")");
        }
        out.println(problems == 0 ? "" : "; " + problems + " unreadable entries skipped");
        byRule.forEach((rule, n) -> out.printf("  %-34s %d%n", rule, n));
        out.flush();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
