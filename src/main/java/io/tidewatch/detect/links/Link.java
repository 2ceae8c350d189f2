package io.tidewatch.detect.links;

/**
 * A link found in a post: a URL, a bare domain, or an {@code @handle} (also the account of a
 * {@code t.me/name} link).
 *
 * @param host   for URL and DOMAIN: the host in lower-case ASCII (punycode); for HANDLE: null
 * @param handle for HANDLE: the account name without '@'
 * @param start  UTF-16 offset in the post's text, or -1 when it came from the post's link list
 */
public record Link(Kind kind, String raw, String host, String handle, int start, int end) {
    public enum Kind { URL, DOMAIN, HANDLE }

    /** What follows the host ("/login?x=1", ":8080/claim"), or "" when nothing does. */
    public String path() {
        if (kind == Kind.HANDLE || raw == null) return "";
        String rest = withoutScheme(raw);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') return rest.substring(i);
        }
        return "";
    }

    /** The URL without a leading "http://", "https://" or defanged "hxxp(s)://", in any case. */
    static String withoutScheme(String url) {
        for (String scheme : SCHEMES) {
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) return url.substring(scheme.length());
        }
        return url;
    }

    private static final String[] SCHEMES = {"https://", "http://", "hxxps://", "hxxp://"};
}
