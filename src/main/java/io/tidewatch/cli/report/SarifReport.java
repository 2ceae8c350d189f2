package io.tidewatch.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.core.Finding;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools: one result per finding, located at the input file (and
 * its line for JSONL) with the post id as logical location; the salted fingerprint lets tools
 * recognize a repeat without the secret. Written at the end, as SARIF is one document.
 */
final class SarifReport implements ScanReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature()).enable(SerializationFeature.INDENT_OUTPUT);
    private final PrintWriter out;
    private final Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
    private final List<Map<String, Object>> results = new ArrayList<>();

    SarifReport(PrintWriter out) { this.out = out; }

    @Override
    public void result(ScanResult r) {
        for (Finding f : r.findings()) {
            rules.computeIfAbsent(f.rule(), id -> {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("id", id);
                rule.put("shortDescription", Map.of("text", f.reason().isEmpty() ? id : f.reason()));
                rule.put("properties", Map.of("category", f.category().wireName()));
                return rule;
            });
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", r.input().input()));
            if (r.input().line() > 0) physical.put("region", Map.of("startLine", r.input().line()));
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("physicalLocation", physical);
            location.put("logicalLocations", List.of(Map.of("name", r.input().post().id(), "kind", "object")));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.rule());
            result.put("level", level(f));
            result.put("message", Map.of("text", f.excerpt()));
            result.put("locations", List.of(location));
            if (f.fingerprint() != null) result.put("partialFingerprints", Map.of("secretFingerprint/v1", f.fingerprint()));
            result.put("properties", Map.of("postId", r.input().post().id(), "severity", f.severity().wireName(),
                    "category", f.category().wireName(), "start", f.start(), "end", f.end()));
            results.add(result);
        }
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    @Override
    public void finish(List<InputProblem> problems) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "tidewatch");
        driver.put("rules", new ArrayList<>(rules.values()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        List<Map<String, Object>> notifications = new ArrayList<>();
        for (InputProblem p : problems) notifications.add(Map.of("level", "warning", "message", Map.of("text", p.toString())));
        run.put("invocations", List.of(Map.of("executionSuccessful", true, "toolExecutionNotifications", notifications)));
        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        try {
            out.println(JSON.writeValueAsString(sarif));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
