package io.tidewatch.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import twitter4j.BooleanResponse;
import twitter4j.PaginationToken;
import twitter4j.RateLimitStatus;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterResponse;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.UsersResponse;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The X API v2, exactly as far as Tidewatch uses it: the authenticated account, its mentions, its own
 * tweets, posting (tweets, replies, DMs), hiding replies, blocking and muting, and DM events. Reads,
 * blocks and mutes go through the Twitter4J 4.0.7 + twitter4j-v2 pair; hiding, DMs and posting tweets
 * through {@link SignedJsonCalls} (signed by Twitter4J), where the pair fails or is unsafe; never v1.1.
 *
 * <p>Every call honours the endpoint's rate limit ({@link RateLimitGates}); 5xx answers and lost
 * connections are retried with {@link Backoff} when the call is safe to repeat (posts are not: a post
 * that may have happened is reported with {@link XApiException#maybeApplied()}); 401 and 403 are never
 * retried. Posts draw on the {@link PostBudget}.
 */
public final class XApi {
    private static final Logger log = LoggerFactory.getLogger(XApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TWEET_FIELDS = "author_id,conversation_id,created_at,entities,in_reply_to_user_id,lang,referenced_tweets";
    static final String TWEET_EXPANSIONS = "author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id";
    static final String USER_FIELDS = "name,username";
    static final String DM_EVENT_FIELDS = "id,text,event_type,created_at,dm_conversation_id,sender_id";
    private static final int PAGE_SIZE = 100;
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    static {
        // Twitter4J logs OAuth base strings (with the consumer key and access token) at debug level
        if (System.getProperty("twitter4j.loggerFactory") == null) {
            System.setProperty("twitter4j.loggerFactory", "twitter4j.NullLoggerFactory");
        }
    }

    /** The endpoints Tidewatch calls; {@code key} names one in logs, errors and rate-limit state. */
    enum Endpoint {
        ME("GET", "/2/users/me", true, null),
        MENTIONS("GET", "/2/users/:id/mentions", true, null),
        USER_TWEETS("GET", "/2/users/:id/tweets", true, null),
        CREATE_TWEET("POST", "/2/tweets", false, PostBudget.Kind.TWEET),
        HIDE_REPLY("PUT", "/2/tweets/:id/hidden", true, null),
        BLOCK("POST", "/2/users/:id/blocking", true, null),
        UNBLOCK("DELETE", "/2/users/:id/blocking/:target_user_id", true, null),
        MUTE("POST", "/2/users/:id/muting", true, null),
        UNMUTE("DELETE", "/2/users/:id/muting/:target_user_id", true, null),
        DM_EVENTS("GET", "/2/dm_events", true, null),
        SEND_DM("POST", "/2/dm_conversations/with/:participant_id/messages", false, PostBudget.Kind.DM);

        final String key;
        /** Safe to send twice: the second has the same effect as the first. */
        final boolean idempotent;
        final PostBudget.Kind post;

        Endpoint(String method, String path, boolean idempotent, PostBudget.Kind post) {
            this.key = method + " " + path;
            this.idempotent = idempotent;
            this.post = post;
        }
    }

    private final TwitterV2 v2;
    private final SignedJsonCalls signed;
    private final PostBudget budget;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;
    private final Clock clock;
    private final RateLimitGates gates = new RateLimitGates();
    private volatile XUser me;

    public XApi(TwitterV2 v2, SignedJsonCalls signed, PostBudget budget, Backoff backoff, Backoff.Sleeper sleeper, Clock clock) {
        this.v2 = v2;
        this.signed = signed;
        this.budget = budget;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The usual assembly: Twitter4J with the credentials, v2 at {@code apiUrl/2/}, the JDK client for the rest. */
    public static XApi connect(TwitterCredentials credentials, PostBudget budget, Backoff backoff, Backoff.Sleeper sleeper,
                               Clock clock) {
        Configuration conf = new ConfigurationBuilder()
                .setOAuthConsumerKey(credentials.apiKey())
                .setOAuthConsumerSecret(credentials.apiSecret())
                .setOAuthAccessToken(credentials.accessToken())
                .setOAuthAccessTokenSecret(credentials.accessSecret())
                // never called (v1.1 is retired); set so that configurations for different servers differ,
                // because twitter4j-v2 keeps the v2 base URL in a map keyed by an equal Configuration
                .setRestBaseURL(credentials.apiUrl() + "/1.1/")
                .setHttpRetryCount(0)
                .setHttpConnectionTimeout(10_000)
                .setHttpReadTimeout(30_000)
                .setJSONStoreEnabled(false)
                .setDebugEnabled(false)
                .build();
        Twitter twitter = new TwitterFactory(conf).getInstance();
        V2ConfigurationKt.getV2Configuration(twitter.getConfiguration()).setBaseURL(credentials.apiUrl() + "/2/");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        SignedJsonCalls signed = new SignedJsonCalls(twitter.getAuthorization(), credentials.apiUrl(), http, Duration.ofSeconds(30));
        return new XApi(TwitterV2ExKt.getV2(twitter), signed, budget, backoff, sleeper, clock);
    }

    // ---- reading -------------------------------------------------------------------------

    /** The authenticated account (the official one); asked once, then remembered. */
    public XUser me() throws XApiException {
        XUser known = me;
        if (known != null) return known;
        UsersResponse r = call(Endpoint.ME, () -> v2.getMe("pinned_tweet_id", null, USER_FIELDS));
        if (r.getUsers().isEmpty()) throw rejected(Endpoint.ME, 200, "the answer holds no user", null);
        var u = r.getUsers().get(0);
        me = new XUser(String.valueOf(u.getId()), u.getScreenName(), u.getName());
        return me;
    }

    /** One page of the account's mentions newer than {@code sinceId} (null: the latest page), newest first. */
    public XPage<XTweet> mentions(String sinceId, String paginationToken) throws XApiException {
        long id = Long.parseLong(me().id());
        return V2Pages.tweets(call(Endpoint.MENTIONS, () -> v2.getUserMentions(id, null, TWEET_EXPANSIONS, PAGE_SIZE, null,
                token(paginationToken), null, null, sinceId == null ? null : Long.parseLong(sinceId), null, TWEET_FIELDS, null,
                USER_FIELDS)));
    }

    /**
     * Every mention newer than {@code sinceId}, newest first, following the pages up to {@code maxPages};
     * the result's {@code nextToken} is non-null when older ones were left unread.
     */
    public XPage<XTweet> mentionsSince(String sinceId, int maxPages) throws XApiException {
        List<XTweet> items = new ArrayList<>();
        Map<String, XUser> users = new LinkedHashMap<>();
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            XPage<XTweet> p = mentions(sinceId, token);
            items.addAll(p.items());
            users.putAll(p.users());
            token = p.nextToken();
            if (token == null) break;
        }
        return new XPage<>(items, users, token);
    }

    /** One page of a user's own tweets (replies included, retweets not) since {@code startTime}, newest first. */
    public XPage<XTweet> userTweets(String userId, Instant startTime, String paginationToken) throws XApiException {
        long id = Long.parseLong(userId);
        return V2Pages.tweets(call(Endpoint.USER_TWEETS, () -> v2.getUserTweets(id, null, "retweets", TWEET_EXPANSIONS, PAGE_SIZE,
                null, token(paginationToken), null, null, null, startTime == null ? null : Date.from(startTime), TWEET_FIELDS,
                null, USER_FIELDS)));
    }

    /** One page of DM events (sent and received, last 30 days), newest first, with the senders. */
    public XPage<XDmEvent> dmEvents(String paginationToken) throws XApiException {
        Map<String, String> query = SignedJsonCalls.query("dm_event.fields", DM_EVENT_FIELDS, "event_types", "MessageCreate",
                "expansions", "sender_id", "user.fields", USER_FIELDS, "max_results", String.valueOf(PAGE_SIZE),
                "pagination_token", paginationToken);
        SignedJsonCalls.Response r = signedCall(Endpoint.DM_EVENTS, "GET", "/2/dm_events", query, null);
        return V2Pages.dmEvents(parse(Endpoint.DM_EVENTS, r));
    }

    /**
     * DM events newer than {@code afterId} (event ids grow with time), newest first, reading older pages
     * until one reaches {@code afterId} or {@code maxPages} were read; null {@code afterId} reads one page.
     */
    public XPage<XDmEvent> dmEventsSince(String afterId, int maxPages) throws XApiException {
        List<XDmEvent> items = new ArrayList<>();
        Map<String, XUser> users = new LinkedHashMap<>();
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            XPage<XDmEvent> p = dmEvents(token);
            boolean reached = false;
            for (XDmEvent e : p.items()) {
                if (afterId != null && Long.parseLong(e.id()) <= Long.parseLong(afterId)) {
                    reached = true;
                    continue;
                }
                items.add(e);
            }
            users.putAll(p.users());
            token = p.nextToken();
            if (reached || token == null || afterId == null) return new XPage<>(items, users, reached ? null : token);
        }
        return new XPage<>(items, users, token);
    }

    // ---- acting --------------------------------------------------------------------------

    /**
     * Posts a tweet, as a reply when {@code inReplyToId} is given; returns the new tweet's id. Sent with
     * the JDK client, not the pair's {@code createTweet}: under Twitter4J, HttpURLConnection silently
     * sends a POST again when its connection breaks (sun.net.http.retryPost), which posts a tweet twice.
     */
    public String createTweet(String text, String inReplyToId) throws XApiException {
        return createTweet(text, inReplyToId, PostBudget.Purpose.LEAK_WARNING);
    }

    /** Posts a tweet for {@code purpose}: when the month's posts run low, the less important ones are held back. */
    public String createTweet(String text, String inReplyToId, PostBudget.Purpose purpose) throws XApiException {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        if (inReplyToId != null) body.putObject("reply").put("in_reply_to_tweet_id", String.valueOf(Long.parseLong(inReplyToId)));
        SignedJsonCalls.Response r = signedCall(Endpoint.CREATE_TWEET, purpose, "POST", "/2/tweets", Map.of(), body.toString());
        String id = parse(Endpoint.CREATE_TWEET, r).path("data").path("id").asText("");
        if (id.isEmpty()) throw rejected(Endpoint.CREATE_TWEET, r.status(), "answered without a tweet id", null);
        return id;
    }

    /** Hides (or shows again) a reply in a conversation the account started. */
    public void setHidden(String tweetId, boolean hidden) throws XApiException {
        ObjectNode body = JSON.createObjectNode().put("hidden", hidden);
        parse(Endpoint.HIDE_REPLY, signedCall(Endpoint.HIDE_REPLY, "PUT", "/2/tweets/" + Long.parseLong(tweetId) + "/hidden",
                Map.of(), body.toString()));
    }

    public void block(String userId) throws XApiException {
        long source = Long.parseLong(me().id());
        long target = Long.parseLong(userId);
        BooleanResponse ignored = call(Endpoint.BLOCK, () -> v2.blockUser(source, target));
    }

    public void unblock(String userId) throws XApiException {
        long source = Long.parseLong(me().id());
        long target = Long.parseLong(userId);
        BooleanResponse ignored = call(Endpoint.UNBLOCK, () -> v2.unblockUser(source, target));
    }

    public void mute(String userId) throws XApiException {
        long source = Long.parseLong(me().id());
        long target = Long.parseLong(userId);
        BooleanResponse ignored = call(Endpoint.MUTE, () -> v2.muteUser(source, target));
    }

    public void unmute(String userId) throws XApiException {
        long source = Long.parseLong(me().id());
        long target = Long.parseLong(userId);
        BooleanResponse ignored = call(Endpoint.UNMUTE, () -> v2.unmuteUser(source, target));
    }

    /** Sends a direct message to {@code userId}; returns the new DM event's id. */
    public String sendDm(String userId, String text) throws XApiException {
        return sendDm(userId, text, PostBudget.Purpose.LEAK_WARNING);
    }

    /** Sends a direct message for {@code purpose}: when the day's DMs run low, the less important ones are held back. */
    public String sendDm(String userId, String text, PostBudget.Purpose purpose) throws XApiException {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        SignedJsonCalls.Response r = signedCall(Endpoint.SEND_DM, purpose, "POST",
                "/2/dm_conversations/with/" + Long.parseLong(userId) + "/messages", Map.of(), body.toString());
        return parse(Endpoint.SEND_DM, r).path("data").path("dm_event_id").asText();
    }

    /** When {@code endpoint} (e.g. "GET /2/users/:id/mentions") may be called again, if it is closed now. */
    public Optional<Instant> closedUntil(String endpoint) { return gates.closedAt(endpoint, clock.instant()); }

    // ---- one call, its limits and its retries ---------------------------------------------

    @FunctionalInterface
    private interface Twitter4jCall<T extends TwitterResponse> {
        T run() throws TwitterException;
    }

    private <T extends TwitterResponse> T call(Endpoint e, Twitter4jCall<T> call) throws XApiException {
        return attempt(e, null, () -> {
            try {
                T r = call.run();
                RateLimitStatus s = r.getRateLimitStatus();
                return new Outcome<>(r, 200, s == null ? null : s.getRemaining(), s == null ? null : (long) s.getResetTimeInSeconds(),
                        null, false, null);
            } catch (TwitterException te) {
                if (te.getStatusCode() <= 0 || te.isCausedByNetworkIssue()) {
                    return new Outcome<>(null, 0, null, null, null, !(te.getCause() instanceof ConnectException), te);
                }
                RateLimitStatus s = te.getRateLimitStatus();
                Long reset = s != null ? Long.valueOf(s.getResetTimeInSeconds()) : epoch(te.getResponseHeader("x-rate-limit-reset"));
                return new Outcome<>(null, te.getStatusCode(), s == null ? null : s.getRemaining(), reset,
                        jsonIn(te.getMessage()), false, te);
            }
        });
    }

    private SignedJsonCalls.Response signedCall(Endpoint e, String method, String path, Map<String, String> query, String body)
            throws XApiException {
        return signedCall(e, null, method, path, query, body);
    }

    private SignedJsonCalls.Response signedCall(Endpoint e, PostBudget.Purpose purpose, String method, String path,
                                                Map<String, String> query, String body) throws XApiException {
        return attempt(e, purpose, () -> {
            try {
                SignedJsonCalls.Response r = signed.call(method, path, query, body);
                Integer remaining = r.header("x-rate-limit-remaining") == null ? null : Integer.valueOf(r.header("x-rate-limit-remaining"));
                return new Outcome<>(r, r.status(), remaining, epoch(r.header("x-rate-limit-reset")),
                        r.status() >= 300 ? r.body() : null, false, null);
            } catch (IOException io) {
                return new Outcome<>(null, 0, null, null, null, !(io instanceof ConnectException), io);
            }
        });
    }

    /** What one try produced: a value (status 2xx) or a failure; {@code sent} when a lost answer may hide a success. */
    private record Outcome<T>(T value, int status, Integer remaining, Long resetEpoch, String errorBody, boolean sent,
                              Exception cause) {
        boolean ok() { return status >= 200 && status < 300; }
    }

    @FunctionalInterface
    private interface Try<T> {
        Outcome<T> run() throws InterruptedException;
    }

    private <T> T attempt(Endpoint e, PostBudget.Purpose purpose, Try<T> once) throws XApiException {
        Optional<Instant> closed = gates.closedAt(e.key, clock.instant());
        if (closed.isPresent()) {
            throw new XApiException(XApiException.Kind.RATE_LIMITED, e.key, 429, e.key + ": rate limit reached; not called again before "
                    + closed.get(), null, closed.get(), false, null);
        }
        if (e.post != null && !budget.tryTake(e.post, purpose == null ? PostBudget.Purpose.LEAK_WARNING : purpose)) {
            throw new XApiException(XApiException.Kind.BUDGET_EXHAUSTED, e.key, 0, e.key + ": the API tier's "
                    + (e.post == PostBudget.Kind.TWEET ? "monthly post" : "daily DM") + " cap is reached (or what is left is kept"
                    + " for more important posts); nothing was sent", null, null, false, null);
        }
        boolean giveBack = e.post != null;
        try {
            for (int attempt = 1; ; attempt++) {
                long started = System.nanoTime();
                Outcome<T> o = once.run();
                observe(e, o, started);
                if (o.resetEpoch() != null && o.remaining() != null && o.remaining() <= 0) {
                    gates.closeUntil(e.key, Instant.ofEpochSecond(o.resetEpoch()));
                }
                if (o.ok()) {
                    giveBack = false;
                    return o.value();
                }
                boolean transient5xx = o.status() >= 500 || o.status() == 0;
                if (transient5xx && e.idempotent && attempt < backoff.maxAttempts()) {
                    Duration wait = backoff.delay(attempt);
                    log.warn("{}: {} (try {} of {}); trying again in {} ms", e.key, o.status() == 0 ? "no answer" : o.status(),
                            attempt, backoff.maxAttempts(), wait.toMillis());
                    sleeper.sleep(wait);
                    continue;
                }
                if (transient5xx && !e.idempotent && (o.status() >= 500 || o.sent())) giveBack = false;
                throw failure(e, o);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            giveBack = false; // the call may have been under way
            throw new XApiException(XApiException.Kind.NETWORK, e.key, 0, e.key + ": interrupted", null, null, !e.idempotent, ie);
        } finally {
            if (giveBack) budget.giveBack(e.post);
        }
    }

    private volatile io.tidewatch.metrics.Metrics metrics;

    /** Counts every call, error and 429 into {@code metrics} (by endpoint name, never ids). */
    public void observe(io.tidewatch.metrics.Metrics metrics) { this.metrics = metrics; }

    private void observe(Endpoint e, Outcome<?> o, long started) {
        var m = metrics;
        if (m == null) return;
        m.platformCall(io.tidewatch.core.Platform.TWITTER, e.key, Duration.ofNanos(System.nanoTime() - started));
        if (o.status() == 429) m.platformRateLimited(io.tidewatch.core.Platform.TWITTER, e.key);
        else if (!o.ok()) m.platformError(io.tidewatch.core.Platform.TWITTER, e.key);
    }

    private XApiException failure(Endpoint e, Outcome<?> o) {
        String detail = detail(o.errorBody());
        String reason = detail == null ? "" : ": " + detail;
        int status = o.status();
        if (status == 429) {
            Instant until = o.resetEpoch() != null ? Instant.ofEpochSecond(o.resetEpoch()) : clock.instant().plus(DEFAULT_WINDOW);
            gates.closeUntil(e.key, until);
            log.warn("{}: 429 Too Many Requests; closed until {}", e.key, until);
            return new XApiException(XApiException.Kind.RATE_LIMITED, e.key, 429, e.key + ": 429 Too Many Requests; not called again"
                    + " before " + until, detail, until, false, null);
        }
        if (status == 401) {
            return new XApiException(XApiException.Kind.UNAUTHORIZED, e.key, 401, e.key + ": 401 Unauthorized" + reason
                    + ". Check TWITTER_API_KEY, TWITTER_API_SECRET, TWITTER_ACCESS_TOKEN and TWITTER_ACCESS_SECRET (the official"
                    + " account's OAuth 1.0a user tokens; regenerate the access token after changing the app's permissions)",
                    detail, null, false, null);
        }
        if (status == 403) {
            return new XApiException(XApiException.Kind.FORBIDDEN, e.key, 403, e.key + ": 403 Forbidden" + reason
                    + " (if every post is refused: give the app Read and Write and Direct Messages permission, regenerate the"
                    + " access token, and check that the API tier includes this endpoint)", detail, null, false, null);
        }
        if (status >= 500) {
            return new XApiException(XApiException.Kind.SERVER, e.key, status, e.key + ": " + status + " from the X API" + reason
                    + (e.idempotent ? " (after " + backoff.maxAttempts() + " tries)" : "; it may have been applied: look before repeating it"),
                    detail, null, !e.idempotent, null);
        }
        if (status == 0) {
            return new XApiException(XApiException.Kind.NETWORK, e.key, 0, e.key + ": no answer from the X API ("
                    + (o.cause() == null ? "?" : o.cause().getClass().getSimpleName()) + ")"
                    + (e.idempotent ? " after " + backoff.maxAttempts() + " tries" : o.sent() ? "; it may have been applied" : ""),
                    null, null, !e.idempotent && o.sent(), null);
        }
        return rejected(e, status, "refused" + reason, detail);
    }

    private static XApiException rejected(Endpoint e, int status, String what, String detail) {
        return new XApiException(XApiException.Kind.REJECTED, e.key, status, e.key + ": " + status + " " + what, detail, null, false, null);
    }

    private JsonNode parse(Endpoint e, SignedJsonCalls.Response r) throws XApiException {
        try {
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException ex) {
            throw rejected(e, r.status(), "answered with something that is not JSON", null);
        }
    }

    /** The API's reason from an error body: v2 {@code detail}/{@code title}, or v1.1-style {@code errors[0].message}. */
    static String detail(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode n = JSON.readTree(body);
            if (n.hasNonNull("detail")) return n.get("detail").asText();
            if (n.path("errors").path(0).hasNonNull("message")) return n.path("errors").path(0).get("message").asText();
            if (n.path("errors").path(0).hasNonNull("detail")) return n.path("errors").path(0).get("detail").asText();
            if (n.hasNonNull("title")) return n.get("title").asText();
        } catch (IOException ignored) {
            // not JSON: no detail
        }
        return null;
    }

    /** Twitter4J puts the response body into its exception message; the JSON object in it, if any. */
    private static String jsonIn(String message) {
        if (message == null) return null;
        int start = message.indexOf('{');
        int end = message.lastIndexOf('}');
        return start >= 0 && end > start ? message.substring(start, end + 1) : null;
    }

    private static Long epoch(String header) {
        if (header == null) return null;
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static PaginationToken token(String value) { return value == null ? null : new PaginationToken(value); }
}
