package io.tidewatch.announce;

import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.List;

/** The one CommonMark dialect announcements are written in: CommonMark + GFM strikethrough + {@code ||spoiler||}. */
final class Markdown {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(StrikethroughExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private Markdown() {}

    static Node parse(String markdown) { return PARSER.parse(markdown); }

    /** 1-based line of a node within the body, or 0 when unknown. */
    static int line(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.getSourceSpans().isEmpty()) return n.getSourceSpans().get(0).getLineIndex() + 1;
        }
        return 0;
    }
}
