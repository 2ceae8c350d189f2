package io.tidewatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench command's pipeline mode and corpus files (what it prints, never how fast: the machine is shared). */
class BenchCommandTest {
    @TempDir Path dir;

    @Test
    void pipeline_mode_prints_the_scan_rate_next_to_the_bare_regex_baseline() {
        CliRun r = CliRun.of("bench", "--pipeline", "--messages", "2000", "--rounds", "1", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("bare regex (1 pattern, 1 thread):"), r.out());
        assertTrue(r.out().contains("scan pipeline (2 threads):"), r.out());
        assertTrue(r.out().contains("ratio scan / bare regex:"), r.out());
    }

    @Test
    void written_corpus_files_scan_like_the_generated_posts() throws Exception {
        Path jsonl = dir.resolve("mix.jsonl"), export = dir.resolve("result.json");
        assertEquals(0, CliRun.of("bench", "--write", jsonl.toString(), "--messages", "1500").exit());
        assertEquals(0, CliRun.of("bench", "--write", export.toString(), "--as", "telegram", "--messages", "1500").exit());
        assertTrue(Files.readString(export).startsWith("{"));
        CliRun a = CliRun.of("scan", "--format", "text", jsonl.toString());
        CliRun b = CliRun.of("scan", "--format", "text", export.toString());
        assertEquals(1, a.exit(), a.err());
        assertTrue(a.out().contains("1500 posts scanned"), a.out());
        // an export has no usernames, so an impostor may be flagged by its name instead: compare counts, not rules
        assertEquals(counts(a.out()), counts(b.out()), "the same posts in either form, as many findings");
    }

    private static String counts(String text) {
        String line = text.lines().filter(l -> l.contains(" posts scanned")).findFirst().orElseThrow();
        return line.substring(0, line.indexOf(" ("));
    }
}
