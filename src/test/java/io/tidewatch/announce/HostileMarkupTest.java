package io.tidewatch.announce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long runs of '<' (and friends) in an announcement body or an imported page: every step that strips
 * tags or parses the Markdown finishes. The timeouts are hang guards, not performance bounds.
 */
class HostileMarkupTest {
    static final String LT = "<".repeat(100_000);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain                  | plain",
            "<u>under</u> line      | under line",
            "a < b and c > d        | a  d",
            "x <b>bold <i>it</i>    | x bold it",
            "<<<< no close          | <<<< no close",
            "<a> <b                 | ' <b'",
            "tag <br/> end >        | tag  end >",
    })
    void tags_are_removed_as_the_old_regex_removed_them(String html, String text) {
        assertEquals(html.replaceAll("<[^>]*>", ""), HtmlTags.strip(html), "same as the regex it replaces");
        assertEquals(text, HtmlTags.strip(html));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_long_run_of_open_brackets_is_stripped_in_one_pass() {
        assertEquals(LT, HtmlTags.strip(LT));
        assertEquals(LT, HtmlTags.strip("<div>" + LT));
        assertEquals(100_000, TelegramSplitter.textLength(LT));
        assertEquals(100_000, TelegramSplitter.textLength("<b>" + LT));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void plain_text_of_hostile_bodies_finishes() {
        for (String body : new String[]{LT, "<div>" + LT, "a<".repeat(50_000), "<a".repeat(50_000), "a.".repeat(4_000),
                "@".repeat(4_096), "*".repeat(50_000), "[".repeat(50_000), "||".repeat(30_000)}) {
            String text = String.join("\n", PlainText.paragraphs(body));
            assertTrue(text.length() <= body.length() + 16, "nothing invented: " + text.length());
        }
    }
}
