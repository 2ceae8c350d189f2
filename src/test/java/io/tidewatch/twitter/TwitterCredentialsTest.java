package io.tidewatch.twitter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials come from the environment names of DESIGN.md only and never reach a log line or an error message. */
class TwitterCredentialsTest {
    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TWITTER_API_KEY", FakeXApi.CONSUMER_KEY);
        env.put("TWITTER_API_SECRET", FakeXApi.CONSUMER_SECRET);
        env.put("TWITTER_ACCESS_TOKEN", FakeXApi.ACCESS_TOKEN);
        env.put("TWITTER_ACCESS_SECRET", FakeXApi.ACCESS_SECRET);
        return env;
    }

    @Test
    void the_four_variables_make_credentials_for_the_public_api_by_default() {
        TwitterCredentials c = TwitterCredentials.fromEnvironment(env()).orElseThrow();
        assertEquals(FakeXApi.ACCESS_TOKEN, c.accessToken());
        assertEquals("https://api.x.com", c.apiUrl());
        assertFalse(c.toString().contains(FakeXApi.CONSUMER_SECRET) || c.toString().contains(FakeXApi.ACCESS_TOKEN), c.toString());
    }

    @Test
    void none_set_means_twitter_is_off_and_some_set_is_an_error_naming_the_missing() {
        assertTrue(TwitterCredentials.fromEnvironment(Map.of("TWITTER_BEARER_TOKEN", "x")).isEmpty());
        Map<String, String> partial = env();
        partial.remove("TWITTER_ACCESS_SECRET");
        ConfigException e = assertThrows(ConfigException.class, () -> TwitterCredentials.fromEnvironment(partial));
        assertTrue(e.getMessage().contains("TWITTER_ACCESS_SECRET not set"), e.getMessage());
        assertFalse(e.getMessage().contains(FakeXApi.CONSUMER_SECRET));
    }

    @Test
    void the_api_url_is_a_base_without_a_version_path() {
        Map<String, String> env = env();
        env.put("TWITTER_API_URL", "http://127.0.0.1:8089/");
        assertEquals("http://127.0.0.1:8089", TwitterCredentials.fromEnvironment(env).orElseThrow().apiUrl());
        env.put("TWITTER_API_URL", "https://api.x.com/2");
        ConfigException e = assertThrows(ConfigException.class, () -> TwitterCredentials.fromEnvironment(env));
        assertTrue(e.getMessage().contains("without a version path"), e.getMessage());
        env.put("TWITTER_API_URL", "api.x.com");
        assertThrows(ConfigException.class, () -> TwitterCredentials.fromEnvironment(env));
    }

    /** Every log line (Twitter4J's included, at TRACE) and every error message, across successes and failures. */
    @Test
    void no_credential_reaches_a_log_line_or_an_error_message() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        List<String> errors = new ArrayList<>();
        try (XApiHarness h = new XApiHarness()) {
            Map<String, String> env = env();
            env.put("TWITTER_API_URL", h.api.url());
            XApi x = XApi.connect(TwitterCredentials.fromEnvironment(env).orElseThrow(), PostBudget.unlimited(), h.backoff,
                    h.sleeps::add, h.clock);
            h.api.user("1001", "alice", "Alice");
            x.me();
            x.mentions(null, null);
            x.createTweet("hello", null);
            x.sendDm("1001", "hi");
            h.api.fail("GET /2/users/:id/mentions", 503, 2);
            x.mentions(null, null);
            h.api.rateLimit("GET /2/dm_events", Instant.parse("2026-12-01T09:00:00Z"));
            h.api.dropConnection("POST /2/tweets");
            h.api.fail("PUT /2/tweets/:id/hidden", 500, 9);
            for (ThrowingCall c : List.<ThrowingCall>of(() -> x.dmEvents(null), () -> x.createTweet("again", null),
                    () -> x.setHidden("1", true), () -> x.block("424242"),
                    () -> XApi.connect(new TwitterCredentials(FakeXApi.CONSUMER_KEY, FakeXApi.CONSUMER_SECRET + "x",
                            FakeXApi.ACCESS_TOKEN, FakeXApi.ACCESS_SECRET, h.api.url()), PostBudget.unlimited(), h.backoff,
                            h.sleeps::add, h.clock).me())) {
                try {
                    c.run();
                } catch (XApiException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) errors.add(String.valueOf(t.getMessage()));
                }
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
        assertTrue(errors.size() >= 5, errors.toString());
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("trying again")), "the workload logged");
        List<String> outputs = new ArrayList<>(errors);
        for (ILoggingEvent e : logs.list) {
            outputs.add(e.getFormattedMessage());
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) outputs.add(String.valueOf(t.getMessage()));
        }
        String tokenSecretPart = FakeXApi.ACCESS_TOKEN.substring(FakeXApi.ACCESS_TOKEN.indexOf('-') + 1);
        for (String secret : List.of(FakeXApi.CONSUMER_KEY, FakeXApi.CONSUMER_SECRET, tokenSecretPart, FakeXApi.ACCESS_SECRET)) {
            for (int i = 0; i + 6 <= secret.length(); i++) {
                String window = secret.substring(i, i + 6);
                for (String out : outputs) assertFalse(out.contains(window), "a credential window '" + window + "' in: " + out);
            }
        }
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws XApiException;
    }
}
