package io.tidewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ask} prints the bot's answer; {@code --format json} has exactly the contract's four fields. */
class AskCommandTest {
    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void json_output_has_topic_language_channels_and_text_only() throws Exception {
        Run r = run("ask", "--format", "json", "我的充值还没到账");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("topic", "language", "channels", "text"), fields);
        assertEquals("deposit", json.get("topic").asText());
        assertEquals("zh", json.get("language").asText());
        assertEquals("[\"live_chat\",\"email\",\"help_center\"]", json.get("channels").toString());
        assertTrue(json.get("text").asText().contains("充值未到账"));
    }

    @Test
    void text_output_is_the_answer_and_telegram_adds_buttons() {
        Run plain = run("ask", "how do I reset my 2FA, lost my phone");
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.out().contains("2FA reset"), plain.out());
        assertFalse(plain.out().contains("<b>"));
        Run tg = run("ask", "--platform", "telegram", "how do I reset my 2FA, lost my phone");
        assertTrue(tg.out().contains("<b>") && tg.out().contains("(callback sup:email:en)"), tg.out());
        Run tweet = run("ask", "--platform", "twitter", "--kind", "mention", "--format", "json", "withdrawal stuck");
        assertTrue(tweet.out().contains("\"topic\":\"withdrawal\""), tweet.out());
    }

    @Test
    void bad_rules_directory_exits_2_with_a_clear_message() {
        Run r = run("ask", "--rules", "does-not-exist", "hello");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }
}
