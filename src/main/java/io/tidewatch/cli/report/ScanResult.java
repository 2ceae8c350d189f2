package io.tidewatch.cli.report;

import io.tidewatch.cli.input.InputPost;
import io.tidewatch.core.Finding;

import java.util.List;

/** One scanned post and what was found in it. */
public record ScanResult(InputPost input, List<Finding> findings) {
    public ScanResult {
        findings = List.copyOf(findings);
    }
}
