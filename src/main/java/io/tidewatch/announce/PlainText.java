package io.tidewatch.announce;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to plain text paragraphs, for tweets: emphasis dropped, list items "• ", a link
 * "text (url)" unless its text is the URL, spoiler markers and inline HTML tags removed.
 */
final class PlainText {
    private PlainText() {}

    static List<String> paragraphs(String markdown) {
        List<String> out = new ArrayList<>();
        for (Node n = Markdown.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            String b = block(n, "").strip();
            if (!b.isEmpty()) out.add(b);
        }
        return out;
    }

    private static String block(Node n, String indent) {
        if (n instanceof Paragraph || n instanceof Heading) return inlines(n);
        if (n instanceof BulletList || n instanceof OrderedList) {
            List<String> lines = new ArrayList<>();
            int number = n instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                String marker = n instanceof OrderedList ? (number++) + ". " : "\u2022 ";
                List<String> parts = new ArrayList<>();
                for (Node c = item.getFirstChild(); c != null; c = c.getNext()) parts.add(block(c, indent + "  "));
                lines.add(indent + marker + String.join("\n", parts));
            }
            return String.join("\n", lines);
        }
        if (n instanceof BlockQuote) {
            List<String> inner = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inner.add(block(c, indent));
            return String.join("\n", inner);
        }
        if (n instanceof FencedCodeBlock f) return f.getLiteral().strip();
        if (n instanceof IndentedCodeBlock c) return c.getLiteral().strip();
        if (n instanceof HtmlBlock h) return HtmlTags.strip(h.getLiteral()).strip();
        if (n instanceof ThematicBreak || n instanceof LinkReferenceDefinition) return "";
        return inlines(n);
    }

    private static String inlines(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) inline(c, out);
        return out.toString();
    }

    private static void inline(Node n, StringBuilder out) {
        if (n instanceof Text t) {
            out.append(t.getLiteral().replace("||", ""));
        } else if (n instanceof Code c) {
            out.append(c.getLiteral());
        } else if (n instanceof Link || n instanceof Image) {
            String dest = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
            String text = inlines(n).strip();
            if (!dest.matches("(?i)https?://.*")) out.append(text);
            else if (text.isEmpty() || sameUrl(text, dest)) out.append(dest);
            else out.append(text).append(" (").append(dest).append(')');
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            out.append('\n');
        } else if (n instanceof HtmlInline) {
            // <u>, <tg-spoiler> and the like have no plain-text form
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inline(c, out);
        }
    }

    private static boolean sameUrl(String text, String dest) {
        String d = dest.replaceFirst("^(?i)https?://(www\\.)?", "").replaceFirst("/$", "");
        String t = text.replaceFirst("^(?i)https?://(www\\.)?", "").replaceFirst("/$", "");
        return d.equalsIgnoreCase(t);
    }
}
