package io.tidewatch.twitter;

import io.tidewatch.core.ConfigException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official account's OAuth 1.0a user-context credentials and the API's base URL, from the
 * environment only (DESIGN.md, "Configuration"). {@link #toString()} names which are set, never a value.
 */
public record TwitterCredentials(String apiKey, String apiSecret, String accessToken, String accessSecret, String apiUrl) {
    public static final String DEFAULT_API_URL = "https://api.x.com";
    public static final List<String> REQUIRED = List.of("TWITTER_API_KEY", "TWITTER_API_SECRET", "TWITTER_ACCESS_TOKEN",
            "TWITTER_ACCESS_SECRET");

    /**
     * The credentials when all four of {@link #REQUIRED} are set; empty when none is; an error naming
     * the missing ones when only some are (a half-configured account is a mistake, not "Twitter off").
     */
    public static Optional<TwitterCredentials> fromEnvironment(Map<String, String> env) {
        List<String> missing = REQUIRED.stream().filter(k -> blank(env.get(k))).toList();
        if (missing.size() == REQUIRED.size()) return Optional.empty();
        if (!missing.isEmpty()) {
            throw new ConfigException("Twitter: " + String.join(", ", missing) + " not set; set all four of "
                    + String.join(", ", REQUIRED) + " (the official account's OAuth 1.0a user tokens), or none");
        }
        return Optional.of(new TwitterCredentials(env.get("TWITTER_API_KEY").strip(), env.get("TWITTER_API_SECRET").strip(),
                env.get("TWITTER_ACCESS_TOKEN").strip(), env.get("TWITTER_ACCESS_SECRET").strip(),
                apiUrl(env.get("TWITTER_API_URL"))));
    }

    /** The base URL without a trailing slash; a version path ({@code /2}, {@code /1.1}) is refused. */
    static String apiUrl(String value) {
        if (blank(value)) return DEFAULT_API_URL;
        String url = value.strip().replaceAll("/+$", "");
        if (!url.matches("https?://[^/?#]+(/[^?#]*)?")) {
            throw new ConfigException("TWITTER_API_URL: '" + url + "' is not an http(s) URL such as " + DEFAULT_API_URL);
        }
        if (url.endsWith("/2") || url.endsWith("/1.1")) {
            throw new ConfigException("TWITTER_API_URL: give the base URL without a version path (e.g. " + DEFAULT_API_URL
                    + "); Tidewatch appends /2/…");
        }
        return url;
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    @Override
    public String toString() { return "TwitterCredentials[api key, api secret, access token, access secret: set; apiUrl=" + apiUrl + "]"; }
}
