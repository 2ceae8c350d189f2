package io.tidewatch.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/** What Telegram's HTML parse mode accepts, for the fake Bot API: its tag set, balanced, and the visible length. */
final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");

    private TelegramHtml() {}

    /** Why Telegram would refuse this text, or null when it parses. */
    static String problem(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                i++;
                continue;
            }
            int end = html.indexOf('>', i);
            if (end < 0) return "unclosed start tag at byte offset " + i;
            String inner = html.substring(i + 1, end).trim();
            boolean closing = inner.startsWith("/");
            String name = (closing ? inner.substring(1) : inner).split("[\\s=]", 2)[0].toLowerCase(Locale.ROOT);
            if (!TAGS.contains(name)) return "unsupported start tag \"" + name + "\" at byte offset " + i;
            if (closing) {
                if (open.isEmpty() || !open.pop().equals(name)) return "unmatched end tag \"" + name + "\" at byte offset " + i;
            } else {
                open.push(name);
            }
            i = end + 1;
        }
        return open.isEmpty() ? null : "can't find end tag corresponding to start tag \"" + open.peek() + "\"";
    }

    /** Characters a reader sees: tags removed, each entity one character. */
    static int visibleLength(String html) {
        int n = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i && semi - i <= 10) i = semi;
            }
            if (!Character.isLowSurrogate(c)) n++;
        }
        return n;
    }
}
