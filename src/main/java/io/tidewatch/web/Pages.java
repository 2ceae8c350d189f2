package io.tidewatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML pages: templates from the jar ({@code /web/*.html}) filled through jsoup, so every value
 * set with {@link Element#text} is escaped by construction. An element with {@code data-t="key"} gets
 * that text in the page's language; {@code data-t-placeholder}, {@code data-t-title} and
 * {@code data-t-aria-label} set those attributes.
 */
final class Pages {
    private static final String[] TEXT_ATTRIBUTES = {"placeholder", "title", "aria-label", "value"};

    private final WebTexts texts;
    private final ObjectMapper json;
    private final Map<String, Document> templates = new ConcurrentHashMap<>();

    Pages(WebTexts texts, ObjectMapper json) {
        this.texts = texts;
        this.json = json;
    }

    WebTexts texts() { return texts; }

    /** A fresh copy of template {@code name}, localized; {@code path} is the page's own path for language links. */
    Document page(String name, String lang, String path) {
        Document doc = templates.computeIfAbsent(name, Pages::read).clone();
        doc.outputSettings().prettyPrint(false);
        doc.selectFirst("html").attr("lang", lang);
        Element languages = doc.getElementById("languages");
        if (languages != null) {
            for (String other : texts.languages()) {
                Element a = languages.appendElement("a").attr("href", path + "?lang=" + other).attr("hreflang", other)
                        .text(texts.plain(other, "language.name"));
                if (other.equals(lang)) a.attr("aria-current", "true");
            }
        }
        localize(doc, lang);
        return doc;
    }

    /** Fills every {@code data-t*} element of {@code root} (also parts built later from a template). */
    void localize(Element root, String lang) {
        for (Element e : root.select("[data-t]")) e.html(texts.html(lang, e.attr("data-t")));
        for (String attr : TEXT_ATTRIBUTES) {
            for (Element e : root.select("[data-t-" + attr + "]")) e.attr(attr, texts.plain(lang, e.attr("data-t-" + attr)));
        }
    }

    /**
     * Embeds data for the page's script as a JSON data block. {@code <} is written as {@code \u003c}
     * so no value can close the element; the block is never executed, so the CSP does not apply.
     */
    void embedJson(Document doc, String id, Object value) {
        String text;
        try {
            text = json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Element script = doc.getElementById(id);
        if (script == null) script = doc.body().appendElement("script").attr("id", id);
        script.attr("type", "application/json").empty().appendChild(new DataNode(text));
    }

    /** The CSRF token for scripts ({@code <meta name="csrf-token">}) and forms ({@code input[name=csrf]}). */
    static void csrf(Document doc, String token) {
        Element meta = doc.head().selectFirst("meta[name=csrf-token]");
        if (meta == null) meta = doc.head().appendElement("meta").attr("name", "csrf-token");
        meta.attr("content", token);
        for (Element input : doc.select("input[name=csrf]")) input.val(token);
    }

    private static Document read(String name) {
        String resource = "/web/" + name + ".html";
        try (InputStream in = Pages.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing page template " + resource + " in the jar");
            return Jsoup.parse(in, "UTF-8", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
