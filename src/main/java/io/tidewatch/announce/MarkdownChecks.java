package io.tidewatch.announce;

import io.tidewatch.core.TweetLength;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Heading;
import org.commonmark.node.Text;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Markdown that would not render as the author meant: an unclosed code fence, emphasis or
 * link brackets CommonMark leaves as literal characters, an unbalanced {@code ||spoiler||}, an
 * empty link target. Also lists every link (Markdown links and bare URLs) for the link check.
 */
final class MarkdownChecks {
    private static final Pattern STRAY_STAR = Pattern.compile("(?<![\\s*])\\*+(?![*\\w])|(?<![*\\w])\\*+(?![\\s*])");
    private static final Pattern STRAY_UNDERSCORE = Pattern.compile("(?<![\\w_])_+(?=[^\\s_])|(?<=[^\\s_])_+(?![\\w_])");
    private static final Pattern STRAY_TILDES = Pattern.compile("~~");
    private static final Pattern BRACKET_PAREN = Pattern.compile("\\]\\s*\\(");

    private MarkdownChecks() {}

    /** Problems as "line N: reason" (lines counted within the body). */
    static List<String> problems(String markdown) {
        List<String> out = new ArrayList<>();
        Node doc = Markdown.parse(hideEscapes(markdown));
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock f) {
                if (f.getClosingFenceLength() == null) {
                    out.add(at(f) + "code fence " + f.getFenceCharacter().repeat(f.getOpeningFenceLength()) + " is never closed");
                }
            }

            @Override
            public void visit(Link l) {
                if (l.getDestination() == null || l.getDestination().isBlank()) out.add(at(l) + "link has an empty target");
                visitChildren(l);
            }

            @Override
            public void visit(Image i) {
                if (i.getDestination() == null || i.getDestination().isBlank()) out.add(at(i) + "image has an empty target");
                visitChildren(i);
            }

            @Override
            public void visit(Paragraph p) {
                checkInlines(p, out);
                visitChildren(p);
            }

            @Override
            public void visit(Heading h) {
                checkInlines(h, out);
                visitChildren(h);
            }
        });
        return out;
    }

    private static void checkInlines(Node block, List<String> out) {
        int spoilers = 0;
        int open = 0;
        int close = 0;
        for (Node c = block.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof Text t)) continue;
            String s = withoutUrls(t.getLiteral());
            spoilers += count(s, "||");
            open += count(s, "[");
            close += count(s, "]");
            if (STRAY_STAR.matcher(s.replace("||", "")).find()) out.add(at(c) + "'*' is left as a literal asterisk: emphasis is not closed (or not opened)");
            if (STRAY_UNDERSCORE.matcher(s).find()) out.add(at(c) + "'_' is left as a literal underscore: emphasis is not closed (or not opened)");
            if (STRAY_TILDES.matcher(s).find()) out.add(at(c) + "'~~' is left literal: strikethrough is not closed");
            if (BRACKET_PAREN.matcher(s).find()) out.add(at(c) + "'](' is left literal: the link is malformed (check the brackets and parentheses)");
        }
        if (spoilers % 2 != 0) out.add(at(block) + "'||' spoiler is not closed");
        if (open != close) out.add(at(block) + "unbalanced link brackets '[' and ']' are left literal");
    }

    /** Backslash-escaped markers are meant literally: hide them (same length) so they are not reported. */
    private static String hideEscapes(String markdown) {
        StringBuilder sb = new StringBuilder(markdown.length());
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && "*_[]|~()".indexOf(markdown.charAt(i + 1)) >= 0) {
                sb.append('\uE000').append('\uE001');
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String withoutUrls(String s) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (TweetLength.Url u : TweetLength.urls(s)) {
            out.append(s, pos, u.start()).append(' ');
            pos = u.end();
        }
        return out.append(s.substring(pos)).toString();
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) n++;
        return n;
    }

    private static String at(Node n) {
        int line = Markdown.line(n);
        return line > 0 ? "line " + line + ": " : "";
    }

    /** Every link target in the body: Markdown links and images, and bare URLs Telegram would link. */
    static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        Markdown.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link l) {
                if (l.getDestination() != null && !l.getDestination().isBlank()) out.add(l.getDestination());
                visitChildren(l);
            }

            @Override
            public void visit(Image i) {
                if (i.getDestination() != null && !i.getDestination().isBlank()) out.add(i.getDestination());
                visitChildren(i);
            }

            @Override
            public void visit(Text t) {
                for (TweetLength.Url u : TweetLength.urls(t.getLiteral())) out.add(u.url());
            }
        });
        return out;
    }

    /** A URL as written, or with {@code https://} added when it is a bare host; null when unparseable. */
    static URI uri(String link) {
        String s = link.matches("(?i)[a-z][a-z0-9+.-]*:.*") ? link : "https://" + link;
        try {
            return new URI(s);
        } catch (Exception e) {
            try {
                return URI.create(s.replace(" ", "%20"));
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }
}
