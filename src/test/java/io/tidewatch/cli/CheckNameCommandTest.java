package io.tidewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check-name prints a verdict and exits 0 (clean), 1 (suspicious) or 2 (error). */
class CheckNameCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_homoglyph_support_name_is_suspicious_and_says_why() {
        Run r = run("check-name", "ЕхЕх Suppοrt");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("suspicious") && r.out().contains("imitates: ExEx (alias)")
                && r.out().contains("homoglyph") && r.out().contains("bait words: support"), r.out());
    }

    @Test
    void json_format_carries_the_same_verdict() throws Exception {
        Run r = run("check-name", "--username", "exex_admin", "--format", "json");
        assertEquals(1, r.exit());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("suspicious").asBoolean());
        assertEquals("username", j.get("field").asText());
        assertEquals("ExEx", j.get("imitates").get("name").asText());
    }

    @Test
    void an_ordinary_name_exits_zero() {
        assertEquals(0, run("check-name", "Tom loves ExEx").exit());
    }

    @Test
    void a_trusted_id_is_never_suspicious() {
        Run r = run("check-name", "Anna | Example Exchange", "--id", "5000000101", "--platform", "telegram");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("trusted"), r.out());
    }

    @Test
    void errors_exit_two_with_a_clear_message() {
        Run missing = run("check-name", "x", "--rules", "/nonexistent");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("/nonexistent/brand.yaml"), missing.err());
        assertEquals(2, run("check-name").exit());
        assertEquals(2, run("check-name", "x", "--format", "xml").exit());
    }
}
