package io.tidewatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** POST /api/sandbox/messages as DESIGN.md ("HTTP surface") specifies it, over the test engine. */
class SandboxApiTest {
    static final String SEED = "fancy muffin offer equal scorpion harsh caught arm never jar cake hire";
    static final String API_SECRET = "5516CDF2F8B8657666BEF215B9282BFE";
    static final String XSS = "<img src=x onerror=alert(1)>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebHarness web;

    @BeforeAll
    static void start() { web = WebHarness.start(); }

    @AfterAll
    static void stop() { web.close(); }

    private static JsonNode send(String body) throws Exception {
        HttpResponse<String> r = web.postJson("/api/sandbox/messages", body);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    @Test
    void leaked_seed_phrase_is_deleted_and_never_echoed() throws Exception {
        String text = "help my wallet is empty?? seed: " + SEED;
        HttpResponse<String> raw = web.postJson("/api/sandbox/messages", WebHarness.sandboxJson("Ivan", "ivan", text));
        JsonNode answer = JSON.readTree(raw.body());
        JsonNode finding = answer.get("findings").get(0);
        assertEquals("secret", finding.get("category").asText());
        assertEquals("bip39-seed-phrase", finding.get("rule").asText());
        for (String field : List.of("severity", "start", "end", "excerpt")) assertTrue(finding.has(field), field);
        List<String> types = new ArrayList<>();
        answer.get("actions").forEach(a -> {
            types.add(a.get("type").asText());
            assertTrue(a.has("reason"));
        });
        assertEquals("DELETE_MESSAGE", types.get(0));
        assertFalse(answer.get("replies").isEmpty(), "the warning is among the replies");
        assertTrue(answer.get("shown_text").asText().contains(MaskedText.MASK));
        Secrets.assertNoWordPairOf(SEED, raw.body());
    }

    @Test
    void a_leaked_api_secret_shows_in_no_answer() throws Exception {
        String text = "OKX api\nkey: 4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b\nsecret: " + API_SECRET + "\npassphrase: Moon2024!";
        HttpResponse<String> raw = web.postJson("/api/sandbox/messages",
                WebHarness.sandboxJson("Mike", "mike", text));
        JsonNode answer = JSON.readTree(raw.body());
        assertEquals("secret", answer.get("findings").get(0).get("category").asText(), raw.body());
        Secrets.assertNoWindowOf(API_SECRET, raw.body());
        Secrets.assertNoWindowOf("4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", raw.body());
    }

    @Test
    void a_clean_message_has_no_findings_no_actions_no_replies() throws Exception {
        JsonNode answer = send(WebHarness.sandboxJson("Nina", "nina", "lol this chart is crazy"));
        assertEquals(0, answer.get("findings").size());
        assertEquals(0, answer.get("actions").size());
        assertEquals(0, answer.get("replies").size());
        assertEquals("lol this chart is crazy", answer.get("shown_text").asText());
    }

    @Test
    void a_chinese_question_in_a_private_chat_gets_a_chinese_answer_with_the_official_channels() throws Exception {
        JsonNode answer = send(WebHarness.sandboxJson("telegram", "private", "李华", "lihua", "我的充值已经两个小时了还没到账，怎么办？"));
        String reply = answer.get("replies").get(0).asText();
        assertTrue(reply.contains("在线客服") && reply.contains("https://www.example.com/support/chat"), reply);
        assertEquals("member", answer.get("messages").get(0).get("to").asText());
        assertEquals("html", answer.get("format").asText());
    }

    @Test
    void a_twitter_mention_is_answered_in_plain_text() throws Exception {
        JsonNode answer = send(WebHarness.sandboxJson("twitter", "group", "Mallory", "mallory",
                "verify your wallet at https://examp1e-rewards.com/claim now"));
        assertEquals("text", answer.get("format").asText());
        List<String> categories = new ArrayList<>();
        answer.get("findings").forEach(f -> categories.add(f.get("category").asText()));
        assertTrue(categories.contains("phishing"), categories.toString());
    }

    @Test
    void markup_in_a_display_name_is_escaped_in_every_message() throws Exception {
        JsonNode answer = send(WebHarness.sandboxJson(XSS, "xss", "my seed: " + SEED));
        for (JsonNode m : answer.get("messages")) {
            assertFalse(m.get("html").asText().contains("<img"), m.toString());
        }
    }

    @Test
    void a_wrong_field_is_refused_with_what_to_write() throws Exception {
        HttpResponse<String> r = web.postJson("/api/sandbox/messages",
                "{\"platform\":\"myspace\",\"chat\":\"group\",\"user\":{},\"text\":\"hi\"}");
        assertEquals(400, r.statusCode());
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("telegram"), r.body());
        r = web.postJson("/api/sandbox/messages", "{\"platform\":\"telegram\",\"chat\":\"room\",\"user\":{},\"text\":\"hi\"}");
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("private"), r.body());
        r = web.postJson("/api/sandbox/messages", "{\"platform\":\"telegram\",\"chat\":\"group\",\"user\":{},\"text\":\"\"}");
        assertEquals(400, r.statusCode());
    }

    @Test
    void broken_json_is_refused_without_repeating_the_body() throws Exception {
        String body = "{\"platform\":\"telegram\",\"text\": " + SEED.replace(' ', '_') + "}";
        HttpResponse<String> r = web.postJson("/api/sandbox/messages", body);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("line 1"), r.body());
        Secrets.assertNoWindowOf(SEED.replace(' ', '_'), r.body());
    }

    @Test
    void errors_are_in_the_language_asked_for() throws Exception {
        HttpResponse<String> r = web.postJson("/api/sandbox/messages", "{}", "Accept-Language", "zh-CN,zh;q=0.9");
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("必须"), r.body());
    }

    @Test
    void rules_status_says_when_they_were_loaded() throws Exception {
        JsonNode rules = JSON.readTree(web.get("/api/sandbox/rules").body());
        assertFalse(rules.get("loaded_at").isNull());
        assertTrue(rules.get("message").asText().startsWith("Rules loaded at"), rules.toString());
        JsonNode reloaded = JSON.readTree(web.postJson("/api/sandbox/reload", "{}").body());
        assertTrue(reloaded.get("refusal").isNull());
    }
}
