package io.tidewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan command: inputs, formats, exit codes and bad input (DESIGN.md contracts). */
class ScanCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLEAN = "{\"id\":\"c1\",\"platform\":\"telegram\",\"kind\":\"group\",\"text\":\"gm everyone\"}\n";
    static final String LEAK = "{\"id\":\"l1\",\"platform\":\"telegram\",\"kind\":\"group\",\"author\":{\"id\":\"42\",\"username\":\"bob\",\"name\":\"Bob\"},\"text\":\"my password is Tide#2024\"}\n";

    @TempDir Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void jsonl_output_is_one_line_per_post_in_input_order_with_exactly_the_contract_fields() throws Exception {
        Path in = write("posts.jsonl", CLEAN + LEAK + CLEAN.replace("c1", "c2"));
        CliRun r = CliRun.of("scan", "--format", "jsonl", in.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        assertEquals("{\"id\":\"c1\",\"findings\":[]}", lines.get(0));
        JsonNode leak = JSON.readTree(lines.get(1));
        assertEquals("l1", leak.get("id").asText());
        JsonNode f = leak.get("findings").get(0);
        assertEquals(List.of("category", "rule", "severity", "start", "end", "excerpt"), iterator(f));
        assertEquals("secret", f.get("category").asText());
        assertEquals("password-in-chat", f.get("rule").asText());
        assertEquals("high", f.get("severity").asText());
        assertEquals("my password is ".length(), f.get("start").asInt());
        assertEquals("my password is Tide#2024".length(), f.get("end").asInt());
        assertEquals("c2", JSON.readTree(lines.get(2)).get("id").asText());
    }

    private static List<String> iterator(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void nothing_found_exits_0_and_text_output_has_a_summary() throws Exception {
        CliRun r = CliRun.of("scan", write("clean.jsonl", CLEAN).toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1 posts scanned, 0 with findings, 0 findings"), r.out());
    }

    @Test
    void text_output_is_a_table_of_findings() throws Exception {
        CliRun r = CliRun.of("scan", "--format", "text", write("p.jsonl", CLEAN + LEAK).toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("POST"), r.out());
        assertTrue(r.out().contains("password-in-chat") && r.out().contains("my password is ****"), r.out());
        assertTrue(r.out().contains("2 posts scanned, 1 with findings, 1 findings (1 high)"), r.out());
    }

    @Test
    void sarif_output_is_sarif_2_1_0() throws Exception {
        CliRun r = CliRun.of("scan", "--format", "sarif", write("p.jsonl", CLEAN + LEAK).toString());
        assertEquals(1, r.exit());
        JsonNode sarif = JSON.readTree(r.out());
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals("tidewatch", run.get("tool").get("driver").get("name").asText());
        JsonNode result = run.get("results").get(0);
        assertEquals("password-in-chat", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        assertEquals(2, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        assertEquals("l1", result.get("locations").get(0).get("logicalLocations").get(0).get("name").asText());
        assertFalse(result.get("partialFingerprints").get("secretFingerprint/v1").asText().isEmpty());
    }

    @Test
    void a_malformed_line_is_reported_with_its_line_number_and_skipped() throws Exception {
        Path in = write("bad.jsonl", CLEAN + "{not json\n" + "{\"text\":\"no id\"}\n" + "{\"id\":\"k\",\"kind\":\"shout\",\"text\":\"x\"}\n" + LEAK);
        CliRun r = CliRun.of("scan", "--format", "jsonl", in.toString());
        assertEquals(1, r.exit());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.err().contains("bad.jsonl:2: not valid JSON"), r.err());
        assertTrue(r.err().contains("bad.jsonl:3: field 'id' is required"), r.err());
        assertTrue(r.err().contains("bad.jsonl:4: field 'kind' has unknown value 'shout'"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void standard_input_is_read_with_dash() {
        CliRun r = CliRun.withStdin(CLEAN + LEAK, "scan", "--format", "jsonl", "-");
        assertEquals(1, r.exit(), r.err());
        assertEquals(2, r.out().lines().count());
    }

    @Test
    void a_telegram_export_with_entity_arrays_is_read() {
        CliRun r = CliRun.of("scan", "--format", "jsonl", "src/test/resources/samples/result.json");
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(6, lines.size(), "five messages and one join: " + r.out());
        assertTrue(lines.get(2).contains("password-in-chat"), "text split into entities is joined: " + lines.get(2));
        assertTrue(lines.get(4).contains("one-time-code"), lines.get(4));
        assertTrue(lines.get(5).contains("\"findings\":[]"), "a txid is not a secret: " + lines.get(5));
    }

    @Test
    void a_twitter_archive_is_read() {
        CliRun r = CliRun.of("scan", "--format", "jsonl", "src/test/resources/samples/tweets.js");
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("\"id\":\"1850000000000000002\"") && lines.get(1).contains("exchange-api-key-uuid"), lines.get(1));
    }

    @Test
    void the_bundled_sample_history_scans_with_sensible_findings() {
        CliRun r = CliRun.of("scan", "--format", "jsonl", "rules/samples/history.jsonl");
        assertEquals(1, r.exit(), r.err());
        long flagged = r.out().lines().filter(l -> l.contains("\"category\":\"secret\"")).count();
        assertTrue(flagged >= 8 && flagged <= 12, r.out());
    }

    @Test
    void errors_exit_2_without_a_stack_trace() throws Exception {
        CliRun missing = CliRun.of("scan", dir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.jsonl: no such file"), missing.err());

        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("rules/brand.yaml"), rules.resolve("brand.yaml"));
        Files.writeString(rules.resolve("secrets.toml"), "[[rules]]\nid = 'x'\nregex = '''(oops'''\n");
        CliRun bad = CliRun.of("scan", "--rules", rules.toString(), write("p.jsonl", CLEAN).toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("secrets.toml:3: rule 'x': bad regex"), bad.err());
        assertFalse(bad.err().contains("\tat "), bad.err());

        CliRun format = CliRun.of("scan", "--format", "xml", write("q.jsonl", CLEAN).toString());
        assertEquals(2, format.exit());
    }

    @Test
    void extra_gitleaks_rules_are_loaded_with_secrets() throws Exception {
        Path gitleaks = Path.of("../shared/data/gitleaks.toml");
        if (!Files.exists(gitleaks)) gitleaks = Path.of("/work/shared/data/gitleaks.toml");
        Path in = write("t.jsonl", "{\"id\":\"t\",\"text\":\"slack xoxp-1234567890-1234567890-1234567890-abcdef0123456789abcdef0123456789\"}\n");
        CliRun r = CliRun.of("scan", "--format", "jsonl", "--secrets", gitleaks.toString(), in.toString());
        assertEquals(1, r.exit(), r.err());
    }

    @Test
    void large_inputs_get_a_progress_bar_on_stderr_only() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ScanCommand.PROGRESS_THRESHOLD + 10; i++) sb.append("{\"id\":\"p").append(i).append("\",\"text\":\"gm\"}\n");
        Path in = write("big.jsonl", sb.toString());
        CliRun r = CliRun.of("scan", "--format", "jsonl", "--progress", "always", in.toString());
        assertEquals(0, r.exit());
        assertEquals(ScanCommand.PROGRESS_THRESHOLD + 10, r.out().lines().count());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("{")), "stdout stays pure JSONL");
        assertTrue(r.err().contains("100%"), r.err());
        CliRun quiet = CliRun.of("scan", "--format", "jsonl", "--progress", "never", in.toString());
        assertFalse(quiet.err().contains("%"), quiet.err());
    }

    @Test
    void output_is_the_same_whatever_the_number_of_threads_in_every_format() throws Exception {
        java.io.ByteArrayOutputStream corpus = new java.io.ByteArrayOutputStream();
        io.tidewatch.bench.CorpusFiles.writeJsonl(io.tidewatch.bench.MixedChatCorpus.posts(3000, 11L), corpus);
        Path in = write("mix.jsonl", corpus.toString(java.nio.charset.StandardCharsets.UTF_8) + "{broken\n");
        for (String format : List.of("jsonl", "text", "sarif")) {
            CliRun one = CliRun.of("scan", "--format", format, "--threads", "1", in.toString());
            CliRun four = CliRun.of("scan", "--format", format, "--threads", "4", in.toString());
            assertEquals(1, one.exit(), one.err());
            assertEquals(one.out(), four.out(), format);
            assertEquals(one.err(), four.err(), format);
            assertTrue(one.err().contains("mix.jsonl:3001: not valid JSON"), one.err());
        }
    }

    @Test
    void sarif_streams_many_results_and_lists_problems_as_notifications() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.append(LEAK.replace("l1", "l" + i));
        sb.append("{oops\n");
        CliRun r = CliRun.of("scan", "--format", "sarif", write("many.jsonl", sb.toString()).toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode run = JSON.readTree(r.out()).get("runs").get(0);
        assertEquals(3000, run.get("results").size());
        assertEquals("l2999", run.get("results").get(2999).get("locations").get(0).get("logicalLocations").get(0).get("name").asText());
        assertEquals(1, run.get("tool").get("driver").get("rules").size(), "rules listed once");
        JsonNode notes = run.get("invocations").get(0).get("toolExecutionNotifications");
        assertTrue(notes.get(0).get("message").get("text").asText().contains("many.jsonl:3001: not valid JSON"), notes.toString());
    }

    @Test
    void a_large_standard_input_comes_out_in_order() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4000; i++) sb.append(i % 500 == 7 ? LEAK.replace("l1", "s" + i) : CLEAN.replace("c1", "s" + i));
        CliRun r = CliRun.withStdin(sb.toString(), "scan", "--format", "jsonl", "--threads", "3", "-");
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4000, lines.size());
        for (int i = 0; i < 4000; i++) {
            assertTrue(lines.get(i).startsWith("{\"id\":\"s" + i + "\","), lines.get(i));
            assertEquals(i % 500 == 7, lines.get(i).contains("password-in-chat"), lines.get(i));
        }
    }

    @Test
    void a_byte_order_mark_and_crlf_line_ends_are_read_as_plain_jsonl() throws Exception {
        Path in = dir.resolve("bom.jsonl");
        Files.write(in, ("\uFEFF" + (CLEAN + LEAK).replace("\n", "\r\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = CliRun.of("scan", "--format", "jsonl", in.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("c1", "l1"), r.out().lines().map(l -> l.substring(7, 9)).toList());
    }

    @Test
    void a_telegram_export_that_breaks_off_reports_what_came_before_and_exits_2() throws Exception {
        String export = Files.readString(Path.of("src/test/resources/samples/result.json"));
        Path in = write("broken.json", export.substring(0, export.lastIndexOf("\"id\"")) + "\"id\": ,,, }]}");
        CliRun r = CliRun.of("scan", "--format", "jsonl", in.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(5, r.out().lines().count(), r.out());
        assertTrue(r.err().contains("broken.json:" + Files.readString(in).lines().count() + ": not a valid Telegram export"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void threads_below_one_are_an_error() throws Exception {
        CliRun r = CliRun.of("scan", "--threads", "0", write("c.jsonl", CLEAN).toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--threads must be at least 1"), r.err());
    }
}
