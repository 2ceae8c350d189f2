package io.tidewatch.web;

import com.google.common.net.InetAddresses;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use the web pages, checked before every request (DESIGN.md, "HTTP surface"):
 * <ul>
 * <li>bound to loopback with no {@code TIDEWATCH_DASHBOARD_TOKEN}: open to this machine, and only
 *     under a loopback Host name (a DNS-rebinding page cannot borrow the browser);</li>
 * <li>a token set: {@code Authorization: Bearer TOKEN} or a session signed in with it;</li>
 * <li>bound beyond loopback with no token: every page is refused (only /healthz, /metrics and the
 *     static files answer), and the start-up log says why.</li>
 * </ul>
 * State-changing requests are refused when the browser says they come from another site
 * ({@code Sec-Fetch-Site}, {@code Origin}), and need the session's CSRF token unless they carry the
 * bearer token (which a browser never adds by itself) or come from a non-browser client on an
 * open loopback server.
 */
final class Access {
    enum Mode { OPEN, TOKEN, CLOSED }

    /** Who is asking: by bearer token, by a session (signed in or not), or nobody known. */
    record Caller(boolean bearer, Sessions.Session session) {
        boolean signedIn() { return bearer || (session != null && session.signedIn); }

        /** The name recorded in the audit log for what this caller does. */
        String moderator() {
            if (session != null && session.signedIn && session.moderator != null) return "web:" + session.moderator;
            return bearer ? "web:token" : "web";
        }
    }

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String CALLER = "tidewatch.caller";

    private final HttpAddress address;
    private final byte[] tokenDigest;
    private final Mode mode;
    private final Sessions sessions;
    private final SignInAttempts attempts;

    Access(HttpAddress address, String token, Sessions sessions, java.time.Clock clock) {
        this.attempts = new SignInAttempts(clock);
        this.address = address;
        boolean hasToken = token != null && !token.isBlank();
        this.tokenDigest = hasToken ? digest(token) : null;
        this.mode = hasToken ? Mode.TOKEN : address.loopback() ? Mode.OPEN : Mode.CLOSED;
        this.sessions = sessions;
    }

    Mode mode() { return mode; }

    HttpAddress address() { return address; }

    /** Runs before every request; throws {@link Refusal} to stop it. */
    void check(Context ctx) {
        securityHeaders(ctx);
        if (address.loopback() && !isLoopbackHost(ctx.header("Host"))) throw new Refusal(403, "access.host");
        String path = ctx.path();
        if (isPublic(path)) return;
        if (mode == Mode.CLOSED) throw new Refusal(403, "access.closed", Map.of("address", address.toString()));
        Caller caller = identify(ctx);
        if (mode == Mode.TOKEN && !caller.signedIn() && !path.equals("/login")) throw Refusal.signInNeeded();
        if (changesState(ctx)) {
            refuseCrossSite(ctx);
            requireCsrfToken(ctx, caller);
        }
        ctx.attribute(CALLER, caller);
    }

    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        return c == null ? new Caller(false, null) : c;
    }

    /**
     * Whether {@code token}, sent by this request's client, is the dashboard token (compared in constant
     * time). Throws a 429 {@link Refusal} while the client, or everyone, has used up its wrong attempts.
     */
    boolean isToken(Context ctx, String token) {
        if (tokenDigest == null) return false;
        attempts.checkAllowed(ctx.ip());
        boolean right = token != null && MessageDigest.isEqual(tokenDigest, digest(token));
        if (!right) attempts.wrong(ctx.ip());
        return right;
    }

    private Caller identify(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || !isToken(ctx, auth.substring(7).trim())) {
                throw Refusal.signInNeeded();
            }
            return new Caller(true, null);
        }
        return new Caller(false, sessions.current(ctx).orElse(null));
    }

    private static boolean isPublic(String path) {
        return path.equals("/healthz") || path.equals("/metrics") || path.startsWith("/static/");
    }

    private static boolean changesState(Context ctx) {
        HandlerType m = ctx.method();
        return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    }

    private static void refuseCrossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) throw new Refusal(403, "access.cross_site");
        String origin = ctx.header("Origin");
        if (origin != null && !sameAuthority(origin, ctx.header("Host"))) throw new Refusal(403, "access.cross_site");
    }

    private void requireCsrfToken(Context ctx, Caller caller) {
        if (caller.bearer()) return;
        String sent = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> formField(ctx, "csrf"));
        Sessions.Session session = caller.session();
        if (session != null && sent != null
                && MessageDigest.isEqual(session.csrf.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        // curl and scripts: no cookie to ride on, no browser headers, a JSON body no form can send
        boolean notABrowser = ctx.header("Cookie") == null && ctx.header("Origin") == null
                && ctx.header("Sec-Fetch-Site") == null && isJson(ctx.contentType());
        if (mode == Mode.OPEN && notABrowser) return;
        throw new Refusal(403, "access.csrf");
    }

    private static String formField(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return null;
        return ctx.formParam(name);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** The Origin's host[:port] against the Host header (scheme aside: TLS may end at a proxy). */
    static boolean sameAuthority(String origin, String host) {
        if (host == null) return false;
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) return false;
            String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
            String expected = host.toLowerCase(Locale.ROOT);
            return authority.equals(expected) || authority.equals(stripDefaultPort(expected, uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripDefaultPort(String host, String scheme) {
        if ("https".equalsIgnoreCase(scheme) && host.endsWith(":443")) return host.substring(0, host.length() - 4);
        if ("http".equalsIgnoreCase(scheme) && host.endsWith(":80")) return host.substring(0, host.length() - 3);
        return host;
    }

    /** A Host header naming this machine without DNS: localhost, *.localhost, or a loopback IP literal. */
    static boolean isLoopbackHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) return false;
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) return false;
            h = h.substring(1, end);
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        return InetAddresses.isInetAddress(h) && InetAddresses.forString(h).isLoopbackAddress();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin"); // "no-referrer" would make Chrome send "Origin: null" on form posts
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "no-store");
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
