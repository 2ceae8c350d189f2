package io.tidewatch.announce;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import against a local HTTP server on 127.0.0.1 serving a saved announcement page. */
class AnnouncementImporterTest {
    static final AnnouncementImporter.Limits LIMITS = AnnouncementImporter.Limits.forBrand(List.of("example.com"))
            .withDeadline(Duration.ofSeconds(5)).allowingPrivateAddresses();
    @TempDir Path tmp;
    HttpServer server;
    URI base;

    @BeforeEach
    void start() throws IOException {
        byte[] page = Files.readAllBytes(Path.of("src/test/resources/announce/import/notice-maintenance.html"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/support/announcements/wallet-upgrade-2026-12-10", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() { server.stop(0); }

    @Test
    void imports_title_date_and_body_into_a_draft_that_never_publishes_by_itself() throws Exception {
        AnnouncementImporter importer = new AnnouncementImporter(LIMITS);
        URI url = base.resolve("/support/announcements/wallet-upgrade-2026-12-10");
        AnnouncementImporter.Draft d = importer.fetch(url);
        assertEquals("wallet-upgrade-2026-12-10", d.id());
        assertEquals("Example Exchange will upgrade its wallet system on 10 December", d.title());
        assertEquals("2026-12-05T08:30:00+00:00", d.date());
        assertEquals("en", d.language());
        String md = d.markdown();
        assertTrue(md.startsWith("Dear users,"), md);
        assertTrue(md.contains("**10 December 2026 from 06:00 to 08:00 (UTC)**"), md);
        assertTrue(md.contains("*suspended*"), md);
        assertTrue(md.contains("### What you need to know"), md);
        assertTrue(md.contains("- Trading is **not** affected."), md);
        assertTrue(md.contains("[wallet maintenance FAQ](" + base + "/help/wallet-maintenance)"), "relative links made absolute: " + md);
        assertTrue(md.contains("> We will never ask you"), md);
        assertTrue(md.contains("0\\_1 % for \\*all\\* users"), "literal markdown characters are escaped: " + md);
        for (String chrome : new String[]{"Markets", "Log in", "Share on X", "Related articles", "Terms", "dataLayer", "5 December 2026"}) {
            assertFalse(md.contains(chrome), "page chrome left out: " + chrome + "\n" + md);
        }

        Path file = importer.write(d, tmp.resolve("announcements"));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("---\nid: wallet-upgrade-2026-12-10\n"), text);
        assertFalse(text.contains("\npublish_at:"), "a draft has no publish_at");
        assertTrue(text.contains("targets: []"));
        Path second = importer.write(d, tmp.resolve("announcements"));
        assertEquals("wallet-upgrade-2026-12-10-2.md", second.getFileName().toString(), "never overwrites");

        // the draft reads back as an announcement whose only problems are what a human must fill in
        Fixture fx = new Fixture(tmp.resolve("fx"));
        Files.copy(file, fx.announcements.resolve(file.getFileName()));
        var entry = fx.directory().load(fx.announcements.resolve(file.getFileName()));
        assertTrue(entry.problems().stream().map(Problem::toString).anyMatch(p -> p.contains("targets: none given")), entry.problems().toString());
        assertTrue(entry.problems().stream().map(Problem::toString).allMatch(p -> p.contains("targets") || p.contains("127.0.0.1")),
                "only the missing targets and the local test host: " + entry.problems());
        assertEquals("Example Exchange will upgrade its wallet system on 10 December", entry.announcement().title("en"));
    }

    @Test
    void an_http_error_is_a_clear_error() {
        AnnouncementImporter importer = new AnnouncementImporter(LIMITS);
        IOException e = assertThrows(IOException.class, () -> importer.fetch(base.resolve("/missing")));
        assertTrue(e.getMessage().contains("HTTP 404"));
        assertThrows(IllegalArgumentException.class, () -> importer.fetch(URI.create("file:///etc/passwd")));
    }

    @Test
    void chinese_pages_become_zh_drafts() {
        String html = "<html><head><title>公告</title></head><body><article><h1>上线 AUR</h1><p>Example Exchange 将上线 Aurora (AUR)，充值已开放。请注意风险，理性投资。</p></article></body></html>";
        AnnouncementImporter.Draft d = new AnnouncementImporter(LIMITS).parse(html, URI.create("https://www.example.com/a/123"));
        assertEquals("zh", d.language());
        assertEquals("上线 AUR", d.title());
        assertEquals("Example Exchange 将上线 Aurora (AUR)，充值已开放。请注意风险，理性投资。", d.markdown());
        assertEquals("123", d.id());
    }
}
