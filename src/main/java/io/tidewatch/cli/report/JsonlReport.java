package io.tidewatch.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.core.Finding;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings contract of DESIGN.md: one line per post, in input order, {@code findings: []} when clean. */
final class JsonlReport implements ScanReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    private final PrintWriter out;

    JsonlReport(PrintWriter out) { this.out = out; }

    @Override
    public void result(ScanResult r) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", f.category().wireName());
            m.put("rule", f.rule());
            m.put("severity", f.severity().wireName());
            m.put("start", f.start());
            m.put("end", f.end());
            m.put("excerpt", f.excerpt());
            findings.add(m);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", r.input().post().id());
        line.put("findings", findings);
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish(List<InputProblem> problems) { out.flush(); }
}
