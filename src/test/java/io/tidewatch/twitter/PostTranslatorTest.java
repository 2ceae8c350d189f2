package io.tidewatch.twitter;

import io.tidewatch.core.Author;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twitter4j.JSONObject;
import twitter4j.TweetsResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real v2 JSON shapes (parsed as the client parses them) to Posts. */
class PostTranslatorTest {
    final PostTranslator translator = new PostTranslator(List.of("900000001"));

    static String resource(String name) throws IOException {
        try (InputStream in = PostTranslatorTest.class.getResourceAsStream("/twitter/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    XPage<XTweet> mentions() throws Exception {
        return V2Pages.tweets(new TweetsResponse(new JSONObject(resource("mentions.json")), false));
    }

    @Test
    void a_mention_elsewhere_is_a_mention_with_its_author_text_link_and_language() throws Exception {
        XPage<XTweet> page = mentions();
        Post p = translator.fromTweet(page.items().get(0), page.users());
        assertEquals(new Post("1861000000000000103", Platform.TWITTER, PostKind.MENTION, "1861000000000000103",
                Instant.parse("2026-12-01T08:05:10Z"), new Author("1002", "xiaoming_88", "小明"),
                "@ExampleEx 提现三天了还没到账 & 客服不回复 https://t.co/Qm3xYz1AbC", List.of("https://www.example.com/help"), "zh"), p);
        assertEquals("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i", page.nextToken());
    }

    @Test
    void a_reply_under_an_official_tweet_is_a_reply_in_that_conversation_with_where_its_link_leads() throws Exception {
        XPage<XTweet> page = mentions();
        Post p = translator.fromTweet(page.items().get(1), page.users());
        assertEquals(PostKind.REPLY, p.kind());
        assertEquals("1861000000000000100", p.chat(), "the official tweet's conversation");
        assertEquals(new Author("1001", "exex_help_desk", "ExEx Suppοrt"), p.author());
        assertEquals(List.of("https://bit.ly/3exex", "https://exarnple-support.com/verify"), p.links(),
                "the shortener and where it really leads");
        assertEquals("en", p.language());
    }

    @Test
    void media_only_language_codes_give_no_language_hint() throws Exception {
        XPage<XTweet> page = mentions();
        Post p = translator.fromTweet(page.items().get(2), page.users());
        assertEquals(PostKind.REPLY, p.kind());
        assertNull(p.language());
        assertTrue(p.links().isEmpty());
    }

    @Test
    void a_reply_to_someone_else_is_a_mention() {
        XTweet t = new XTweet("5", "@alice @ExampleEx hi", "1001", null, "en", "4", "1003", "4", null, List.of());
        assertEquals(PostKind.MENTION, translator.fromTweet(t, java.util.Map.of()).kind());
        assertEquals(new Author("1001", null, null), translator.fromTweet(t, java.util.Map.of()).author());
    }

    @Test
    void dm_events_become_dms_except_the_accounts_own_and_non_messages() throws Exception {
        XPage<XDmEvent> page = V2Pages.dmEvents(FakeXApi.JSON.readTree(resource("dm_events.json")));
        assertEquals(3, page.items().size());
        assertEquals(Optional.empty(), translator.fromDm(page.items().get(0), page.users(), "900000001"), "never answer itself");
        assertEquals(Optional.empty(), translator.fromDm(page.items().get(2), page.users(), "900000001"), "a join is no message");
        Post dm = translator.fromDm(page.items().get(1), page.users(), "900000001").orElseThrow();
        assertEquals(new Post("1862000000000000201", Platform.TWITTER, PostKind.DM, "1002-900000001",
                Instant.parse("2026-12-01T09:00:00Z"), new Author("1002", "xiaoming_88", "小明"), "我的助记词是不是泄露了？",
                List.of(), null), dm);
        assertEquals("18LAA581J5II7LA00C00ZZZZ", page.nextToken());
    }

    @ParameterizedTest
    @CsvSource(value = {"zh,zh", "zh-cn,zh", "zh-TW,zh", "en,en", "ja,ja", "und,", "zxx,", "qme,", "qht,", "qam,", ","}, nullValues = "")
    void language_hints_are_bare_languages(String lang, String expected) {
        assertEquals(expected, PostTranslator.language(lang));
    }
}
