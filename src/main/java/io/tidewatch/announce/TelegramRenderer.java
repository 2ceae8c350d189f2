package io.tidewatch.announce;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Markdown to the HTML subset Telegram's {@code parse_mode=HTML} accepts: b, i, u, s, a href, code,
 * pre, blockquote, tg-spoiler. Headings become bold lines, list items "• " lines, {@code ||x||} a
 * spoiler; the result is cleaned with a jsoup {@link Safelist} (only those tags; links only http,
 * https and tg) and split into messages of at most {@link TelegramSplitter#LIMIT} characters.
 * Soft line breaks stay line breaks: in a chat, the author's lines are what readers should see.
 */
public final class TelegramRenderer {
    static final Safelist SAFELIST = new Safelist()
            .addTags("b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "tg");
    private static final Set<String> PASSED_HTML = Set.of("<u>", "</u>", "<tg-spoiler>", "</tg-spoiler>",
            "<ins>", "</ins>");
    private static final String RULE = "\u2014\u2014\u2014\u2014\u2014\u2014";

    private final int limit;

    public TelegramRenderer() { this(TelegramSplitter.LIMIT); }

    TelegramRenderer(int limit) { this.limit = limit; }

    /** The messages for one language: the title in bold, the body, then the image link if any. */
    public List<String> render(String title, String markdown, String imageUrl) {
        List<String> blocks = new ArrayList<>();
        blocks.add("<b>" + escape(title) + "</b>");
        blocks.addAll(blocks(markdown));
        if (imageUrl != null) blocks.add("<a href=\"" + escapeAttr(imageUrl) + "\">" + escape(imageUrl) + "</a>");
        String html = clean(String.join("\n\n", blocks));
        return TelegramSplitter.split(html, limit);
    }

    /** The body's top-level blocks as Telegram HTML, uncleaned. */
    static List<String> blocks(String markdown) {
        List<String> out = new ArrayList<>();
        for (Node n = Markdown.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            String b = block(n, "");
            if (!b.isBlank()) out.add(b);
        }
        return out;
    }

    static String clean(String html) {
        Document.OutputSettings settings = new Document.OutputSettings()
                .prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml).charset(StandardCharsets.UTF_8);
        Document clean = new org.jsoup.safety.Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html));
        clean.select("a:not([href])").unwrap(); // a link whose target was refused stays as its text
        clean.outputSettings(settings);
        return clean.body().html();
    }

    private static String block(Node n, String indent) {
        if (n instanceof Paragraph) return inlines(n);
        if (n instanceof Heading) return "<b>" + inlines(n) + "</b>";
        if (n instanceof BulletList || n instanceof OrderedList) return list(n, indent);
        if (n instanceof BlockQuote) {
            List<String> inner = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inner.add(block(c, ""));
            return "<blockquote>" + String.join("\n", inner) + "</blockquote>";
        }
        if (n instanceof FencedCodeBlock f) return "<pre>" + escape(stripNewline(f.getLiteral())) + "</pre>";
        if (n instanceof IndentedCodeBlock c) return "<pre>" + escape(stripNewline(c.getLiteral())) + "</pre>";
        if (n instanceof ThematicBreak) return RULE;
        if (n instanceof HtmlBlock h) return escape(stripNewline(h.getLiteral()));
        if (n instanceof LinkReferenceDefinition) return "";
        return inlines(n);
    }

    private static String list(Node list, String indent) {
        List<String> lines = new ArrayList<>();
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof OrderedList ? (number++) + ". " : "\u2022 ";
            List<String> parts = new ArrayList<>();
            for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                parts.add(c instanceof BulletList || c instanceof OrderedList ? list(c, indent + "    ") : block(c, indent));
            }
            String body = String.join("\n", parts);
            lines.add(indent + marker + body);
        }
        return String.join("\n", lines);
    }

    private static String inlines(Node parent) {
        StringBuilder out = new StringBuilder();
        boolean[] spoiler = {false};
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) inline(c, out, spoiler);
        if (spoiler[0]) out.append("</tg-spoiler>");
        return out.toString();
    }

    private static void inline(Node n, StringBuilder out, boolean[] spoiler) {
        if (n instanceof Text t) {
            String[] pieces = t.getLiteral().split("\\|\\|", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    out.append(spoiler[0] ? "</tg-spoiler>" : "<tg-spoiler>");
                    spoiler[0] = !spoiler[0];
                }
                out.append(escape(pieces[i]));
            }
        } else if (n instanceof Code c) {
            out.append("<code>").append(escape(c.getLiteral())).append("</code>");
        } else if (n instanceof Emphasis) {
            wrap("i", n, out, spoiler);
        } else if (n instanceof StrongEmphasis) {
            wrap("b", n, out, spoiler);
        } else if (n instanceof Strikethrough) {
            wrap("s", n, out, spoiler);
        } else if (n instanceof Link l) {
            out.append("<a href=\"").append(escapeAttr(l.getDestination())).append("\">");
            children(n, out, spoiler);
            out.append("</a>");
        } else if (n instanceof Image img) {
            out.append("<a href=\"").append(escapeAttr(img.getDestination())).append("\">");
            children(n, out, spoiler);
            out.append("</a>");
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            out.append('\n');
        } else if (n instanceof HtmlInline h) {
            String tag = h.getLiteral().toLowerCase(Locale.ROOT).replace(" ", "");
            if (PASSED_HTML.contains(tag)) out.append(tag.replace("ins>", "u>"));
            else out.append(escape(h.getLiteral()));
        } else {
            children(n, out, spoiler);
        }
    }

    private static void wrap(String tag, Node n, StringBuilder out, boolean[] spoiler) {
        out.append('<').append(tag).append('>');
        children(n, out, spoiler);
        out.append("</").append(tag).append('>');
    }

    private static void children(Node n, StringBuilder out, boolean[] spoiler) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inline(c, out, spoiler);
    }

    private static String stripNewline(String s) { return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s; }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String escapeAttr(String s) { return escape(s).replace("\"", "&quot;"); }
}
