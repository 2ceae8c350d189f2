package io.tidewatch.cli.input;

import io.tidewatch.core.Author;
import io.tidewatch.core.PostKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming readers: format detection, and post JSONL fields read as the DESIGN.md contract has them. */
class PostReaderTest {
    private static InputEntry line(String json) {
        return PostJsonl.parseLine("in", 7, json.getBytes(StandardCharsets.UTF_8));
    }

    private static InputPost post(String json) {
        return assertInstanceOf(InputPost.class, line(json), json);
    }

    private static String problem(String json) {
        return assertInstanceOf(InputProblem.class, line(json), json).reason();
    }

    @Test
    void jsonl_fields_are_read_as_their_text_and_unknown_fields_are_skipped_however_deep() {
        var p = post("{\"id\": 123, \"unknown\": {\"deep\": [1, {\"x\": [2]}]}, \"text\": null, \"chat\": -1001,"
                + " \"author\": {\"id\": 42, \"username\": null, \"name\": \"Bob\", \"extra\": [1]}, \"links\": [\"https://a.b\", null, \"https://c.d\"],"
                + " \"kind\": \"join\", \"time\": \"2026-11-25T10:00:00Z\", \"language\": \"zh\"} trailing words").post();
        assertEquals("123", p.id());
        assertEquals("", p.text());
        assertEquals("-1001", p.chat());
        assertEquals(new Author("42", null, "Bob"), p.author());
        assertEquals(List.of("https://a.b", "https://c.d"), p.links());
        assertEquals(PostKind.JOIN, p.kind());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), p.time());
        assertEquals("zh", p.language());
        assertEquals(7, post("{\"id\":\"a\"}").line());
    }

    @Test
    void a_bad_field_is_named_in_the_problem() {
        assertEquals("field 'id' is required", problem("{\"text\": \"no id\"}"));
        assertEquals("field 'id' is required", problem("{\"id\": {\"a\": 1}}"));
        assertEquals("field 'id' is required", problem("{\"id\": \"\"}"));
        assertEquals("field 'text' must be a string", problem("{\"id\": \"a\", \"text\": [\"x\"]}"));
        assertEquals("field 'author' must be an object", problem("{\"id\": \"a\", \"author\": \"bob\"}"));
        assertEquals("field 'kind' has unknown value 'shout'", problem("{\"id\": \"a\", \"kind\": \"shout\"}"));
        assertEquals("field 'platform' has unknown value 'myspace'", problem("{\"id\": \"a\", \"platform\": \"myspace\"}"));
        assertEquals("field 'time' is not an ISO-8601 instant: yesterday", problem("{\"id\": \"a\", \"time\": \"yesterday\"}"));
        assertEquals("not a JSON object", problem("[1, 2]"));
        assertEquals("not valid JSON (column 2)", problem("{not json"));
    }

    @Test
    void a_syntax_error_column_counts_characters_not_bytes() {
        assertEquals("not valid JSON (column 26)", problem("{\"id\": \"a\", \"text\": \"密码\" oops}")); // 30 in bytes
    }

    @Test
    void invalid_utf8_is_read_leniently_as_standard_input_always_was() {
        byte[] line = "{\"id\": \"a\", \"text\": \"x?y\"}".getBytes(StandardCharsets.UTF_8);
        line[line.length - 4] = (byte) 0xC3; // a lead byte with no continuation
        var p = assertInstanceOf(InputPost.class, PostJsonl.parseLine("in", 1, line)).post();
        assertEquals("x\uFFFDy", p.text());
    }

    @Test
    void the_common_timestamp_form_reads_as_instant_parse_reads_it() {
        Random rnd = new Random(1);
        for (int i = 0; i < 2000; i++) {
            String s = Instant.ofEpochSecond(rnd.nextInt(Integer.MAX_VALUE) * (rnd.nextBoolean() ? 1L : 2L)).toString();
            assertEquals(Instant.parse(s), PostJsonl.instant(s), s);
        }
        for (String s : List.of("2024-02-29T23:59:59Z", "2026-12-31T23:59:60Z", "2026-01-01T24:00:00Z", "0000-01-01T00:00:00Z",
                "2026-11-25T10:00:00.123Z", "2026-11-25T10:00:00+08:00")) {
            assertEquals(Instant.parse(s), PostJsonl.instant(s), s);
        }
        for (String s : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-25T10:0a:00Z", "2026-11-25 10:00:00Z")) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(s), s);
            assertThrows(IllegalArgumentException.class, () -> PostJsonl.instant(s), s);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"m1\",\"text\":\"gm\"}                                        | POST_JSONL",
            "{\"id\":\"m1\",\"messages\":\"not an array\"}                          | POST_JSONL",
            "{\"name\":\"g\",\"type\":\"public_supergroup\",\"id\":1,\"messages\":[]} | TELEGRAM_EXPORT",
            "{\\n \"name\": \"g\",\\n \"id\": 1,\\n \"messages\": [\\n {\"id\": 1,    | TELEGRAM_EXPORT",
            "{not json\\n{\"id\":\"m2\"}                                            | POST_JSONL",
            "window.YTD.tweets.part0 = [ {\"tweet\": {}} ]                        | TWITTER_ARCHIVE",
            "'   '                                                                 | POST_JSONL",
    })
    void the_format_is_told_from_the_first_bytes(String head, InputFormat expected) {
        assertEquals(expected, PostReader.detect(head.replace("\\n", "\n")));
    }

    @Test
    void a_telegram_export_whose_messages_lie_beyond_the_first_bytes_and_lines_is_still_an_export() {
        String header = "{\n \"name\": \"" + "x".repeat(100_000) + "\",\n \"id\": 1,\n \"messages\": [\n  {\"id\": 1, \"type\": \"message\", \"from\": \"A\", \"from_id\": \"user1\", \"text\": \"gm\"}\n ]\n}";
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        try (EntrySource s = PostReader.open("big-header.json", new ByteArrayInputStream(bytes), bytes.length)) {
            assertInstanceOf(TelegramExport.class, s);
            assertEquals("gm", assertInstanceOf(InputPost.class, s.next().parse()).post().text());
            assertNull(s.next());
        }
    }
}
