package io.tidewatch.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The sandbox: {@code GET /} (the page), {@code POST /api/sandbox/messages} (one message through the
 * engine), {@code GET /api/sandbox/rules} and {@code POST /api/sandbox/reload}. Parse, call the
 * engine, render: every decision is the engine's.
 */
final class SandboxRoutes {
    private static final Logger log = LoggerFactory.getLogger(SandboxRoutes.class);
    /** Text keys the page's script needs, by prefix. */
    private static final String[] SCRIPT_TEXTS = {"sandbox.", "action.", "category.", "severity."};

    record RulesJson(@JsonProperty("loaded_at") String loadedAt, String refusal, String message) {}

    private final SandboxEngine engine;
    private final SandboxExamples examples;
    private final Pages pages;
    private final Sessions sessions;
    private final ObjectMapper json;
    private final Map<String, Map<String, String>> scriptTexts = new HashMap<>();

    SandboxRoutes(SandboxEngine engine, SandboxExamples examples, Pages pages, Sessions sessions, ObjectMapper json) {
        this.engine = engine;
        this.examples = examples;
        this.pages = pages;
        this.sessions = sessions;
        this.json = json;
        for (String lang : pages.texts().languages()) {
            Map<String, String> t = new HashMap<>();
            for (String key : pages.texts().keys()) {
                for (String prefix : SCRIPT_TEXTS) if (key.startsWith(prefix)) t.put(key, pages.texts().plain(lang, key));
            }
            for (var e : examples.examples()) t.put(e.label(), pages.texts().plain(lang, e.label()));
            scriptTexts.put(lang, t);
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::page);
        routes.post("/api/sandbox/messages", this::message);
        routes.get("/api/sandbox/rules", ctx -> ctx.json(rules(engine.rules(), pages.texts().language(ctx))));
        routes.post("/api/sandbox/reload", ctx -> ctx.json(rules(engine.reload(), pages.texts().language(ctx))));
    }

    private void page(Context ctx) {
        String lang = pages.texts().language(ctx);
        Document doc = pages.page("sandbox", lang, "/");
        Pages.csrf(doc, sessions.ensure(ctx).csrf);
        pages.embedJson(doc, "tw-texts", scriptTexts.get(lang));
        pages.embedJson(doc, "tw-examples", examples.examples());
        ctx.html(doc.outerHtml());
    }

    private void message(Context ctx) {
        SandboxRequest request = SandboxJson.read(json, ctx.body());
        SandboxReply reply;
        try {
            reply = engine.handle(request);
        } catch (RuntimeException e) {
            // the message may hold a secret: log what failed and where, never the text or the exception's message
            log.error("sandbox: the engine failed on a message: {} at {}", e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            throw new Refusal(500, "sandbox.failed");
        }
        ctx.json(SandboxJson.answer(request, reply));
    }

    private RulesJson rules(RulesStatus status, String lang) {
        String at = status.loadedAt() == null ? "-" : time(status.loadedAt()) + " UTC";
        String key = status.refusal() == null ? "sandbox.rules.loaded" : "sandbox.rules.refused";
        return new RulesJson(status.loadedAt() == null ? null : status.loadedAt().toString(), status.refusal(),
                pages.texts().plain(lang, key, Map.of("at", at)));
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** A time as moderators read it: UTC, to the second. */
    static String time(Instant t) { return t == null ? "" : TIME.format(t); }
}
