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
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:\\b(?:https?|hxxps?)://|\\bwww\\.)[^\\s<>\"'()\\[\\]{}，。！？、；：（）【】「」《》\\p{IsHan}]+");
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
        Matcher m = mayHoldUrl(t) ? URL.matcher(t) : null;
        while (m != null && m.find()) {
            String raw = trimTrailingPunctuation(m.group());
            out.addAll(fromUrl(text.substring(m.start(), m.start() + raw.length()), m.start(), m.start() + raw.length()));
            taken.add(new int[]{m.start(), m.start() + raw.length()});
        }
        bareDomains(text, t, taken, out);
        if (t.indexOf('@') < 0) return out;
        m = HANDLE.matcher(t);
        while (m.find()) {
            if (inside(taken, m.start())) continue;
            out.add(new Link(Link.Kind.HANDLE, m.group(), null, m.group(1), m.start(), m.end()));
        }
        return out;
    }

    /**
     * Bare domains ("okx-support.com/login"): maximal runs of letters, digits, '-' and '.', scanned by
     * hand in linear time (a backtracking regex overflows the stack on "a.a.a.…"), kept when the
     * public suffix list knows the ending.
     */
    private static void bareDomains(String text, String t, List<int[]> taken, List<Link> out) {
        int n = t.length();
        int i = 0;
        while (i < n) {
            if (!hostChar(t.charAt(i)) || i > 0 && (hostChar(t.charAt(i - 1)) || "/:_".indexOf(t.charAt(i - 1)) >= 0)) { i++; continue; }
            int end = i;
            while (end < n && hostChar(t.charAt(end))) end++;
            int start = i;
            i = end;
            int hostEnd = end;
            while (hostEnd > start && (t.charAt(hostEnd - 1) == '.' || t.charAt(hostEnd - 1) == '-')) hostEnd--;
            boolean dotted = false;
            for (int k = start; k < hostEnd && !dotted; k++) dotted = t.charAt(k) == '.';
            if (hostEnd - start > 253 || !dotted || inside(taken, start)) continue;
            if (t.charAt(start) == '-' || t.charAt(start) == '.') continue;
            String host = t.substring(start, hostEnd);
            if (!plausibleHost(host) || HostName.parse(host).isEmpty()) continue;
            int linkEnd = hostEnd;
            String path = null;
            if (hostEnd == end && end < n && (t.charAt(end) == '/' || t.charAt(end) == ':')) {
                int p = end;
                while (p < n && !Character.isWhitespace(t.charAt(p)) && !stopsPath(t.charAt(p))) p++;
                String raw = trimTrailingPunctuation(t.substring(end, p));
                path = raw;
                linkEnd = end + raw.length();
                i = Math.max(i, linkEnd);
            }
            out.add(new Link(Link.Kind.DOMAIN, text.substring(start, linkEnd), asciiLower(host), null, start, linkEnd));
            taken.add(new int[]{start, linkEnd});
            if (path != null) accountOf(host, withoutPort(path), start, linkEnd, out);
        }
    }

    /** Whether the URL pattern can match at all: it needs "://" or "www."; most chat has neither. */
    private static boolean mayHoldUrl(String t) {
        if (t.contains("://")) return true;
        for (int i = t.indexOf('.', 3); i >= 0; i = t.indexOf('.', i + 1)) {
            if (t.regionMatches(true, i - 3, "www", 0, 3)) return true;
        }
        return false;
    }

    private static boolean hostChar(char c) {
        if (c == '-' || c == '.') return true;
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        // the common Han and Hangul blocks hold no host character; skips the Unicode lookups for them
        if (c >= 0x4E00 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7A3) return false;
        if (!Character.isLetterOrDigit(c)) return false;
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
    }

    private static boolean stopsPath(char c) {
        return "<>\"'，。！？（）【】「」《》".indexOf(c) >= 0 || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Labels of 1-63 characters without empty ones; the last is letters (or punycode), as TLDs are. */
    private static boolean plausibleHost(String host) {
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) return false;
        for (String l : labels) if (l.isEmpty() || l.length() > 63) return false;
        String tld = labels[labels.length - 1];
        if (tld.startsWith("xn--")) return true;
        if (tld.length() < 2) return false;
        for (int k = 0; k < tld.length(); k++) if (!Character.isLetter(tld.charAt(k))) return false;
        return true;
    }

    private static List<Link> fromUrl(String url, int start, int end) {
        List<Link> out = new ArrayList<>();
        String rest = Link.withoutScheme(url);
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

    /** ":8080/claim" → "/claim"; a path without a port is returned as it is. */
    private static String withoutPort(String path) {
        if (!path.startsWith(":")) return path;
        int i = 1;
        while (i < path.length() && path.charAt(i) >= '0' && path.charAt(i) <= '9') i++;
        return path.substring(i);
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
