package io.tidewatch.detect.links;

import io.tidewatch.core.Post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URLs, bare domains and {@code @handles} in a post's text and in its link list (Telegram
 * {@code text_link} entities, expanded tweet URLs). {@code t.me/name} and {@code x.com/name} links
 * also yield the account they point to. Ideographic full stops ("okx。com") count as dots.
 */
public final class LinkExtractor {
    private static final String WORD = "[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]]";
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:\\b(?:https?|hxxps?)://|\\bwww\\.)[^\\s<>\"'()\\[\\]{}，。！？、；：（）【】「」《》\\p{IsHan}]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?<![._/:\\-]|" + WORD + ")((?:" + WORD + "(?:[\\-" + WORD.substring(1, WORD.length() - 1) + "]{0,62})\\.)+"
                    + "(?:xn--[a-z0-9\\-]{1,59}|\\p{L}{2,24}))(?![\\-]|" + WORD + ")(?::\\d{1,5})?(/[^\\s<>\"'，。！？（）【】\\p{IsHan}]*)?");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@([\\p{L}\\p{N}_]{3,32})(?![\\p{L}\\p{N}_.@])");
    private static final Set<String> TELEGRAM_HOSTS = Set.of("t.me", "telegram.me", "telegram.dog");
    private static final Set<String> TWITTER_HOSTS = Set.of("x.com", "twitter.com", "mobile.twitter.com", "www.twitter.com", "www.x.com");
    private static final Set<String> NOT_ACCOUNTS = Set.of("joinchat", "s", "c", "addstickers", "addemoji", "share",
            "proxy", "socks", "iv", "i", "intent", "home", "search", "hashtag", "explore", "settings", "login", "bot");

    public List<Link> extract(Post post) {
        List<Link> links = extract(post.text());
        for (String url : post.links()) links.addAll(fromUrl(url, -1, -1));
        return links;
    }

    public List<Link> extract(String text) {
        List<Link> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        String t = text.replace('。', '.').replace('｡', '.').replace('．', '.');
        List<int[]> taken = new ArrayList<>();
        Matcher m = URL.matcher(t);
        while (m.find()) {
            String raw = trimTrailingPunctuation(m.group());
            out.addAll(fromUrl(text.substring(m.start(), m.start() + raw.length()), m.start(), m.start() + raw.length()));
            taken.add(new int[]{m.start(), m.start() + raw.length()});
        }
        m = DOMAIN.matcher(t);
        while (m.find()) {
            if (inside(taken, m.start())) continue;
            String host = m.group(1);
            String raw = trimTrailingPunctuation(m.group());
            out.add(new Link(Link.Kind.DOMAIN, text.substring(m.start(), m.start() + raw.length()), asciiLower(host), null,
                    m.start(), m.start() + raw.length()));
            taken.add(new int[]{m.start(), m.end()});
            String path = m.group(2);
            if (path != null) accountOf(host, path, m.start(), m.start() + raw.length(), out);
        }
        m = HANDLE.matcher(t);
        while (m.find()) {
            if (inside(taken, m.start())) continue;
            out.add(new Link(Link.Kind.HANDLE, m.group(), null, m.group(1), m.start(), m.end()));
        }
        return out;
    }

    private static List<Link> fromUrl(String url, int start, int end) {
        List<Link> out = new ArrayList<>();
        String rest = url.replaceFirst("(?i)^(?:https?|hxxps?)://", "");
        int cut = indexOfAny(rest, "/?#");
        String authority = cut < 0 ? rest : rest.substring(0, cut);
        String path = cut < 0 ? "" : rest.substring(cut);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) authority = authority.substring(0, colon);
        if (authority.isEmpty()) return out;
        out.add(new Link(Link.Kind.URL, url, asciiLower(authority), null, start, end));
        accountOf(authority, path, start, end, out);
        return out;
    }

    private static void accountOf(String host, String path, int start, int end, List<Link> out) {
        String h = host.toLowerCase(Locale.ROOT);
        if (!TELEGRAM_HOSTS.contains(h) && !TWITTER_HOSTS.contains(h)) return;
        String p = path.startsWith("/") ? path.substring(1) : path;
        int cut = indexOfAny(p, "/?#");
        String first = cut < 0 ? p : p.substring(0, cut);
        if (first.isEmpty() || first.startsWith("+") || NOT_ACCOUNTS.contains(first.toLowerCase(Locale.ROOT))) return;
        if (!first.matches("[\\p{L}\\p{N}_]{3,32}")) return;
        out.add(new Link(Link.Kind.HANDLE, host + "/" + first, null, first, start, end));
    }

    private static String asciiLower(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    private static String trimTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?)]}>'\"".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(0, end);
    }

    private static boolean inside(List<int[]> spans, int pos) {
        for (int[] s : spans) if (pos >= s[0] && pos < s[1]) return true;
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
