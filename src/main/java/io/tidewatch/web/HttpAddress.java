package io.tidewatch.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where the HTTP surface listens ({@code --http HOST:PORT}); IPv6 hosts are written in brackets. */
public record HttpAddress(String host, int port) {
    public static final String DEFAULT = "127.0.0.1:8080";

    /** Parses {@code HOST:PORT} ({@code [::1]:8080} for IPv6); the error says what to write instead. */
    public static HttpAddress parse(String text) {
        String s = text == null ? "" : text.trim();
        int colon = s.lastIndexOf(':');
        String host = colon > 0 ? s.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(s.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || port < 0 || port > 65535 || (host.contains(":") && !s.startsWith("["))) {
            throw new IllegalArgumentException("--http " + text + ": write HOST:PORT, e.g. 127.0.0.1:8080, 0.0.0.0:8080 or [::1]:8080");
        }
        return new HttpAddress(host, port);
    }

    /** True when only this machine can connect: a loopback name or address (not 0.0.0.0). */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() { return (host.contains(":") ? "[" + host + "]" : host) + ":" + port; }
}
