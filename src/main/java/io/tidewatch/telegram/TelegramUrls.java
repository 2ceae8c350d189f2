package io.tidewatch.telegram;

import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;

/** Turns {@code TELEGRAM_API_URL} ("http://127.0.0.1:8081") into the library's {@link TelegramUrl}. */
public final class TelegramUrls {
    private TelegramUrls() {}

    public static TelegramUrl parse(String url) {
        if (url == null || url.isBlank()) return TelegramUrl.DEFAULT_URL;
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://host[:port], got " + url);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must not have a path (the client adds /bot<token>/method)");
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
