package io.tidewatch.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.core.Finding;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The findings contract of DESIGN.md: one line per post, in input order, {@code findings: []} when clean. */
final class JsonlReport implements ScanReport {
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private final JsonGenerator out;

    JsonlReport(PrintWriter out) {
        try {
            this.out = JSON.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.out.setRootValueSeparator(null);
    }

    @Override
    public void result(ScanResult r) {
        try {
            out.writeStartObject();
            out.writeStringField("id", r.input().post().id());
            out.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                out.writeStartObject();
                out.writeStringField("category", f.category().wireName());
                out.writeStringField("rule", f.rule());
                out.writeStringField("severity", f.severity().wireName());
                out.writeNumberField("start", f.start());
                out.writeNumberField("end", f.end());
                out.writeStringField("excerpt", f.excerpt());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeRaw(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void problem(InputProblem problem) { /* on standard error only: stdout stays one line per post */ }

    @Override
    public void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
