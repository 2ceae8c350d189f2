package io.tidewatch.announce;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an announcement page of the official site into a draft file: the title (og:title, the
 * article's h1, or {@code <title>}), the date ({@code article:published_time}, {@code <time datetime>},
 * JSON-LD {@code datePublished}), and the body ({@code <article>}, {@code <main>}, or the element with
 * the most paragraph text) as Markdown. Drafts have no {@code publish_at} and no targets, so they are
 * never published until someone fills them in.
 */
public final class AnnouncementImporter {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "pre", "blockquote", "table", "thead", "tbody", "tr", "figure", "header",
            "footer", "dl", "dt", "dd", "hr");
    private static final String DROP = "script, style, noscript, nav, aside, form, button, iframe, svg, img, picture,"
            + " video, audio, [aria-hidden=true], .share, .sharing, .breadcrumb, .breadcrumbs, .related, .comments,"
            + " [class*=cookie], site-header, site-footer, body > header, body > footer";
    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final Duration timeout;

    public AnnouncementImporter(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A page turned into an announcement draft. {@code date} is as the page gives it, or null. */
    public record Draft(String id, String title, String language, String date, String markdown, URI source) {}

    public Draft fetch(URI url) throws IOException, InterruptedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new IllegalArgumentException(url + ": only http and https pages can be imported");
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "text/html,application/xhtml+xml").header("User-Agent", "tidewatch-announce-import").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) throw new IOException(url + ": HTTP " + response.statusCode());
        return parse(response.body(), response.uri());
    }

    public Draft parse(String html, URI base) {
        Document doc = Jsoup.parse(html, base.toString());
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

    /** Writes the draft as {@code DIR/ID.md} (never over an existing file) and returns the path. */
    public Path write(Draft d, Path dir) throws IOException {
        Files.createDirectories(dir);
        String id = d.id();
        Path file = dir.resolve(id + ".md");
        for (int n = 2; Files.exists(file); n++) {
            id = d.id() + "-" + n;
            file = dir.resolve(id + ".md");
        }
        StringBuilder sb = new StringBuilder("---\n");
        sb.append("id: ").append(id).append('\n');
        sb.append("title: ").append(quote(d.title())).append('\n');
        sb.append("# Imported from ").append(d.source()).append(d.date() == null ? "" : ", dated " + d.date()).append('\n');
        sb.append("# A draft: add publish_at (with zone, e.g. 2026-12-01T10:00:00+08:00) or use /announce publish;\n");
        sb.append("# fill in targets and tags first.\n");
        sb.append("targets: []\n");
        sb.append("pin: false\n");
        sb.append("languages: [").append(d.language()).append("]\n");
        sb.append("tags: []\n");
        sb.append("url: ").append(quote(d.source().toString())).append('\n');
        sb.append("---\n\n").append(d.markdown()).append('\n');
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
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
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.(html?|php|aspx?)$", "");
        String s = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() < 3 && title != null) {
            s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        }
        if (s.length() < 3) s = "imported" + (date == null ? "" : "-" + date.replaceAll("[^0-9]", "").substring(0, Math.min(8, date.replaceAll("[^0-9]", "").length())));
        return s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
    }

    private static String jsonLdDate(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_DATE.matcher(s.data());
            if (m.find()) return m.group(1);
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

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
