package io.tidewatch.cli;

import io.tidewatch.core.TweetLength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code announce} from the command line, on the shipped samples and rules. */
class AnnounceCommandTest {
    @TempDir Path tmp;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @AfterEach
    void resetEnvironment() { AnnounceCommand.environment = System.getenv(); }

    @ParameterizedTest
    @ValueSource(strings = {"maintenance-2026-12-03.md", "listing-aur.md", "security-impersonators.md"})
    void shipped_samples_render_without_problems(String file) throws Exception {
        Run r = run("announce", "preview", "announcements/" + file, "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("telegram", "twitter", "problems"), keys, "the preview contract");
        assertEquals(0, json.get("problems").size(), json.get("problems").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(2, json.get("telegram").size(), "zh and en");
        assertTrue(json.get("telegram").get(0).asText().startsWith("<b>"));
        for (JsonNode tweet : json.get("twitter")) assertTrue(io.tidewatch.core.TweetLength.fits(tweet.asText()), tweet.asText());
    }

    @Test
    void preview_text_lists_problems_and_exits_1() throws Exception {
        Path f = tmp.resolve("bad.md");
        Files.writeString(f, "---\nid: bad\ntitle: T\ntargets: [nowhere]\nlanguages: [en]\ntags: [giveaway]\n---\nSee https://examp1e.com\n", StandardCharsets.UTF_8);
        Run r = run("announce", "preview", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("=== telegram (en) message 1/1 ==="), r.out());
        assertTrue(r.out().contains("unknown target 'nowhere'"), r.out());
        assertTrue(r.out().contains("unknown tag 'giveaway'"), r.out());
        assertTrue(r.out().contains("examp1e.com looks like an imitation of an official domain"), r.out());
    }

    @Test
    void a_missing_file_is_an_error_with_status_2() {
        Run r = run("announce", "preview", tmp.resolve("none.md").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    void list_publish_and_cancel_work_on_the_database() throws Exception {
        AnnounceCommand.environment = Map.of("TIDEWATCH_DB_URL", "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Run list = run("announce", "list", "--format", "json");
        assertEquals(0, list.status(), list.err());
        JsonNode rows = new ObjectMapper().readTree(list.out());
        assertEquals(3, rows.size());
        JsonNode security = find(rows, "security-impersonators");
        assertEquals("draft", security.get("schedule").asText(), "no publish_at: waits for /announce publish");
        assertTrue(find(rows, "listing-aur").get("deliveries").size() >= 4);

        Run publish = run("announce", "publish", "security-impersonators");
        assertEquals(0, publish.status(), publish.err());
        assertEquals("due", find(new ObjectMapper().readTree(run("announce", "list", "--format", "json").out()),
                "security-impersonators").get("schedule").asText());

        Run cancel = run("announce", "cancel", "security-impersonators");
        assertEquals(0, cancel.status(), cancel.err());
        Run text = run("announce", "list");
        assertTrue(text.out().contains("security-impersonators") && text.out().contains("cancelled"), text.out());

        Run unknown = run("announce", "publish", "no-such-id");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no announcement 'no-such-id'"), unknown.err());
    }

    private static JsonNode find(JsonNode rows, String id) {
        for (JsonNode r : rows) if (r.get("id").asText().equals(id)) return r;
        throw new AssertionError("no row " + id);
    }
}
