package io.tidewatch.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions of the web pages, in memory: a random id in an HttpOnly, SameSite=Strict cookie,
 * a CSRF token per session, whether the session signed in with the dashboard token, and one notice
 * to show on the next page. A sign-in gets a new id (no fixation). Bounded: the oldest go first.
 */
final class Sessions {
    static final String COOKIE = "tidewatch_session";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 10_000;

    static final class Session {
        final String id;
        final String csrf;
        final boolean signedIn;
        final String moderator;
        final Instant expires;
        volatile String notice;

        private Session(String id, String csrf, boolean signedIn, String moderator, Instant expires) {
            this.id = id;
            this.csrf = csrf;
            this.signedIn = signedIn;
            this.moderator = moderator;
            this.expires = expires;
        }

        /** The notice left for this page view, once. */
        String takeNotice() {
            String n = notice;
            notice = null;
            return n;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Session> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) { return size() > MAX_SESSIONS; }
    };

    Sessions(Clock clock) { this.clock = clock; }

    /** The request's live session, if its cookie names one. */
    synchronized Optional<Session> current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        if (s.expires.isBefore(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The request's session, starting one (and setting its cookie) when there is none. */
    synchronized Session ensure(Context ctx) {
        return current(ctx).orElseGet(() -> start(ctx, false, null));
    }

    /** Signs the browser in: a new session id and CSRF token replace the old ones. */
    synchronized Session signIn(Context ctx, String moderator) {
        current(ctx).ifPresent(s -> byId.remove(s.id));
        return start(ctx, true, moderator);
    }

    synchronized void signOut(Context ctx) {
        current(ctx).ifPresent(s -> byId.remove(s.id));
        ctx.cookie(cookie(ctx, "", 0));
    }

    private Session start(Context ctx, boolean signedIn, String moderator) {
        Session s = new Session(token(), token(), signedIn, moderator, clock.instant().plus(LIFETIME));
        byId.put(s.id, s);
        ctx.cookie(cookie(ctx, s.id, -1));
        return s;
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme());
        return new Cookie(COOKIE, value, "/", maxAge, https, true, null, SameSite.STRICT);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
