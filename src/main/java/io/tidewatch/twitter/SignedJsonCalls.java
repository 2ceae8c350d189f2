package io.tidewatch.twitter;

import twitter4j.HttpParameter;
import twitter4j.HttpRequest;
import twitter4j.RequestMethod;
import twitter4j.auth.Authorization;
import twitter4j.auth.OAuthAuthorization;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The X API v2 calls the Twitter4J pair cannot make: {@code PUT /2/tweets/:id/hidden} (its
 * {@code hideReplies} throws a NullPointerException because Twitter4J 4.0.7 puts a PUT's parameters
 * in the URL and a JSON body has no name) and the direct-message endpoints (it has none). Each request
 * is signed by Twitter4J's own OAuth 1.0a ({@link Authorization#getAuthorizationHeader}) over the
 * method, URL and query parameters (a JSON body is not signed, as OAuth 1.0a prescribes), and sent
 * with the JDK's {@link HttpClient}.
 */
public final class SignedJsonCalls {
    /** An answer: status, headers (names in lower case, first value) and the body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    private final Authorization auth;
    private final String apiUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** @param apiUrl the API's base URL without a version path, e.g. {@code https://api.x.com} */
    public SignedJsonCalls(Authorization auth, String apiUrl, HttpClient http, Duration timeout) {
        this.auth = auth;
        this.apiUrl = apiUrl;
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * Sends one request to {@code apiUrl + path}. {@code query} values are signed and sent URL-encoded;
     * {@code jsonBody} (or null) goes out as {@code application/json}.
     */
    public Response call(String method, String path, Map<String, String> query, String jsonBody)
            throws IOException, InterruptedException {
        String url = apiUrl + path;
        HttpParameter[] params = query.entrySet().stream()
                .map(e -> new HttpParameter(e.getKey(), e.getValue())).toArray(HttpParameter[]::new);
        String authorization = auth.getAuthorizationHeader(
                new HttpRequest(RequestMethod.valueOf(method), url, params, auth, Map.of()));
        String target = params.length == 0 ? url : url + "?" + OAuthAuthorization.encodeParameters(List.of(params));
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(target))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            b.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        java.net.http.HttpResponse<String> r = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!v.isEmpty()) headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
        });
        return new Response(r.statusCode(), headers, r.body() == null ? "" : r.body());
    }

    /** A query from name/value pairs, in order; pairs whose value is null are left out. */
    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }
}
