package io.tidewatch.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * A text the bot would send, as safe HTML for the page: Telegram HTML keeps its formatting (bold,
 * italics, code, links) and loses anything else; plain text (Twitter) is escaped. Line breaks show.
 */
final class ReplyHtml {
    /** The tags and link schemes Telegram's HTML parse mode knows; nothing that can run or load. */
    private static final Safelist TELEGRAM = new Safelist()
            .addTags("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "blockquote", "br",
                    "span", "tg-spoiler")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "tg", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private ReplyHtml() {}

    static String render(String text, SandboxReply.Format format) {
        if (text == null) return "";
        if (format == SandboxReply.Format.TELEGRAM_HTML) {
            return Jsoup.clean(text.replace("\r\n", "\n").replace("\n", "<br>"), TELEGRAM);
        }
        return Entities.escape(text.replace("\r\n", "\n")).replace("\n", "<br>");
    }
}
