package io.tidewatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tidewatch.store.PublishLedger;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP surface of {@code run} (DESIGN.md, "HTTP surface"): the sandbox (only when no platform
 * runs), the dashboard, {@code /healthz} and {@code /metrics}, on Javalin. Every asset comes from the
 * jar; every page carries a strict Content-Security-Policy; access is checked by {@link Access}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(2);
    private static final long MAX_BODY = 64 * 1024;

    private final Javalin app;
    private final HealthCheck health;
    private final Access access;

    private WebServer(Javalin app, HealthCheck health, Access access) {
        this.app = app;
        this.health = health;
        this.access = access;
    }

    /**
     * Starts serving on {@code address}. {@code dashboardToken} is {@code TIDEWATCH_DASHBOARD_TOKEN}
     * (null or blank when unset). Throws {@link io.tidewatch.core.ConfigException} when a text or
     * example file under rules/ is wrong, before anything listens.
     */
    public static WebServer start(HttpAddress address, String dashboardToken, WebServices services) {
        WebTexts texts = WebTexts.load(services.rulesDir());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Pages pages = new Pages(texts, json);
        Sessions sessions = new Sessions(services.clock());
        Access access = new Access(address, dashboardToken, sessions, services.clock());
        HealthCheck health = new HealthCheck(services.database(), services.rules(), services.heartbeats(), texts, HEALTH_DEADLINE);
        SandboxRoutes sandbox = services.sandbox() == null ? null
                : new SandboxRoutes(services.sandbox(), SandboxExamples.load(services.rulesDir(), texts), pages, sessions, json);
        DashboardRoutes dashboard = new DashboardRoutes(services, pages, sessions);
        LoginRoutes login = new LoginRoutes(access, pages, sessions);
        services.metrics().watch(services.heartbeats());
        services.metrics().announcementPartsFrom(() -> partsByState(services.ledger()));

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
            config.routes.before(access::check);
            config.routes.get("/healthz", ctx -> {
                List<String> problems = health.problems();
                ctx.contentType("text/plain; charset=utf-8");
                if (problems.isEmpty()) ctx.result(texts.plain("en", "health.ok"));
                else ctx.status(503).result(String.join("\n", problems));
            });
            config.routes.get("/metrics", ctx -> ctx.contentType(io.tidewatch.metrics.Metrics.contentType())
                    .result(services.metrics().scrape()));
            if (sandbox != null) {
                sandbox.register(config.routes);
            } else {
                config.routes.get("/", ctx -> ctx.redirect("/dashboard"));
            }
            dashboard.register(config.routes);
            login.register(config.routes);
            config.routes.exception(Refusal.class, (e, ctx) -> refuse(ctx, e, texts, pages, login));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("web: {} {} failed: {}", ctx.method(), ctx.path(), e.getClass().getName());
                ctx.status(500).contentType("text/plain; charset=utf-8").result("500");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().startsWith("Endpoint ")) refuse(ctx, new Refusal(404, "access.not_found"), texts, pages, login);
            });
        });
        try {
            app.start(address.host(), address.port());
        } catch (io.javalin.util.JavalinBindException e) {
            health.close();
            throw new IllegalArgumentException("--http " + address + ": cannot listen there (" + e.getMessage()
                    + "); pick another HOST:PORT or stop the program using it");
        }
        HttpAddress bound = new HttpAddress(address.host(), app.port());
        switch (access.mode()) {
            case CLOSED -> log.warn("web: listening on {} beyond loopback and TIDEWATCH_DASHBOARD_TOKEN is not set:"
                    + " the dashboard{} refuses every request (only /healthz and /metrics answer). Set the token and restart.",
                    bound, sandbox != null ? " and the sandbox" : "");
            case TOKEN -> log.info("web: listening on http://{}/; the dashboard needs TIDEWATCH_DASHBOARD_TOKEN", bound);
            case OPEN -> log.info("web: listening on http://{}/{} (this machine only)", bound, sandbox != null ? "" : "dashboard");
        }
        return new WebServer(app, health, access);
    }

    /** The port actually bound (useful with port 0). */
    public int port() { return app.port(); }

    /** How the dashboard is protected: open on loopback, token, or closed. */
    public String accessMode() { return access.mode().name().toLowerCase(Locale.ROOT); }

    @Override
    public void close() {
        app.stop();
        health.close();
    }

    private static void refuse(Context ctx, Refusal e, WebTexts texts, Pages pages, LoginRoutes login) {
        String lang = texts.language(ctx);
        ctx.status(e.status);
        if (e.status == 429 && e.vars.containsKey("seconds")) ctx.header("Retry-After", e.vars.get("seconds"));
        if (wantsJson(ctx)) {
            ctx.json(Map.of("error", texts.plain(lang, e.key, e.vars)));
        } else if (e.asksForSignIn()) {
            ctx.html(login.page(ctx, false));
        } else {
            Document doc = pages.page("message", lang, ctx.path());
            doc.getElementById("message").html(texts.html(lang, e.key, e.vars));
            ctx.html(doc.outerHtml());
        }
    }

    private static boolean wantsJson(Context ctx) {
        if (ctx.path().startsWith("/api/") || ctx.header("Authorization") != null) return true;
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static Map<String, Long> partsByState(PublishLedger ledger) {
        Map<PublishLedger.State, Long> counts = new EnumMap<>(PublishLedger.State.class);
        for (PublishLedger.State s : PublishLedger.State.values()) counts.put(s, 0L);
        for (PublishLedger.Part p : ledger.all()) counts.merge(p.state(), 1L, Long::sum);
        return counts.entrySet().stream().collect(Collectors.toMap(
                en -> en.getKey().name().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }
}
