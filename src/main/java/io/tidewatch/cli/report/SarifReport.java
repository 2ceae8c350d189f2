package io.tidewatch.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * recognize a repeat without the secret. Results are streamed into the run's {@code results} array
 * as they come; the run's {@code tool} (with the rules that fired) and {@code invocations} follow
 * it, so only the distinct rules and the first problems are held, whatever the number of findings.
 */
final class SarifReport implements ScanReport {
    /** Problems listed as notifications; beyond this, one more notification says how many were left out. */
    static final int MAX_NOTIFICATIONS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final PrintWriter target;
    private final Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
    private final List<Map<String, Object>> notifications = new ArrayList<>();
    private long problems;
    private JsonGenerator out;

    SarifReport(PrintWriter target) { this.target = target; }

    /** Opens the document at the first result, so that an input that fails to open writes nothing. */
    private JsonGenerator out() throws IOException {
        if (out == null) {
            out = JSON.createGenerator(target).useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            out.writeStringField("version", "2.1.0");
            out.writeArrayFieldStart("runs");
            out.writeStartObject();
            out.writeArrayFieldStart("results");
        }
        return out;
    }

    @Override
    public void result(ScanResult r) {
        try {
            JsonGenerator g = out();
            for (Finding f : r.findings()) {
                rules.computeIfAbsent(f.rule(), id -> {
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("id", id);
                    rule.put("shortDescription", Map.of("text", f.reason().isEmpty() ? id : f.reason()));
                    rule.put("properties", Map.of("category", f.category().wireName()));
                    return rule;
                });
                g.writeObject(result(r, f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> result(ScanResult r, Finding f) {
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
        return result;
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    @Override
    public void problem(InputProblem p) {
        if (++problems <= MAX_NOTIFICATIONS) notifications.add(Map.of("level", "warning", "message", Map.of("text", p.toString())));
    }

    @Override
    public void finish() {
        try {
            JsonGenerator g = out();
            g.writeEndArray(); // results
            Map<String, Object> driver = new LinkedHashMap<>();
            driver.put("name", "tidewatch");
            driver.put("rules", new ArrayList<>(rules.values()));
            g.writeObjectField("tool", Map.of("driver", driver));
            List<Map<String, Object>> all = new ArrayList<>(notifications);
            if (problems > MAX_NOTIFICATIONS) {
                all.add(Map.of("level", "warning", "message", Map.of("text", (problems - MAX_NOTIFICATIONS) + " more unreadable entries skipped")));
            }
            g.writeObjectField("invocations", List.of(Map.of("executionSuccessful", true, "toolExecutionNotifications", all)));
            g.writeEndObject(); // the run
            g.writeEndArray(); // runs
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        target.println();
        target.flush();
    }
}
