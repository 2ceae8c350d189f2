package io.tidewatch.web;

import io.tidewatch.announce.AnnouncementStatus;
import io.tidewatch.core.Action;
import io.tidewatch.core.Category;
import io.tidewatch.core.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Every text a page, the page script or the Java side asks for is in rules/web (and so in every language). */
class WebTextsTest {
    private final WebTexts texts = WebTexts.load(WebHarness.RULES);

    @Test
    void chinese_and_english_are_both_there() {
        assertEquals(List.of("en", "zh"), texts.languages());
        assertEquals("中文", texts.plain("zh", "language.name"));
    }

    @Test
    void every_key_the_templates_use_exists() throws Exception {
        for (String page : List.of("sandbox", "dashboard", "login", "message")) {
            try (InputStream in = getClass().getResourceAsStream("/web/" + page + ".html")) {
                assertNotNull(in, page);
                for (Element e : Jsoup.parse(in, "UTF-8", "").select("*")) {
                    for (var a : e.attributes()) {
                        if (a.getKey().startsWith("data-t")) assertTrue(texts.has(a.getValue()), page + ": " + a.getValue());
                    }
                }
            }
        }
    }

    @Test
    void every_key_the_page_script_uses_exists() throws Exception {
        String js;
        try (InputStream in = getClass().getResourceAsStream("/web/static/sandbox.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("(?<![\\w.])t\\('([a-z_.]+)'\\)").matcher(js);
        List<String> keys = new ArrayList<>();
        while (m.find()) keys.add(m.group(1));
        assertFalse(keys.isEmpty());
        for (String key : keys) assertTrue(texts.has(key), key);
        for (String where : List.of("telegram_group", "telegram_private", "twitter_group", "twitter_private")) {
            assertTrue(texts.has("sandbox.where." + where), where);
        }
    }

    @Test
    void every_value_the_java_side_names_has_a_text() {
        for (Action.Type t : Action.Type.values()) assertTrue(texts.has("action." + t.name()), t.name());
        for (Category c : Category.values()) assertTrue(texts.has("category." + c.wireName()), c.name());
        for (Severity s : Severity.values()) assertTrue(texts.has("severity." + s.wireName()), s.name());
        for (AnnouncementStatus.Schedule s : AnnouncementStatus.Schedule.values()) assertTrue(texts.has("schedule." + s.wireName()), s.name());
        for (UndoResult.Outcome o : UndoResult.Outcome.values()) assertTrue(texts.has("undo." + o.wireName()), o.name());
        for (io.tidewatch.store.AuditLog.Status s : io.tidewatch.store.AuditLog.Status.values()) {
            assertTrue(texts.has("status." + s.name().toLowerCase(java.util.Locale.ROOT)), s.name());
        }
    }

    @Test
    void placeholders_are_escaped_and_markup_in_the_file_is_limited() {
        String html = texts.html("en", "undo.undone", Map.of("detail", "<script>alert(1)</script>"));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertEquals("Undone: <script>alert(1)</script>", texts.plain("en", "undo.undone", Map.of("detail", "<script>alert(1)</script>")));
    }
}
