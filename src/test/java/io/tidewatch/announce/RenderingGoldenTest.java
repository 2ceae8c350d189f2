package io.tidewatch.announce;

import io.tidewatch.core.TweetLength;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both platforms' renderings against reviewed golden files, plus the invariants behind them. */
class RenderingGoldenTest {
    static final String URL = "https://www.example.com/support/announcements/maintenance";
    final TelegramRenderer telegram = new TelegramRenderer();
    final TwitterRenderer twitter = new TwitterRenderer();

    @Test
    void telegram_formatting_uses_only_the_html_subset_telegram_accepts() {
        List<String> parts = telegram.render("Maintenance <notice> & more", GoldenFiles.input("formatting.md"), null);
        GoldenFiles.assertMatches("telegram-formatting.html", parts);
        String html = parts.get(0);
        assertTrue(html.contains("<tg-spoiler>a spoiler</tg-spoiler>"));
        assertTrue(html.contains("<u>underlined</u>") && html.contains("<s>struck</s>"));
        assertTrue(html.contains("• Deposits") && html.contains("1. first"));
        assertTrue(html.contains("<blockquote>"));
        assertFalse(html.contains("<script"), "raw HTML is text");
        assertFalse(html.contains("javascript:"), "only http, https and tg links keep their href");
        for (String tag : html.replaceAll("(?s)[^<]*(<[^>]*>)?", "$1 ").trim().split("\\s+")) {
            if (tag.isEmpty()) continue;
            assertTrue(tag.matches("</?(b|i|u|s|a|code|pre|blockquote|tg-spoiler)( href=\"[^\"]*\")?>|<a|href=\"[^\"]*\">"), "unexpected tag " + tag);
        }
    }

    @Test
    void telegram_splits_over_4096_characters_at_paragraphs_without_breaking_tags() {
        String md = GoldenFiles.input("long.md");
        List<String> parts = telegram.render("A long announcement", md, null);
        GoldenFiles.assertMatches("telegram-long.html", parts);
        assertTrue(parts.size() >= 2, "split: " + parts.size());
        for (String p : parts) {
            assertTrue(TelegramSplitter.textLength(p) <= 4096, "part length " + TelegramSplitter.textLength(p));
            assertEquals(count(p, "<b>"), count(p, "</b>"), "balanced bold in a part");
            assertEquals(count(p, "<blockquote>"), count(p, "</blockquote>"), "balanced quote in a part");
        }
        for (int i = 0; i + 1 < parts.size(); i++) {
            assertFalse(parts.get(i).endsWith("\n"));
            assertTrue(parts.get(i + 1).startsWith("<b>Section") || parts.get(i + 1).startsWith("<blockquote>"),
                    "part " + (i + 2) + " starts at a paragraph: " + parts.get(i + 1).substring(0, 40));
        }
    }

    @Test
    void telegram_counts_utf16_units_of_the_text_not_the_markup() {
        assertEquals(5, TelegramSplitter.textLength("<b>a&amp;b</b>\uD83D\uDE00"));
        List<String> parts = TelegramSplitter.split("<b>" + "x".repeat(10) + "\n\n" + "y".repeat(10) + "</b>", 15);
        assertEquals(List.of("<b>xxxxxxxxxx</b>", "<b>yyyyyyyyyy</b>"), parts);
        List<String> hard = TelegramSplitter.split("<i>" + "字".repeat(12) + "</i>", 5);
        assertEquals(List.of("<i>字字字字字</i>", "<i>字字字字字</i>", "<i>字字</i>"), hard);
        List<String> emoji = TelegramSplitter.split("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 3);
        assertEquals(List.of("\uD83D\uDE00", "\uD83D\uDE00", "\uD83D\uDE00"), emoji, "a surrogate pair is never cut");
    }

    @Test
    void twitter_english_fits_one_tweet_with_the_link() {
        TwitterRenderer.Result r = twitter.render("Maintenance tonight", "Trading pauses **02:00–04:00 UTC**. Open orders stay.", URL, "Full text:");
        GoldenFiles.assertMatches("twitter-short.txt", r.tweets());
        assertEquals(1, r.tweets().size());
    }

    @Test
    void twitter_cjk_counts_double_and_becomes_a_thread() {
        String md = GoldenFiles.input("cjk.md");
        TwitterRenderer.Result r = twitter.render("系统升级维护公告", md, URL, "全文：");
        GoldenFiles.assertMatches("twitter-cjk.txt", r.tweets());
        assertTrue(r.tweets().size() >= 3, "CJK weighs 2: a thread " + r.tweets());
        assertTrue(r.tweets().get(0).startsWith("系统升级维护公告\n\n全文：" + URL));
        for (int i = 0; i < r.tweets().size(); i++) {
            String t = r.tweets().get(i);
            assertTrue(TweetLength.of(t) <= 280, t);
            assertTrue(t.endsWith((i + 1) + "/" + r.tweets().size()), t);
        }
        // the same text counted by characters would have fit in fewer tweets: the weighting matters
        int chars = md.codePointCount(0, md.length());
        assertTrue(chars < 280 * (r.tweets().size() - 1), "chars " + chars);
    }

    @Test
    void twitter_thread_of_formatting_drops_markup() {
        TwitterRenderer.Result r = twitter.render("Everything", GoldenFiles.input("formatting.md"), URL, "Full text:");
        GoldenFiles.assertMatches("twitter-formatting.txt", r.tweets());
        String all = String.join("\n", r.tweets());
        assertFalse(all.contains("**") || all.contains("||") || all.contains("<u>"), all);
        assertTrue(all.contains("link to the help center (https://www.example.com/help)"));
    }

    @Test
    void twitter_refuses_what_cannot_fit_even_as_a_thread() {
        String md = ("这是一段很长的中文公告内容，用来测试推文串的上限。".repeat(10) + "\n\n").repeat(30);
        TwitterRenderer.Result r = twitter.render("标题", md, URL, "全文：");
        assertEquals(List.of(), r.tweets());
        assertTrue(r.problem().contains("does not fit even as a thread"), r.problem());
    }

    @Test
    void twitter_never_cuts_a_url() {
        String md = ("word ".repeat(50) + "https://www.example.com/a/very/long/path/" + "x".repeat(300) + " ").repeat(3);
        TwitterRenderer.Result r = twitter.render("T", md, URL, "Full text:");
        assertTrue(r.tweets().size() > 1);
        long whole = r.tweets().stream().filter(t -> t.contains("https://www.example.com/a/very/long/path/" + "x".repeat(300))).count();
        assertEquals(3, whole, "each URL whole in one tweet");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
