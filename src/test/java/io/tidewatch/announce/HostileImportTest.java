package io.tidewatch.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code announce import} against hostile servers on 127.0.0.1: too large, dripping, redirecting
 * elsewhere, on a private address, and pages that try to write their own front matter. Timeouts are
 * hang guards only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileImportTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final AnnouncementImporter.Limits LIMITS = AnnouncementImporter.Limits.forBrand(List.of("example.com"))
            .withDeadline(Duration.ofSeconds(10)).allowingPrivateAddresses();

    @TempDir Path tmp;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private URI serve(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            requests.incrementAndGet();
            try (ex) {
                handler.handle(ex);
            } catch (IOException closedByClient) {
                // the importer hung up: that is the point of several tests here
            }
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void page(HttpExchange ex, String html) throws IOException {
        byte[] b = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    @Test
    void an_oversized_page_is_refused_while_streaming_never_read_whole() throws Exception {
        long offered = 256L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        URI url = serve("/huge", ex -> {
            try {
                ex.sendResponseHeaders(200, 0); // chunked: no length announced
                byte[] chunk = "<p>".concat("x".repeat(64 * 1024 - 3)).getBytes(StandardCharsets.US_ASCII);
                OutputStream out = ex.getResponseBody();
                while (written.get() < offered) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } finally {
                done.countDown();
            }
        });
        IOException e = assertThrows(IOException.class, () -> new AnnouncementImporter(LIMITS).fetch(url));
        assertTrue(e.getMessage().contains("larger than 2097152 bytes"), e.getMessage());
        assertTrue(done.await(30, TimeUnit.SECONDS), "the server was cut off");
        assertTrue(written.get() < offered, "stopped reading at the limit: the server wrote " + written.get() + " bytes");

        URI declared = serve("/declared", ex -> {
            ex.sendResponseHeaders(200, 3L * 1024 * 1024);
            ex.getResponseBody().write(new byte[1024]);
        });
        IOException d = assertThrows(IOException.class, () -> new AnnouncementImporter(LIMITS).fetch(declared));
        assertTrue(d.getMessage().contains("larger than"), d.getMessage());

        URI small = serve("/small", ex -> page(ex, "<html><body><article><p>" + "x".repeat(5000) + "</p></article></body></html>"));
        IOException limited = assertThrows(IOException.class,
                () -> new AnnouncementImporter(LIMITS.withMaxBytes(4096)).fetch(small), "the limit is configurable");
        assertTrue(limited.getMessage().contains("larger than 4096 bytes"), limited.getMessage());
    }

    @Test
    void a_dripping_server_is_cut_off_at_the_deadline() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        URI url = serve("/drip", ex -> {
            try {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 600; i++) { // a byte every 100 ms for a minute, unless cut off
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hungUp.countDown();
            }
        });
        var importer = new AnnouncementImporter(LIMITS.withDeadline(Duration.ofSeconds(1)));
        IOException e = assertThrows(IOException.class, () -> importer.fetch(url));
        assertTrue(e.getMessage().contains("no complete answer within 1 s"), e.getMessage());
        assertTrue(hungUp.await(30, TimeUnit.SECONDS), "the connection was closed, so the server's writes failed");
    }

    @Test
    void redirects_stay_on_the_host_or_the_brands_domains() throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        int port = server.getAddress().getPort();
        serve("/target", ex -> {
            elsewhere.incrementAndGet();
            page(ex, "<html><head><title>internal</title></head><body><p>internal</p></body></html>");
        });
        URI away = serve("/away", ex -> {
            ex.getResponseHeaders().add("Location", "http://localhost:" + port + "/target");
            ex.sendResponseHeaders(302, -1);
        });
        IOException e = assertThrows(IOException.class, () -> new AnnouncementImporter(LIMITS).fetch(away));
        assertTrue(e.getMessage().contains("redirected to localhost"), e.getMessage());
        assertEquals(0, elsewhere.get(), "the other host was never asked");

        URI metadata = serve("/metadata", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(301, -1);
        });
        assertThrows(IOException.class, () -> new AnnouncementImporter(LIMITS).fetch(metadata));

        URI same = serve("/same", ex -> {
            ex.getResponseHeaders().add("Location", "/target");
            ex.sendResponseHeaders(307, -1);
        });
        assertEquals("internal", new AnnouncementImporter(LIMITS).fetch(same).title(), "a redirect on the same host is followed");

        URI loop = serve("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
        });
        IOException l = assertThrows(IOException.class, () -> new AnnouncementImporter(LIMITS).fetch(loop));
        assertTrue(l.getMessage().contains("more than 5 redirects"), l.getMessage());
    }

    @Test
    void loopback_and_private_addresses_are_refused_unless_allowed() throws Exception {
        URI url = serve("/page", ex -> page(ex, "<html><head><title>t</title></head><body><p>x</p></body></html>"));
        var strict = new AnnouncementImporter(AnnouncementImporter.Limits.forBrand(List.of("example.com")));
        IOException e = assertThrows(IOException.class, () -> strict.fetch(url));
        assertTrue(e.getMessage().contains("loopback, private or link-local"), e.getMessage());
        assertEquals(0, requests.get(), "no request was made");
        assertEquals("t", new AnnouncementImporter(LIMITS).fetch(url).title(), "a test or staging server opts in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "2002:7f00:1::", "64:ff9b::a9fe:a9fe"})
    void non_public_addresses(String literal) throws Exception {
        assertFalse(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "2001:4860:4860::8888"})
    void public_addresses(String literal) throws Exception {
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }

    @Test
    void page_fields_never_become_front_matter_lines() throws Exception {
        List<String> breaks = List.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            String br = breaks.get(i);
            String title = "Listing\"" + br + "publish_at: 2026-01-01T00:00:00Z" + br + "targets: [news]" + br + "---";
            String date = "2026-01-01" + br + "publish_at: 2026-01-02T00:00:00Z" + br + "pin: true";
            String html = "<html><head><meta property=\"og:title\" content=\"" + title.replace("\"", "&quot;") + "\">"
                    + "<meta property=\"article:published_time\" content=\"" + date + "\"></head>"
                    + "<body><article><p>Aurora (AUR) lists on 3 December. " + "Trade safely. ".repeat(5) + "</p></article></body></html>";
            URI url = serve("/inject" + i, ex -> page(ex, html));
            var importer = new AnnouncementImporter(LIMITS);
            AnnouncementImporter.Draft d = importer.fetch(url);
            assertTrue(d.date().contains("publish_at"), "the page's value arrives as it was: " + d.date());
            files.add(importer.write(d, tmp.resolve("announcements")));
        }
        Fixture fx = new Fixture(tmp.resolve("fx"));
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String frontMatter = text.substring(4, text.indexOf("\n---\n", 4) + 1);
            JsonNode fields = YAML.readTree(frontMatter);
            List<String> names = new ArrayList<>();
            fields.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("id", "title", "targets", "pin", "languages", "tags", "url"), names, text);
            assertEquals(0, fields.get("targets").size(), text);
            assertFalse(fields.get("pin").asBoolean(), text);
            assertTrue(fields.get("title").asText().matches("Listing\" +publish_at: 2026-01-01T00:00:00Z +targets: \\[news] +---"),
                    "the title is kept, on one line: " + text);

            Files.copy(file, fx.announcements.resolve(file.getFileName()));
            var entry = fx.directory().load(fx.announcements.resolve(file.getFileName()));
            assertNull(entry.announcement().publishAt(), "never scheduled by the page: " + text);
            assertTrue(entry.problems().stream().map(Problem::toString).noneMatch(p -> p.contains("publish_at") || p.contains("unknown field")),
                    entry.problems().toString());
        }
    }
}
