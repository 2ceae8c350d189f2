package io.tidewatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jsoup.nodes.Document;

/**
 * Signing in to the dashboard with its token: a form (for browsers) that starts a signed-in session
 * in an HttpOnly, SameSite=Strict cookie. Scripts send {@code Authorization: Bearer} instead.
 */
final class LoginRoutes {
    private static final int MAX_NAME = 64;

    private final Access access;
    private final Pages pages;
    private final Sessions sessions;

    LoginRoutes(Access access, Pages pages, Sessions sessions) {
        this.access = access;
        this.pages = pages;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.get("/login", ctx -> {
            if (access.mode() != Access.Mode.TOKEN || Access.caller(ctx).signedIn()) {
                ctx.redirect("/dashboard?lang=" + pages.texts().language(ctx), HttpStatus.SEE_OTHER);
                return;
            }
            ctx.html(page(ctx, false));
        });
        routes.post("/login", this::signIn);
        routes.post("/logout", ctx -> {
            sessions.signOut(ctx);
            ctx.redirect("/login?lang=" + pages.texts().language(ctx), HttpStatus.SEE_OTHER);
        });
    }

    private void signIn(Context ctx) {
        if (!access.isToken(ctx, ctx.formParam("token"))) {
            ctx.status(401).html(page(ctx, true));
            return;
        }
        String name = ctx.formParam("name");
        name = name == null || name.isBlank() ? null : name.strip();
        if (name != null && name.length() > MAX_NAME) name = name.substring(0, MAX_NAME);
        sessions.signIn(ctx, name);
        ctx.redirect("/dashboard?lang=" + pages.texts().language(ctx), HttpStatus.SEE_OTHER);
    }

    /** The sign-in form, also shown (with 401) wherever the dashboard is asked for without the token. */
    String page(Context ctx, boolean wrong) {
        String lang = pages.texts().language(ctx);
        Document doc = pages.page("login", lang, "/login");
        Pages.csrf(doc, sessions.ensure(ctx).csrf);
        doc.selectFirst("form").attr("action", "/login?lang=" + lang);
        if (!wrong) doc.getElementById("wrong").remove();
        return doc.outerHtml();
    }
}
