package io.tidewatch.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an announcement page of the official site into a draft file: the title (og:title, the
 * article's h1, or {@code <title>}), the date ({@code article:published_time}, {@code <time datetime>},
 * JSON-LD {@code datePublished}), and the body ({@code <article>}, {@code <main>}, or the element with
 * the most paragraph text) as Markdown. Drafts have no {@code publish_at} and no targets, so they are
 * never published until someone fills them in. The page is fetched within {@link Limits}, and
 * nothing it says can add a field to the draft's front matter: that is written by the YAML library.
 */
public final class AnnouncementImporter {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "pre", "blockquote", "table", "thead", "tbody", "tr", "figure", "header",
            "footer", "dl", "dt", "dd", "hr");
    private static final String DROP = "script, style, noscript, nav, aside, form, button, iframe, svg, img, picture,"
            + " video, audio, [aria-hidden=true], .share, .sharing, .breadcrumb, .breadcrumbs, .related, .comments,"
            + " [class*=cookie], site-header, site-footer, body > header, body > footer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());
    /** The fields a draft's front matter has, no more. */
    private static final List<String> DRAFT_FIELDS = List.of("id", "title", "targets", "pin", "languages", "tags", "url");

    /**
     * What fetching a page may take and where it may go.
     *
     * @param deadline              for everything: connecting, redirects, headers and the whole body
     * @param maxBytes              the largest body read; reading stops at the first byte over it
     * @param maxRedirects          redirects followed, each to the same host or one of {@code brandDomains}
     * @param allowPrivateAddresses also fetch from loopback, private and link-local addresses (tests, staging)
     */
    public record Limits(Duration deadline, long maxBytes, int maxRedirects, List<String> brandDomains,
                         boolean allowPrivateAddresses) {
        public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;
        public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

        public Limits {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("the deadline must be positive");
            if (maxBytes <= 0) throw new IllegalArgumentException("the size limit must be positive");
            brandDomains = brandDomains == null ? List.of() : brandDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        }

        /** 20 s, 2 MiB, 5 redirects, public addresses only. */
        public static Limits forBrand(List<String> brandDomains) {
            return new Limits(DEFAULT_DEADLINE, DEFAULT_MAX_BYTES, 5, brandDomains, false);
        }

        public Limits withDeadline(Duration d) { return new Limits(d, maxBytes, maxRedirects, brandDomains, allowPrivateAddresses); }

        public Limits withMaxBytes(long n) { return new Limits(deadline, n, maxRedirects, brandDomains, allowPrivateAddresses); }

        public Limits allowingPrivateAddresses() { return new Limits(deadline, maxBytes, maxRedirects, brandDomains, true); }
    }

    private final PageFetcher fetcher;

    public AnnouncementImporter(Limits limits) {
        this.fetcher = new PageFetcher(limits);
    }

    /** A page turned into an announcement draft. {@code date} is as the page gives it, or null. */
    public record Draft(String id, String title, String language, String date, String markdown, URI source) {}

    public Draft fetch(URI url) throws IOException, InterruptedException {
        PageFetcher.Page page = fetcher.fetch(url);
        Document doc = Jsoup.parse(new ByteArrayInputStream(page.body()), charset(page.contentType()), page.uri().toString());
        return parse(doc, page.uri());
    }

    public Draft parse(String html, URI base) {
        return parse(Jsoup.parse(html, base.toString()), base);
    }

    private Draft parse(Document doc, URI base) {
        String title = firstNonBlank(meta(doc, "meta[property=og:title]"), meta(doc, "meta[name=twitter:title]"),
                text(doc.selectFirst("article h1")), text(doc.selectFirst("main h1")), text(doc.selectFirst("h1")), doc.title());
        String date = firstNonBlank(meta(doc, "meta[property=article:published_time]"),
                attr(doc.selectFirst("article time[datetime], main time[datetime]"), "datetime"),
                attr(doc.selectFirst("time[datetime]"), "datetime"), meta(doc, "meta[name=date]"),
                meta(doc, "meta[name=pubdate]"), meta(doc, "meta[itemprop=datePublished]"), jsonLdDate(doc));
        Element root = content(doc);
        root.select(DROP).remove();
        for (Element h : root.select("h1")) {
            if (h.text().strip().equals(title)) h.remove();
        }
        for (Element t : root.select("time")) {
            if (t.parent() != null && t.parent().text().strip().equals(t.text().strip())) t.parent().remove();
        }
        String markdown = markdown(root);
        String lang = language(doc, root.text());
        return new Draft(slug(base, title, date), title == null ? "" : title.strip(), lang, date, markdown, base);
    }

    /**
     * Writes the draft as {@code DIR/ID.md} (never over an existing file) and returns the path. The
     * front matter is generated by the YAML library and read back before the file is written: a
     * title or date from the page is a value, never a line of its own.
     */
    public Path write(Draft d, Path dir) throws IOException {
        Files.createDirectories(dir);
        String id = d.id();
        Path file = dir.resolve(id + ".md");
        for (int n = 2; Files.exists(file); n++) {
            id = d.id() + "-" + n;
            file = dir.resolve(id + ".md");
        }
        ObjectNode fields = YAML.createObjectNode();
        fields.put("id", id);
        fields.put("title", oneLine(d.title()));
        fields.putArray("targets");
        fields.put("pin", false);
        fields.putArray("languages").add(d.language());
        fields.putArray("tags");
        fields.put("url", d.source().toASCIIString());
        String frontMatter = YAML.writeValueAsString(fields)
                + "# Imported from " + d.source().toASCIIString()
                + (d.date() == null ? "" : ", dated " + oneLine(d.date())) + "\n"
                + "# A draft: add publish_at (with zone, e.g. 2026-12-01T10:00:00+08:00) or use /announce publish;\n"
                + "# fill in targets and tags first.\n";
        JsonNode back = YAML.readTree(frontMatter);
        List<String> names = new ArrayList<>();
        back.fieldNames().forEachRemaining(names::add);
        if (!names.equals(DRAFT_FIELDS) || !back.equals(fields)) {
            throw new IllegalStateException("the draft's front matter did not read back as written; nothing was written");
        }
        Files.writeString(file, "---\n" + frontMatter + "---\n\n" + d.markdown() + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Control characters and every kind of line break (YAML 1.1 counts NEL, LS and PS) become spaces. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean breaking = Character.isISOControl(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            b.appendCodePoint(breaking ? ' ' : cp);
        });
        return b.toString().strip();
    }

    private static Element content(Document doc) {
        for (String q : List.of("article [itemprop=articleBody]", "article .article-content", "article .content",
                "article", "main", "[role=main]", ".article-content", ".post-content", ".entry-content", "#content")) {
            Element e = doc.selectFirst(q);
            if (e != null && e.text().length() > 40) return e;
        }
        Element best = doc.body();
        int bestLength = 0;
        for (Element e : doc.body().select("div, section")) {
            int length = e.select("> p").text().length();
            if (length > bestLength) {
                best = e;
                bestLength = length;
            }
        }
        return best;
    }

    // --- HTML to Markdown ---

    static String markdown(Element root) {
        List<String> blocks = new ArrayList<>();
        blocks(root, blocks);
        return String.join("\n\n", blocks).strip();
    }

    private static void blocks(Element parent, List<String> out) {
        StringBuilder inline = new StringBuilder();
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && BLOCKS.contains(e.normalName())) {
                flush(inline, out);
                block(e, out);
            } else {
                inline(n, inline);
            }
        }
        flush(inline, out);
    }

    private static void block(Element e, List<String> out) {
        switch (e.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String t = inlineOf(e);
                if (!t.isBlank()) out.add("### " + t);
            }
            case "ul", "ol" -> {
                List<String> items = new ArrayList<>();
                int n = 1;
                for (Element li : e.children()) {
                    if (!li.normalName().equals("li")) continue;
                    String t = inlineOf(li);
                    if (!t.isBlank()) items.add((e.normalName().equals("ol") ? (n++) + ". " : "- ") + t);
                }
                if (!items.isEmpty()) out.add(String.join("\n", items));
            }
            case "pre" -> out.add("```\n" + e.wholeText().strip() + "\n```");
            case "blockquote" -> {
                List<String> inner = new ArrayList<>();
                blocks(e, inner);
                if (!inner.isEmpty()) out.add("> " + String.join("\n>\n> ", inner).replace("\n", "\n> ").replace("\n> > ", "\n> "));
            }
            case "hr" -> out.add("---");
            case "tr" -> {
                List<String> cells = new ArrayList<>();
                for (Element c : e.children()) cells.add(inlineOf(c));
                out.add(String.join(" · ", cells));
            }
            default -> blocks(e, out);
        }
    }

    private static String inlineOf(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n : e.childNodes()) inline(n, sb);
        return sb.toString().replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").strip();
    }

    private static void inline(Node n, StringBuilder sb) {
        if (n instanceof TextNode t) {
            sb.append(escape(t.text().replaceAll("\\s+", " ")));
            return;
        }
        if (!(n instanceof Element e)) return;
        switch (e.normalName()) {
            case "br" -> sb.append('\n');
            case "strong", "b" -> wrapped(e, "**", sb);
            case "em", "i" -> wrapped(e, "*", sb);
            case "s", "del", "strike" -> wrapped(e, "~~", sb);
            case "code" -> {
                if (!e.text().isBlank()) sb.append('`').append(e.text().replace("`", "'")).append('`');
            }
            case "a" -> {
                String text = inlineOf(e);
                String href = e.absUrl("href");
                if (href.startsWith("http://") || href.startsWith("https://")) {
                    sb.append('[').append(text.isBlank() ? escape(href) : text).append("](").append(href.replace(" ", "%20").replace(")", "%29")).append(')');
                } else {
                    sb.append(text);
                }
            }
            default -> {
                if (BLOCKS.contains(e.normalName())) {
                    sb.append('\n').append(inlineOf(e)).append('\n');
                } else {
                    for (Node c : e.childNodes()) inline(c, sb);
                }
            }
        }
    }

    private static void wrapped(Element e, String mark, StringBuilder sb) {
        String t = inlineOf(e);
        if (t.isBlank()) return;
        // emphasis markers must touch the text, so move surrounding spaces outside them
        sb.append(mark).append(t.strip()).append(mark);
    }

    private static void flush(StringBuilder inline, List<String> out) {
        String t = inline.toString().replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").strip();
        if (!t.isEmpty()) out.add(t);
        inline.setLength(0);
    }

    static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]|])", "\\\\$1");
    }

    // --- metadata ---

    private static String language(Document doc, String text) {
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang").toLowerCase(Locale.ROOT);
        if (lang.matches("[a-z]{2,3}(-.*)?")) return lang.substring(0, lang.contains("-") ? lang.indexOf('-') : lang.length());
        long cjk = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return cjk * 5 > text.length() ? "zh" : "en";
    }

    static String slug(URI url, String title, String date) {
        String path = url.getPath() == null ? "" : url.getPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        String last = path.substring(path.lastIndexOf('/', end - 1) + 1, end);
        for (String ext : List.of(".html", ".htm", ".php", ".aspx", ".asp")) {
            if (last.endsWith(ext)) {
                last = last.substring(0, last.length() - ext.length());
                break;
            }
        }
        String s = dashed(last);
        if (s.length() < 3 && title != null) s = dashed(title);
        if (s.length() < 3) {
            String digits = date == null ? "" : date.chars().filter(c -> c >= '0' && c <= '9')
                    .limit(8).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            s = "imported" + (date == null ? "" : "-" + digits);
        }
        if (s.length() > 80) s = dashed(s.substring(0, 80));
        return s;
    }

    /** Lower-case ASCII letters and digits, every other run of characters one '-', none at the ends. */
    private static String dashed(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean keep = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (keep) b.append(c);
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') b.append('-');
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
        return b.toString();
    }

    /** {@code datePublished} anywhere in the page's JSON-LD (an object, a list, or a {@code @graph}). */
    private static String jsonLdDate(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode date = JSON.readTree(s.data()).findValue("datePublished");
                if (date != null && date.isTextual() && !date.asText().isBlank()) return date.asText();
            } catch (IOException | RuntimeException e) {
                // not JSON, or nested past the parser's limits: the page has other places for a date
            }
        }
        return null;
    }

    /** The charset named in a Content-Type header, or null to let jsoup read the page's own declaration. */
    static String charset(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return java.nio.charset.Charset.isSupported(name) ? name : null;
                } catch (java.nio.charset.IllegalCharsetNameException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String meta(Document doc, String query) { return attr(doc.selectFirst(query), "content"); }

    private static String attr(Element e, String name) {
        return e == null || e.attr(name).isBlank() ? null : e.attr(name).strip();
    }

    private static String text(Element e) { return e == null ? null : e.text(); }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

}
