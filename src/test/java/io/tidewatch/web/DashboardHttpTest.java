package io.tidewatch.web;

import io.tidewatch.announce.AnnouncementDirectory;
import io.tidewatch.announce.Announcements;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Severity;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.PublishLedger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** GET /dashboard: what moderators see, escaped, filtered, paged, and undo. */
class DashboardHttpTest {
    static final String XSS = SandboxApiTest.XSS;

    private static long incident(WebHarness web, Platform platform, String chat, Category category, String excerpt, String reason) {
        return web.services.incidents().record(platform, chat, "m1", "7000000042", category, "rule-" + category.wireName(),
                Severity.HIGH, null, excerpt, reason, web.clock.instant());
    }

    private static long ban(WebHarness web, String target) {
        return web.services.audit().record("tidewatch", "BAN", Platform.TELEGRAM, "-1001", target, "m1", "impersonation-name",
                "impersonation (critical)", null, AuditLog.Status.DONE, web.clock.instant());
    }

    @Test
    void user_supplied_strings_show_as_text() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            incident(web, Platform.TELEGRAM, XSS, Category.IMPERSONATION, XSS, "imitates " + XSS);
            web.services.audit().record(XSS, "BAN", Platform.TELEGRAM, XSS, XSS, "m1", "r", XSS, null,
                    AuditLog.Status.DONE, web.clock.instant());
            String html = web.get("/dashboard").body();
            assertFalse(html.contains("<img"), "no markup from users");
            Document doc = Jsoup.parse(html);
            assertTrue(doc.select("img").isEmpty());
            Element row = doc.selectFirst("#incidents tbody tr");
            assertEquals(XSS, row.child(3).text());
            assertEquals(XSS, row.child(8).text());
            assertEquals(XSS, doc.selectFirst("#audit tbody tr").child(2).text());
        }
    }

    @Test
    void incidents_filter_by_platform_category_and_chat_and_page_back() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            incident(web, Platform.TWITTER, "mentions", Category.PHISHING, "https://examp1e.com", "lookalike");
            for (int i = 0; i < DashboardRoutes.PAGE + 5; i++) {
                incident(web, Platform.TELEGRAM, i % 2 == 0 ? "-1001" : "-1002", Category.SECRET, "abandon ****** … (12 words)", "leak");
            }
            Document twitter = Jsoup.parse(web.get("/dashboard?platform=twitter").body());
            assertEquals(1, twitter.select("#incidents tbody tr").size());
            assertEquals("twitter", twitter.selectFirst("#filter select[name=platform] option[selected]").val());
            Document phishing = Jsoup.parse(web.get("/dashboard?category=phishing").body());
            assertEquals(1, phishing.select("#incidents tbody tr").size());
            Document chat = Jsoup.parse(web.get("/dashboard?chat=-1002&platform=telegram").body());
            assertEquals(27, chat.select("#incidents tbody tr").size());
            assertTrue(chat.select("#incidents tbody tr td:eq(3)").eachText().stream().allMatch("-1002"::equals));

            Document first = Jsoup.parse(web.get("/dashboard").body());
            assertEquals(DashboardRoutes.PAGE, first.select("#incidents tbody tr").size());
            Element older = first.getElementById("incidents-older");
            assertFalse(older.hasAttr("hidden"));
            Document second = Jsoup.parse(web.get(older.attr("href").replace("#incidents", "")).body());
            assertEquals(6, second.select("#incidents tbody tr").size());
            assertTrue(Jsoup.parse(web.get("/dashboard?platform=bogus").body()).select("#incidents tbody tr").size() > 0,
                    "a filter it cannot read shows everything");
        }
    }

    @Test
    void a_moderator_undoes_a_ban_with_the_form_and_sees_what_was_done() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            long id = ban(web, "7000000099");
            HttpResponse<String> page = web.get("/dashboard");
            String cookie = WebHarness.sessionCookie(page);
            Document doc = Jsoup.parse(page.body());
            Element form = doc.selectFirst("#audit tr[data-audit=" + id + "] form.undo");
            assertNotNull(form, "a done ban has an undo button");
            String csrf = form.selectFirst("input[name=csrf]").val();
            HttpResponse<String> undone = web.post(form.attr("action"), "application/x-www-form-urlencoded", "csrf=" + csrf,
                    "Cookie", cookie, "Origin", web.base, "Sec-Fetch-Site", "same-origin");
            assertEquals(303, undone.statusCode(), undone.body());
            Document after = Jsoup.parse(web.get("/dashboard", "Cookie", cookie).body());
            assertTrue(after.getElementById("notice").text().contains("ban of 7000000099"), after.getElementById("notice").text());
            assertNull(after.selectFirst("#audit tr[data-audit=" + id + "] form.undo"), "undone: no second button");
            assertTrue(web.services.audit().find(id).orElseThrow().undone());
            List<AuditLog.Entry> all = web.services.audit().all();
            assertEquals("UNBAN", all.get(all.size() - 1).action());
            assertEquals("web", all.get(all.size() - 1).actor());
        }
    }

    @Test
    void a_script_undoes_with_the_bearer_token_and_gets_json() throws Exception {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", AccessHttpTest.TOKEN, s -> s)) {
            long id = ban(web, "7000000098");
            String auth = "Bearer " + AccessHttpTest.TOKEN;
            HttpResponse<String> r = web.post("/dashboard/audit/" + id + "/undo", "application/json", "{}", "Authorization", auth);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"outcome\":\"undone\""), r.body());
            HttpResponse<String> again = web.post("/dashboard/audit/" + id + "/undo", "application/json", "{}", "Authorization", auth);
            assertEquals(409, again.statusCode());
            assertTrue(again.body().contains("already_undone"), again.body());
            assertEquals(404, web.post("/dashboard/audit/999999/undo", "application/json", "{}", "Authorization", auth).statusCode());
            assertEquals("web:token", web.services.audit().all().get(1).actor());
        }
    }

    @Test
    void support_topics_are_drawn_as_an_inline_chart() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            LocalDate today = LocalDate.ofInstant(web.clock.instant(), ZoneOffset.UTC);
            for (int i = 0; i < 3; i++) web.services.support().count(today, "deposit");
            web.services.support().count(today.minusDays(2), "withdrawal");
            web.services.support().count(today.minusDays(40), "kyc"); // outside the chart
            Document doc = Jsoup.parse(web.get("/dashboard").body());
            Element svg = doc.selectFirst("#support svg");
            assertNotNull(svg);
            assertEquals(2, svg.select("rect.bar").size(), "one bar segment per topic and day");
            assertEquals(List.of("deposit 3", "withdrawal 1"), doc.select("#support .legend li").eachText());
            assertTrue(doc.selectFirst("#support figcaption").text().contains("4"));
        }
    }

    @Test
    void announcements_show_their_schedule_and_the_ledger_parts_to_settle() throws Exception {
        Path rules = WebHarness.RULES;
        try (WebHarness web = WebHarness.start("127.0.0.1:0", null, s -> s.withAnnouncements(new Announcements(
                AnnouncementDirectory.of(Path.of("announcements"), BrandProfileReader.read(rules.resolve("brand.yaml")),
                        rules.resolve("brand.yaml"), rules, host -> false),
                s.ledger(), List.of(), s.clock(), Announcements.Settings.defaults())))) {
            PublishLedger ledger = web.services.ledger();
            var key = new PublishLedger.Key("maintenance-2026-12-03", "telegram:@ExampleExchange", "zh", 1);
            String token = ledger.claimNew(key, 1, "h", true, "test", web.clock.instant()).orElseThrow();
            ledger.markUnknown(key, token, "timed out");
            Document doc = Jsoup.parse(web.get("/dashboard").body());
            assertNotNull(doc.selectFirst("#announcements tr[data-announcement=maintenance-2026-12-03]"));
            assertTrue(doc.getElementById("ledger").text().contains("1 unknown"), doc.getElementById("ledger").text());
            assertFalse(doc.getElementById("ledger-unknown").hasAttr("hidden"));
            Document zh = Jsoup.parse(web.get("/dashboard?lang=zh").body());
            assertTrue(zh.getElementById("ledger").text().contains("状态未知 1 段"), zh.getElementById("ledger").text());
        }
    }

    @Test
    void the_rules_in_force_say_when_they_were_loaded() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            Document doc = Jsoup.parse(web.get("/dashboard").body());
            assertTrue(doc.getElementById("rules-loaded").text().startsWith("Loaded at"), doc.getElementById("rules-loaded").text());
            assertTrue(doc.select("#rules tbody td code").eachText().contains("secrets.toml"));
            assertFalse(doc.getElementById("announcements-off").hasAttr("hidden"), "announcements are off in this run");
        }
    }
}
