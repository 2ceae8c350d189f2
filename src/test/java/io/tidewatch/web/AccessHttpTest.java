package io.tidewatch.web;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Who may use the web surface: loopback, the dashboard token, cross-site requests (DESIGN.md, "HTTP surface"). */
class AccessHttpTest {
    static final String TOKEN = "test-dashboard-token-5f1c2a9e";

    @Test
    void on_loopback_without_a_token_the_dashboard_is_open_and_every_page_has_a_strict_csp() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            HttpResponse<String> r = web.get("/dashboard");
            assertEquals(200, r.statusCode());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals(200, web.get("/").statusCode());
            assertEquals(200, web.get("/static/sandbox.js").statusCode());
        }
    }

    @Test
    void a_session_cookie_is_http_only_and_same_site_strict() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            HttpResponse<String> r = web.get("/");
            String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE)).findFirst().orElseThrow();
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
        }
    }

    @Test
    void with_a_token_the_dashboard_refuses_without_it_and_answers_with_it() throws Exception {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", TOKEN, s -> s)) {
            HttpResponse<String> refused = web.get("/dashboard");
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("name=\"token\""), "browsers get the sign-in form");
            assertFalse(refused.body().contains("id=\"incidents\""));
            assertEquals(401, web.get("/dashboard", "Authorization", "Bearer wrong").statusCode());
            assertEquals(401, web.postJson("/api/sandbox/messages", WebHarness.sandboxJson("A", "a", "hi")).statusCode());
            HttpResponse<String> ok = web.get("/dashboard", "Authorization", "Bearer " + TOKEN);
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("id=\"incidents\""));
            assertFalse(ok.body().contains(TOKEN), "the token is never on a page");
        }
    }

    @Test
    void the_sign_in_form_sets_a_session_that_opens_the_dashboard() throws Exception {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", TOKEN, s -> s)) {
            HttpResponse<String> form = web.get("/login");
            String pre = WebHarness.sessionCookie(form);
            String csrf = WebHarness.csrf(form.body());
            HttpResponse<String> wrong = web.post("/login", "application/x-www-form-urlencoded",
                    "csrf=" + csrf + "&token=nope&name=Anna", "Cookie", pre);
            assertEquals(401, wrong.statusCode());
            HttpResponse<String> signedIn = web.post("/login", "application/x-www-form-urlencoded",
                    "csrf=" + csrf + "&token=" + TOKEN + "&name=Anna", "Cookie", pre, "Origin", web.base);
            assertEquals(303, signedIn.statusCode(), signedIn.body());
            String session = WebHarness.sessionCookie(signedIn);
            assertNotNull(session);
            assertNotEquals(pre, session, "signing in starts a new session id");
            assertEquals(200, web.get("/dashboard", "Cookie", session).statusCode());
            assertEquals(401, web.get("/dashboard", "Cookie", pre).statusCode(), "the pre-login id is worthless");
        }
    }

    @Test
    void wrong_tokens_are_limited_per_minute_and_a_signed_in_session_is_not_affected() throws Exception {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", TOKEN, s -> s)) {
            web.clock.set(java.time.Instant.parse("2026-12-06T10:00:05Z"));
            HttpResponse<String> form = web.get("/login");
            String pre = WebHarness.sessionCookie(form);
            String csrf = WebHarness.csrf(form.body());
            HttpResponse<String> signedIn = web.post("/login", "application/x-www-form-urlencoded",
                    "csrf=" + csrf + "&token=" + TOKEN, "Cookie", pre, "Origin", web.base);
            String session = WebHarness.sessionCookie(signedIn);
            for (int i = 0; i < SignInAttempts.PER_ADDRESS - 1; i++) {
                assertEquals(401, web.get("/dashboard", "Authorization", "Bearer guess" + i).statusCode());
            }
            HttpResponse<String> again = web.get("/login");
            assertEquals(401, web.post("/login", "application/x-www-form-urlencoded", "csrf=" + WebHarness.csrf(again.body())
                    + "&token=guess", "Cookie", WebHarness.sessionCookie(again), "Origin", web.base).statusCode(), "the form counts too");
            HttpResponse<String> blocked = web.get("/dashboard", "Authorization", "Bearer " + TOKEN);
            assertEquals(429, blocked.statusCode(), "past the limit even the right token is not compared");
            assertEquals("55", blocked.headers().firstValue("Retry-After").orElse(""));
            assertTrue(blocked.body().contains("55"), blocked.body());
            assertEquals(200, web.get("/dashboard", "Cookie", session).statusCode(), "a signed-in session keeps working");
            web.clock.set(java.time.Instant.parse("2026-12-06T10:01:00Z"));
            assertEquals(200, web.get("/dashboard", "Authorization", "Bearer " + TOKEN).statusCode(), "a new minute, new attempts");
        }
    }

    @Test
    void a_sign_in_without_the_forms_csrf_token_is_refused() throws Exception {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", TOKEN, s -> s)) {
            HttpResponse<String> r = web.post("/login", "application/x-www-form-urlencoded", "token=" + TOKEN);
            assertEquals(403, r.statusCode());
            assertNull(WebHarness.sessionCookie(r));
        }
    }

    @Test
    void beyond_loopback_without_a_token_every_page_is_refused_and_health_still_answers() throws Exception {
        try (WebHarness web = WebHarness.start("0.0.0.0:0", null, s -> s)) {
            for (String path : new String[]{"/dashboard", "/", "/login", "/api/sandbox/rules"}) {
                HttpResponse<String> r = web.get(path);
                assertEquals(403, r.statusCode(), path);
            }
            HttpResponse<String> page = web.get("/dashboard");
            assertTrue(page.body().contains("TIDEWATCH_DASHBOARD_TOKEN"), "the page says why");
            assertEquals(403, web.get("/dashboard", "Authorization", "Bearer anything").statusCode());
            assertEquals(403, web.postJson("/api/sandbox/messages", WebHarness.sandboxJson("A", "a", "hi")).statusCode());
            assertEquals(200, web.get("/healthz").statusCode());
            assertEquals(200, web.get("/metrics").statusCode());
            assertEquals("closed", web.server.accessMode());
        }
    }

    @Test
    void beyond_loopback_with_a_token_the_token_opens_it() throws Exception {
        try (WebHarness web = WebHarness.start("0.0.0.0:0", TOKEN, s -> s)) {
            assertEquals(401, web.get("/dashboard").statusCode());
            assertEquals(200, web.get("/dashboard", "Authorization", "Bearer " + TOKEN).statusCode());
        }
    }

    @Test
    void a_cross_site_post_is_refused() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            HttpResponse<String> page = web.get("/");
            String cookie = WebHarness.sessionCookie(page);
            String csrf = WebHarness.csrf(page.body());
            String body = WebHarness.sandboxJson("A", "a", "hello");
            assertEquals(403, web.postJson("/api/sandbox/messages", body, "Cookie", cookie, "X-CSRF-Token", csrf,
                    "Origin", "https://evil.example").statusCode());
            assertEquals(403, web.postJson("/api/sandbox/messages", body, "Cookie", cookie, "X-CSRF-Token", csrf,
                    "Sec-Fetch-Site", "cross-site").statusCode());
            assertEquals(403, web.postJson("/api/sandbox/messages", body, "Cookie", cookie, "Origin", web.base).statusCode(),
                    "a browser request without the CSRF token");
            assertEquals(403, web.postJson("/api/sandbox/messages", body, "Cookie", cookie, "X-CSRF-Token", "forged").statusCode());
            assertEquals(200, web.postJson("/api/sandbox/messages", body, "Cookie", cookie, "X-CSRF-Token", csrf,
                    "Origin", web.base, "Sec-Fetch-Site", "same-origin").statusCode());
            // a form posted from another site (no JSON, no token) cannot undo anything either
            assertEquals(403, web.post("/dashboard/audit/1/undo", "application/x-www-form-urlencoded", "x=1",
                    "Origin", "https://evil.example").statusCode());
            assertEquals(403, web.post("/dashboard/audit/1/undo", "application/x-www-form-urlencoded", "x=1").statusCode());
        }
    }

    @Test
    void a_script_without_a_browser_may_post_json_to_an_open_loopback_server() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            assertEquals(200, web.postJson("/api/sandbox/messages", WebHarness.sandboxJson("A", "a", "hello")).statusCode());
        }
    }

    @Test
    void on_loopback_a_foreign_host_name_is_refused_so_dns_rebinding_cannot_reach_it() throws Exception {
        try (WebHarness web = WebHarness.start()) {
            assertTrue(rawGet(web.server.port(), "rebind.evil.example").startsWith("HTTP/1.1 403"));
            assertTrue(rawGet(web.server.port(), "localhost:" + web.server.port()).startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void without_a_sandbox_engine_there_is_no_sandbox() throws Exception {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", null, s -> new WebServices(s.database(), s.incidents(),
                s.audit(), s.support(), s.ledger(), null, s.rules(), s.rulesDir(), s.undo(), null, s.metrics(),
                s.heartbeats(), s.clock()))) {
            HttpResponse<String> root = web.get("/");
            assertEquals(302, root.statusCode());
            assertEquals("/dashboard", root.headers().firstValue("Location").orElse(""));
            assertEquals(404, web.postJson("/api/sandbox/messages", WebHarness.sandboxJson("A", "a", "hello")).statusCode());
            assertFalse(web.get("/dashboard").body().contains("id=\"nav-sandbox\""));
        }
    }

    @Test
    void http_addresses_parse_and_know_loopback() {
        assertTrue(HttpAddress.parse("127.0.0.1:8080").loopback());
        assertTrue(HttpAddress.parse("localhost:8080").loopback());
        assertTrue(HttpAddress.parse("[::1]:8080").loopback());
        assertFalse(HttpAddress.parse("0.0.0.0:8080").loopback());
        assertEquals(9000, HttpAddress.parse("0.0.0.0:9000").port());
        for (String bad : new String[]{"8080", "host:", ":80", "::1:80", "host:99999", "host:x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpAddress.parse(bad), bad);
            assertTrue(e.getMessage().contains("HOST:PORT"));
        }
    }

    /** A GET with a chosen Host header (java.net.http will not send a foreign one). */
    private static String rawGet(int port, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /dashboard HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
