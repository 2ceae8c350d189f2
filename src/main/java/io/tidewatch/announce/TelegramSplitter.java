package io.tidewatch.announce;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Telegram HTML into messages of at most {@link #LIMIT} characters as Telegram counts them:
 * UTF-16 code units of the text after entity parsing (tags count nothing, {@code &amp;} counts one,
 * a character outside the BMP two). Cuts at the last paragraph break that fits, else a line break,
 * else a space, else anywhere; tags open at the cut are closed and reopened in the next message.
 */
public final class TelegramSplitter {
    public static final int LIMIT = 4096;

    private TelegramSplitter() {}

    private record Cut(int pos, List<String> open) {}

    public static List<String> split(String html, int limit) {
        List<String> parts = new ArrayList<>();
        List<String> open = new ArrayList<>();
        String prefix = "";
        int start = 0;
        int n = html.length();
        while (true) {
            Cut[] best = new Cut[3]; // paragraph, line, space
            int count = 0;
            int j = start;
            boolean overflow = false;
            List<String> stack = new ArrayList<>(open);
            while (j < n) {
                char c = html.charAt(j);
                if (c == '<') {
                    int end = html.indexOf('>', j);
                    String tag = html.substring(j, end + 1);
                    if (tag.startsWith("</")) {
                        if (!stack.isEmpty()) stack.remove(stack.size() - 1);
                    } else if (!tag.endsWith("/>")) {
                        stack.add(tag);
                    }
                    j = end + 1;
                    continue;
                }
                int units;
                int next;
                if (c == '&') {
                    int semi = html.indexOf(';', j);
                    next = semi < 0 ? j + 1 : semi + 1;
                    units = semi < 0 ? 1 : entityUnits(html.substring(j, semi + 1));
                } else if (Character.isHighSurrogate(c) && j + 1 < n) {
                    units = 2;
                    next = j + 2;
                } else {
                    units = 1;
                    next = j + 1;
                }
                if (count + units > limit) {
                    overflow = true;
                    break;
                }
                if (j > start) {
                    if (c == '\n' && j + 1 < n && html.charAt(j + 1) == '\n') best[0] = new Cut(j, List.copyOf(stack));
                    else if (c == '\n') best[1] = new Cut(j, List.copyOf(stack));
                    else if (c == ' ') best[2] = new Cut(j, List.copyOf(stack));
                }
                count += units;
                j = next;
            }
            if (!overflow) {
                parts.add(prefix + html.substring(start));
                return parts;
            }
            Cut cut = best[0] != null ? best[0] : best[1] != null ? best[1] : best[2] != null ? best[2]
                    : new Cut(j, List.copyOf(stack));
            parts.add(prefix + html.substring(start, cut.pos()) + close(cut.open()));
            open = cut.open();
            prefix = String.join("", open);
            start = cut.pos();
            while (start < n && (html.charAt(start) == '\n' || html.charAt(start) == ' ')) start++;
            if (start >= n) return parts;
        }
    }

    private static String close(List<String> open) {
        StringBuilder sb = new StringBuilder();
        for (int i = open.size() - 1; i >= 0; i--) {
            String tag = open.get(i);
            int end = 1;
            while (end < tag.length() && Character.isLetterOrDigit(tag.charAt(end)) || end < tag.length() && tag.charAt(end) == '-') end++;
            sb.append("</").append(tag, 1, end).append('>');
        }
        return sb.toString();
    }

    private static int entityUnits(String entity) {
        if (entity.startsWith("&#x") || entity.startsWith("&#X")) {
            return Character.charCount(Integer.parseInt(entity.substring(3, entity.length() - 1), 16));
        }
        if (entity.startsWith("&#")) return Character.charCount(Integer.parseInt(entity.substring(2, entity.length() - 1)));
        return 1;
    }

    /** The length Telegram measures: UTF-16 units of the text once tags are removed and entities decoded. */
    public static int textLength(String html) {
        String text = HtmlTags.strip(html);
        return org.jsoup.parser.Parser.unescapeEntities(text, false).length();
    }
}
