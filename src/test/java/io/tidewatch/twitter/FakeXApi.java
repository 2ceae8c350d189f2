package io.tidewatch.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.net.PercentEscaper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tidewatch.core.TweetLength;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The X API v2 on 127.0.0.1 for tests, as strict as the real one where Tidewatch depends on it: every
 * request must carry a valid OAuth 1.0a user-context header (HMAC-SHA1 over method, URL and query, with
 * the consumer key and access token below), else 401; acting for another account is 403; unknown paths
 * (and all of v1.1) are refused. It answers in the real v2 JSON (string ids, {@code data}/{@code includes}/
 * {@code meta}, t.co links with {@code entities.urls}, created_at with milliseconds), sends the
 * {@code x-rate-limit-*} headers, and records every call. Tests script failures per endpoint.
 */
final class FakeXApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONSUMER_KEY = "xvz1evFS4wEEPTGEFPHBog";
    static final String CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    static final String ACCESS_TOKEN = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    static final String ACCESS_SECRET = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final PercentEscaper RFC3986 = new PercentEscaper("-._~", false);
    private static final Pattern HEADER_PARAM = Pattern.compile("\\s*([A-Za-z_]+)=\"([^\"]*)\"\\s*");

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request as it arrived and how it was answered. */
    record Call(String method, String path, Map<String, String> query, String authorization, String body, int status) {
        /** "METHOD /2/users/:id/mentions": the endpoint, ids replaced by their parameter names. */
        String endpoint() { return method + " " + route(path); }

        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        /** Everything the request carried, to search for things that must never be sent. */
        String everything() { return method + " " + path + " " + query + " " + authorization + " " + body; }
    }

    record User(String id, String username, String name) {}

    /** {@code text} as the API shows it (t.co links, HTML-escaped); {@code posted} as it was written. */
    record Tweet(String id, String authorId, String text, String posted, Instant createdAt, String lang, String conversationId,
                 String inReplyToUserId, String repliedTo, List<String[]> urls) {}

    record DmEvent(String id, String senderId, String conversationId, String text, Instant createdAt) {}

    /** A scripted answer in place of the real one. */
    record Failure(int status, Map<String, String> headers, String body, boolean dropConnection, boolean afterApplying) {
        Failure(int status, Map<String, String> headers, String body, boolean dropConnection) {
            this(status, headers, body, dropConnection, false);
        }
    }

    private final HttpServer server;
    private final Supplier<Instant> clock;
    private final AtomicLong ids = new AtomicLong(1_860_000_000_000_000_000L);
    private final User owner;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Tweet> tweets = new LinkedHashMap<>();
    private final List<DmEvent> dmEvents = new ArrayList<>();
    private final Map<String, Boolean> hidden = new HashMap<>();
    private final Set<String> blocked = new LinkedHashSet<>();
    private final Set<String> muted = new LinkedHashSet<>();
    private final Set<String> closedDms = new LinkedHashSet<>();
    /** For measurements: when a tweet was first served in a mentions page, and when the account's reply to it arrived (System.nanoTime). */
    private final Map<String, Long> served = new HashMap<>();
    private final Map<String, Long> answered = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<String, long[]> limits = new HashMap<>();
    private int pageSize = 100;

    FakeXApi(Supplier<Instant> clock) throws IOException {
        this.clock = clock;
        this.owner = new User("900000001", "ExampleEx", "Example Exchange");
        users.put(owner.id(), owner);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            try (ex) {
                handle(ex);
            }
        });
        server.start();
    }

    FakeXApi() throws IOException { this(Instant::now); }

    /** TWITTER_API_URL: the base without a version path. */
    String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    User owner() { return owner; }

    @Override
    public void close() { server.stop(0); }

    // ---- seeding -------------------------------------------------------------------------

    synchronized User user(String id, String username, String name) {
        User u = new User(id, username, name);
        users.put(id, u);
        return u;
    }

    /** A tweet by {@code authorId}, replying to {@code replyTo} (or null); URLs become t.co links. */
    synchronized String tweet(String authorId, String text, String replyTo, String lang) {
        String id = String.valueOf(ids.incrementAndGet());
        Tweet parent = replyTo == null ? null : tweets.get(replyTo);
        List<String[]> urls = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        int pos = 0;
        for (TweetLength.Url u : TweetLength.urls(text)) {
            shown.append(text, pos, u.start());
            String tco = "https://t.co/" + Long.toString(ids.incrementAndGet() % 100_000_000_000L, 36);
            int start = shown.codePointCount(0, shown.length());
            shown.append(tco);
            String expanded = u.url().contains("://") ? u.url() : "http://" + u.url();
            urls.add(new String[]{String.valueOf(start), String.valueOf(start + tco.length()), tco, expanded});
            pos = u.end();
        }
        shown.append(text.substring(pos));
        String escaped = shown.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        tweets.put(id, new Tweet(id, authorId, escaped, text, clock.get(), lang, parent == null ? id : parent.conversationId(),
                parent == null ? null : parent.authorId(), replyTo, urls));
        return id;
    }

    synchronized String dm(String senderId, String text) {
        String id = String.valueOf(ids.incrementAndGet());
        String a = senderId.compareTo(owner.id()) < 0 ? senderId : owner.id();
        String b = a.equals(senderId) ? owner.id() : senderId;
        dmEvents.add(new DmEvent(id, senderId, a + "-" + b, text, clock.get()));
        return id;
    }

    synchronized void pageSize(int n) { this.pageSize = n; }

    /** {@code userId} accepts no DMs from the official account (X answers 403, as to most people who do not follow it). */
    synchronized void closeDms(String userId) { closedDms.add(userId); }

    // ---- scripting -----------------------------------------------------------------------

    /** The next {@code times} calls to {@code endpoint} (e.g. "GET /2/users/:id/mentions") get {@code status}. */
    synchronized void fail(String endpoint, int status, int times) {
        String title = switch (status) {
            case 400 -> "Invalid Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found Error";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            default -> "Service Unavailable";
        };
        for (int i = 0; i < times; i++) {
            failures.computeIfAbsent(endpoint, k -> new ArrayDeque<>()).add(new Failure(status, Map.of(), error(status, title, title), false));
        }
    }

    /** The next {@code times} calls to {@code endpoint} get X's 403 for an app without the needed permissions. */
    synchronized void refuseApp(String endpoint, int times) {
        for (int i = 0; i < times; i++) {
            failures.computeIfAbsent(endpoint, k -> new ArrayDeque<>()).add(new Failure(403, Map.of(), error(403, "Forbidden",
                    "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint."), false));
        }
    }

    /** The next call to {@code endpoint} gets 429 Too Many Requests until {@code reset}. */
    synchronized void rateLimit(String endpoint, Instant reset) {
        failures.computeIfAbsent(endpoint, k -> new ArrayDeque<>()).add(new Failure(429,
                Map.of("x-rate-limit-limit", "180", "x-rate-limit-remaining", "0", "x-rate-limit-reset", String.valueOf(reset.getEpochSecond())),
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}", false));
    }

    /** The next call to {@code endpoint} takes effect, but its answer is {@code status} (or a cut connection when 0). */
    synchronized void applyThenFail(String endpoint, int status) {
        failures.computeIfAbsent(endpoint, k -> new ArrayDeque<>()).add(new Failure(status, Map.of(),
                error(status, "Service Unavailable", "Service Unavailable"), status == 0, true));
    }

    /** The next call to {@code endpoint} is cut off: the connection closes with no answer. */
    synchronized void dropConnection(String endpoint) {
        failures.computeIfAbsent(endpoint, k -> new ArrayDeque<>()).add(new Failure(0, Map.of(), "", true));
    }

    /** Successful answers to {@code endpoint} carry these rate-limit headers from now on. */
    synchronized void limits(String endpoint, int remaining, Instant reset) {
        limits.put(endpoint, new long[]{remaining, reset.getEpochSecond()});
    }

    // ---- inspection ----------------------------------------------------------------------

    synchronized List<Call> calls() { return List.copyOf(calls); }

    synchronized List<Call> calls(String endpoint) {
        return calls.stream().filter(c -> c.endpoint().equals(endpoint)).toList();
    }

    synchronized List<Tweet> tweetsBy(String authorId) {
        return tweets.values().stream().filter(t -> t.authorId().equals(authorId)).toList();
    }

    synchronized Tweet tweetById(String id) { return tweets.get(id); }

    synchronized List<DmEvent> dmsFrom(String senderId) {
        return dmEvents.stream().filter(e -> e.senderId().equals(senderId)).toList();
    }

    /** Nanoseconds from the mention first being served to the account's reply to it arriving, or -1. */
    synchronized long replyLatencyNanos(String tweetId) {
        Long a = served.get(tweetId), b = answered.get(tweetId);
        return a == null || b == null ? -1 : b - a;
    }

    synchronized boolean isHidden(String tweetId) { return hidden.getOrDefault(tweetId, false); }

    synchronized Set<String> blocked() { return Set.copyOf(blocked); }

    synchronized Set<String> muted() { return Set.copyOf(muted); }

    // ---- serving -------------------------------------------------------------------------

    static String route(String path) {
        String[] s = path.split("/");
        if (s.length >= 4 && s[1].equals("2") && s[2].equals("users") && !s[3].equals("me")) s[3] = ":id";
        if (s.length >= 4 && s[1].equals("2") && s[2].equals("tweets")) s[3] = ":id";
        if (s.length == 6 && s[2].equals("users") && (s[4].equals("blocking") || s[4].equals("muting"))) s[5] = ":target_user_id";
        if (s.length >= 5 && s[2].equals("dm_conversations") && s[3].equals("with")) s[4] = ":participant_id";
        return String.join("/", s);
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> query = parseQuery(ex.getRequestURI().getRawQuery());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer a;
        Failure f;
        synchronized (this) {
            f = nextFailure(method + " " + route(path));
        }
        if (f != null && f.afterApplying() && authorized(method, path, query, auth)) {
            synchronized (this) {
                answer(method, path, query, body);
            }
        }
        if (f != null && f.dropConnection()) {
            record(new Call(method, path, query, auth, body, 0));
            throw new IOException("connection dropped on purpose"); // HttpServer closes it without a status line
        }
        if (!authorized(method, path, query, auth)) {
            a = new Answer(401, error(401, "Unauthorized", "Unauthorized"));
        } else if (f != null) {
            a = new Answer(f.status(), f.body(), f.headers());
        } else {
            synchronized (this) {
                try {
                    a = answer(method, path, query, body);
                } catch (BadRequest e) {
                    a = new Answer(400, error(400, "Invalid Request", e.getMessage()));
                }
            }
        }
        record(new Call(method, path, query, auth, body, a.status()));
        Map<String, String> headers = new LinkedHashMap<>(a.headers());
        synchronized (this) {
            long[] l = limits.get(method + " " + route(path));
            if (!headers.containsKey("x-rate-limit-reset")) {
                headers.put("x-rate-limit-limit", "180");
                headers.put("x-rate-limit-remaining", String.valueOf(l == null ? 179 : l[0]));
                headers.put("x-rate-limit-reset", String.valueOf(l == null ? clock.get().plusSeconds(900).getEpochSecond() : l[1]));
            }
        }
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
    }

    private synchronized void record(Call c) { calls.add(c); }

    private Failure nextFailure(String endpoint) {
        Deque<Failure> q = failures.get(endpoint);
        return q == null ? null : q.poll();
    }

    private record Answer(int status, String body, Map<String, String> headers) {
        Answer(int status, String body) { this(status, body, Map.of()); }
    }

    private Answer answer(String method, String path, Map<String, String> q, String body) {
        String[] s = path.split("/");
        if (s.length < 3 || !s[1].equals("2")) {
            if (path.startsWith("/1.1/")) {
                return new Answer(403, "{\"errors\":[{\"message\":\"You currently have access to a subset of X API V2 endpoints"
                        + " and limited v1.1 endpoints only.\",\"code\":453}]}");
            }
            return notFound(path);
        }
        String endpoint = method + " " + route(path);
        JsonNode json;
        try {
            json = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return new Answer(400, error(400, "Invalid Request", "the body is not JSON"));
        }
        switch (endpoint) {
            case "GET /2/users/me" -> {
                ObjectNode out = JSON.createObjectNode();
                out.set("data", userJson(owner));
                return new Answer(200, out.toString());
            }
            case "GET /2/users/:id/mentions" -> {
                String id = s[3];
                ObjectNode page = timeline(tweets.values().stream().filter(t -> mentions(t, id)).toList(), q);
                long now = System.nanoTime();
                for (JsonNode t : page.path("data")) served.putIfAbsent(t.path("id").asText(), now);
                return new Answer(200, page.toString());
            }
            case "GET /2/users/:id/tweets" -> {
                String id = s[3];
                return new Answer(200, timeline(tweets.values().stream().filter(t -> t.authorId().equals(id)).toList(), q).toString());
            }
            case "POST /2/tweets" -> {
                return createTweet(json);
            }
            case "PUT /2/tweets/:id/hidden" -> {
                Tweet t = tweets.get(s[3]);
                if (t == null) return new Answer(404, error(404, "Not Found Error", "Could not find tweet with id: [" + s[3] + "]."));
                Tweet root = tweets.get(t.conversationId());
                if (t.repliedTo() == null || root == null || !root.authorId().equals(owner.id())) {
                    return new Answer(403, error(403, "Forbidden", "You are not permitted to hide this reply."));
                }
                if (!json.has("hidden") || !json.get("hidden").isBoolean()) {
                    return new Answer(400, error(400, "Invalid Request", "The `hidden` field is required and must be a boolean."));
                }
                hidden.put(t.id(), json.get("hidden").asBoolean());
                return new Answer(200, "{\"data\":{\"hidden\":" + json.get("hidden").asBoolean() + "}}");
            }
            case "POST /2/users/:id/blocking", "POST /2/users/:id/muting" -> {
                if (!s[3].equals(owner.id())) return forbiddenForOthers();
                String target = json.path("target_user_id").asText("");
                if (!users.containsKey(target)) return new Answer(400, error(400, "Invalid Request", "target_user_id is not a user"));
                boolean blocking = s[4].equals("blocking");
                (blocking ? blocked : muted).add(target);
                return new Answer(200, "{\"data\":{\"" + s[4] + "\":true}}");
            }
            case "DELETE /2/users/:id/blocking/:target_user_id", "DELETE /2/users/:id/muting/:target_user_id" -> {
                if (!s[3].equals(owner.id())) return forbiddenForOthers();
                (s[4].equals("blocking") ? blocked : muted).remove(s[5]);
                return new Answer(200, "{\"data\":{\"" + s[4] + "\":false}}");
            }
            case "GET /2/dm_events" -> {
                return dmEvents(q);
            }
            case "POST /2/dm_conversations/with/:participant_id/messages" -> {
                String to = s[4];
                if (!users.containsKey(to)) return new Answer(400, error(400, "Invalid Request", "participant is not a user"));
                if (closedDms.contains(to)) {
                    return new Answer(403, error(403, "Forbidden", "You cannot send messages to this user."));
                }
                String text = json.path("text").asText("");
                if (text.isEmpty()) return new Answer(400, error(400, "Invalid Request", "text is required"));
                String id = String.valueOf(ids.incrementAndGet());
                String a = to.compareTo(owner.id()) < 0 ? to : owner.id();
                String conversation = a + "-" + (a.equals(to) ? owner.id() : to);
                dmEvents.add(new DmEvent(id, owner.id(), conversation, text, clock.get()));
                return new Answer(201, "{\"data\":{\"dm_conversation_id\":\"" + conversation + "\",\"dm_event_id\":\"" + id + "\"}}");
            }
            default -> {
                return notFound(path);
            }
        }
    }

    private boolean mentions(Tweet t, String userId) {
        if (t.authorId().equals(userId)) return false;
        User u = users.get(userId);
        return userId.equals(t.inReplyToUserId()) || (u != null && t.text().contains("@" + u.username()));
    }

    private Answer createTweet(JsonNode json) {
        String text = json.path("text").asText("");
        if (text.isBlank()) return new Answer(400, error(400, "Invalid Request", "One or more parameters to your request was invalid."));
        if (!TweetLength.fits(text)) return new Answer(403, error(403, "Forbidden", "Your Tweet text is too long."));
        String replyTo = json.path("reply").path("in_reply_to_tweet_id").asText(null);
        if (replyTo != null && !tweets.containsKey(replyTo)) {
            return new Answer(403, error(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you."));
        }
        boolean duplicate = tweets.values().stream().anyMatch(t -> t.authorId().equals(owner.id()) && t.posted().equals(text));
        if (duplicate) return new Answer(403, error(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."));
        String id = tweet(owner.id(), text, replyTo, null);
        if (replyTo != null) answered.putIfAbsent(replyTo, System.nanoTime());
        Tweet t = tweets.get(id);
        ObjectNode data = JSON.createObjectNode();
        data.put("id", id);
        data.put("text", t.text());
        data.putArray("edit_history_tweet_ids").add(id);
        ObjectNode out = JSON.createObjectNode();
        out.set("data", data);
        return new Answer(201, out.toString());
    }

    private ObjectNode timeline(List<Tweet> all, Map<String, String> q) {
        List<Tweet> list = all.stream().sorted(Comparator.comparing((Tweet t) -> Long.parseLong(t.id())).reversed())
                .filter(t -> !q.containsKey("since_id") || Long.parseLong(t.id()) > Long.parseLong(q.get("since_id")))
                .filter(t -> !q.containsKey("start_time") || !t.createdAt().isBefore(Instant.parse(q.get("start_time"))))
                .collect(Collectors.toList());
        int max = Math.min(pageSize, q.containsKey("max_results") ? Integer.parseInt(q.get("max_results")) : 10);
        int from = page(q);
        List<Tweet> page = list.subList(Math.min(from, list.size()), Math.min(from + max, list.size()));
        Set<String> fields = csv(q.get("tweet.fields"));
        Set<String> expansions = csv(q.get("expansions"));
        ObjectNode out = JSON.createObjectNode();
        ObjectNode meta = JSON.createObjectNode();
        meta.put("result_count", page.size());
        if (!page.isEmpty()) {
            ArrayNode data = out.putArray("data");
            Map<String, User> includedUsers = new LinkedHashMap<>();
            Map<String, Tweet> includedTweets = new LinkedHashMap<>();
            for (Tweet t : page) {
                data.add(tweetJson(t, fields));
                if (expansions.contains("author_id")) include(includedUsers, t.authorId());
                if (expansions.contains("in_reply_to_user_id") && t.inReplyToUserId() != null) include(includedUsers, t.inReplyToUserId());
                if (expansions.contains("referenced_tweets.id") && t.repliedTo() != null && tweets.containsKey(t.repliedTo())) {
                    Tweet parent = tweets.get(t.repliedTo());
                    includedTweets.put(parent.id(), parent);
                    if (expansions.contains("referenced_tweets.id.author_id")) include(includedUsers, parent.authorId());
                }
            }
            ObjectNode includes = JSON.createObjectNode();
            if (!includedUsers.isEmpty()) {
                ArrayNode u = includes.putArray("users");
                includedUsers.values().forEach(x -> u.add(userJson(x)));
            }
            if (!includedTweets.isEmpty()) {
                ArrayNode tw = includes.putArray("tweets");
                includedTweets.values().forEach(x -> tw.add(tweetJson(x, fields)));
            }
            if (!includes.isEmpty()) out.set("includes", includes);
            meta.put("newest_id", page.get(0).id());
            meta.put("oldest_id", page.get(page.size() - 1).id());
            if (from + max < list.size()) meta.put("next_token", "p" + (from + max));
        }
        out.set("meta", meta);
        return out;
    }

    private void include(Map<String, User> into, String userId) {
        User u = users.get(userId);
        if (u != null) into.put(u.id(), u);
    }

    private ObjectNode tweetJson(Tweet t, Set<String> fields) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", t.id());
        o.put("text", t.text());
        o.putArray("edit_history_tweet_ids").add(t.id());
        if (fields.contains("author_id")) o.put("author_id", t.authorId());
        if (fields.contains("created_at")) o.put("created_at", CREATED_AT.format(t.createdAt()));
        if (fields.contains("conversation_id")) o.put("conversation_id", t.conversationId());
        if (fields.contains("lang")) o.put("lang", t.lang() == null ? "und" : t.lang());
        if (fields.contains("in_reply_to_user_id") && t.inReplyToUserId() != null) o.put("in_reply_to_user_id", t.inReplyToUserId());
        if (fields.contains("referenced_tweets") && t.repliedTo() != null) {
            o.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", t.repliedTo());
        }
        if (fields.contains("entities") && !t.urls().isEmpty()) {
            ArrayNode urls = o.putObject("entities").putArray("urls");
            for (String[] u : t.urls()) {
                urls.addObject().put("start", Integer.parseInt(u[0])).put("end", Integer.parseInt(u[1])).put("url", u[2])
                        .put("expanded_url", u[3]).put("display_url", u[3].replaceFirst("^https?://", ""));
            }
        }
        return o;
    }

    private static ObjectNode userJson(User u) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", u.id());
        o.put("name", u.name());
        o.put("username", u.username());
        return o;
    }

    private Answer dmEvents(Map<String, String> q) {
        List<DmEvent> list = dmEvents.stream().sorted(Comparator.comparing((DmEvent e) -> Long.parseLong(e.id())).reversed()).toList();
        int max = Math.min(pageSize, q.containsKey("max_results") ? Integer.parseInt(q.get("max_results")) : 100);
        int from = page(q);
        List<DmEvent> page = list.subList(Math.min(from, list.size()), Math.min(from + max, list.size()));
        Set<String> fields = csv(q.get("dm_event.fields"));
        ObjectNode out = JSON.createObjectNode();
        ObjectNode meta = JSON.createObjectNode();
        meta.put("result_count", page.size());
        if (!page.isEmpty()) {
            ArrayNode data = out.putArray("data");
            Map<String, User> senders = new LinkedHashMap<>();
            for (DmEvent e : page) {
                ObjectNode o = data.addObject();
                o.put("id", e.id());
                o.put("event_type", "MessageCreate");
                o.put("text", e.text());
                if (fields.contains("sender_id")) o.put("sender_id", e.senderId());
                if (fields.contains("dm_conversation_id")) o.put("dm_conversation_id", e.conversationId());
                if (fields.contains("created_at")) o.put("created_at", CREATED_AT.format(e.createdAt()));
                if (csv(q.get("expansions")).contains("sender_id")) include(senders, e.senderId());
            }
            if (!senders.isEmpty()) {
                ArrayNode u = out.putObject("includes").putArray("users");
                senders.values().forEach(x -> u.add(userJson(x)));
            }
            if (from + max < list.size()) meta.put("next_token", "p" + (from + max));
        }
        out.set("meta", meta);
        return new Answer(200, out.toString());
    }

    /** The offset a pagination token stands for; real tokens look opaque, these are "p<offset>". */
    private static int page(Map<String, String> q) {
        String token = q.get("pagination_token");
        if (token == null) return 0;
        if (!token.matches("p\\d{1,6}")) throw new BadRequest("The `pagination_token` query parameter value [" + token + "] is not valid");
        return Integer.parseInt(token.substring(1));
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) { super(message); }
    }

    private static Set<String> csv(String s) {
        return s == null || s.isBlank() ? Set.of() : Set.of(s.split(","));
    }

    private static Answer forbiddenForOthers() {
        return new Answer(403, error(403, "Forbidden", "You are not permitted to perform this action on behalf of another user."));
    }

    private static Answer notFound(String path) {
        return new Answer(404, "{\"errors\":[{\"message\":\"Sorry, that page does not exist\",\"code\":34}],\"path\":\"" + path + "\"}");
    }

    static String error(int status, String title, String detail) {
        ObjectNode o = JSON.createObjectNode();
        o.put("title", title);
        o.put("detail", detail);
        o.put("type", "about:blank");
        o.put("status", status);
        return o.toString();
    }

    // ---- OAuth 1.0a ----------------------------------------------------------------------

    private boolean authorized(String method, String path, Map<String, String> query, String header) {
        Map<String, String> oauth = oauthParams(header);
        if (oauth == null) return false;
        if (!CONSUMER_KEY.equals(oauth.get("oauth_consumer_key")) || !ACCESS_TOKEN.equals(oauth.get("oauth_token"))) return false;
        if (!"HMAC-SHA1".equals(oauth.get("oauth_signature_method")) || oauth.get("oauth_nonce") == null
                || oauth.get("oauth_timestamp") == null || !oauth.get("oauth_timestamp").matches("\\d{9,11}")) return false;
        String expected = signature(method, url() + path, query, oauth, CONSUMER_SECRET, ACCESS_SECRET);
        return expected.equals(oauth.get("oauth_signature"));
    }

    /** The oauth_* parameters of an "OAuth k="v", …" header (values decoded), or null when it is not one. */
    static Map<String, String> oauthParams(String header) {
        if (header == null || !header.startsWith("OAuth ")) return null;
        Map<String, String> out = new TreeMap<>();
        for (String part : header.substring(6).split(",")) {
            Matcher m = HEADER_PARAM.matcher(part);
            if (!m.matches()) return null;
            out.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** RFC 5849 §3.4: HMAC-SHA1 over METHOD&url&sorted(params), keyed by the two secrets. */
    static String signature(String method, String baseUrl, Map<String, String> query, Map<String, String> oauth,
                            String consumerSecret, String tokenSecret) {
        List<String> params = new ArrayList<>();
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature") && !k.equals("realm")) params.add(RFC3986.escape(k) + "=" + RFC3986.escape(v));
        });
        query.forEach((k, v) -> params.add(RFC3986.escape(k) + "=" + RFC3986.escape(v)));
        params.sort(null);
        String base = method.toUpperCase() + "&" + RFC3986.escape(baseUrl) + "&" + RFC3986.escape(String.join("&", params));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((RFC3986.escape(consumerSecret) + "&" + RFC3986.escape(tokenSecret)).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static Predicate<Call> endpoint(String e) { return c -> c.endpoint().equals(e); }
}
