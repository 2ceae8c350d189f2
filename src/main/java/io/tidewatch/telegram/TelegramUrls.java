package io.tidewatch.telegram;

import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Turns {@code TELEGRAM_API_URL} ("http://127.0.0.1:8081") into the library's {@link TelegramUrl}. */
public final class TelegramUrls {
    private TelegramUrls() {}

    /**
     * Parses the variable's value. Errors say what is wrong and never repeat the value: a bot token
     * pasted into the wrong variable must not end up on the console or in a log.
     */
    public static TelegramUrl parse(String url) {
        if (url == null || url.isBlank()) return TelegramUrl.DEFAULT_URL;
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + "); expected http(s)://host[:port]");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must start with http:// or https:// (expected http(s)://host[:port])");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL has no host name (expected http(s)://host[:port])");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must not contain a user name or password (expected http(s)://host[:port])");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must not have a path (the client adds /bot<token>/method)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must not have a query or fragment (expected http(s)://host[:port])");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    /** The bot's numeric id: the part of the token before ':' (not secret; used to key stored offsets). */
    public static String botId(String token) {
        int colon = token.indexOf(':');
        String id = colon > 0 ? token.substring(0, colon) : "";
        return id.matches("\\d+") ? id : "bot";
    }
}
