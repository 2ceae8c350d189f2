package io.tidewatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tidewatch.announce.AnnouncementStatus;
import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.IncidentLog;
import io.tidewatch.store.PublishLedger;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The moderators' dashboard ({@code GET /dashboard}): incidents (redacted, filterable), the audit log
 * with undo, announcements and their ledger, support topics over time, the rules in force. Rendered
 * on the server; every value goes in through {@link Element#text}, so names and messages are escaped.
 */
final class DashboardRoutes {
    static final int PAGE = 50;
    static final int CHART_DAYS = 14;
    private static final Set<AnnouncementStatus.Schedule> WAITING = EnumSet.of(AnnouncementStatus.Schedule.SCHEDULED,
            AnnouncementStatus.Schedule.DUE, AnnouncementStatus.Schedule.PUBLISHING, AnnouncementStatus.Schedule.MISSED);

    private final WebServices services;
    private final Pages pages;
    private final Sessions sessions;

    DashboardRoutes(WebServices services, Pages pages, Sessions sessions) {
        this.services = services;
        this.pages = pages;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.get("/dashboard", this::dashboard);
        routes.post("/dashboard/audit/{id}/undo", this::undo);
    }

    private void dashboard(Context ctx) {
        String lang = pages.texts().language(ctx);
        Document doc = pages.page("dashboard", lang, "/dashboard");
        Access.Caller caller = Access.caller(ctx);
        Sessions.Session session = caller.bearer() ? null : sessions.ensure(ctx);
        if (session != null) {
            Pages.csrf(doc, session.csrf);
            String notice = session.takeNotice();
            if (notice != null) doc.getElementById("notice").text(notice).removeAttr("hidden");
        }
        if (session == null || !session.signedIn) doc.getElementById("logout").remove();
        if (services.sandbox() == null) doc.getElementById("nav-sandbox").remove();
        incidents(doc, ctx, lang);
        audit(doc, ctx, lang, session == null ? "" : session.csrf);
        announcements(doc, lang);
        support(doc, lang);
        rules(doc, lang);
        ctx.html(doc.outerHtml());
    }

    private void undo(Context ctx) {
        if (services.undo() == null) throw new Refusal(404, "access.not_found");
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Refusal(404, "access.not_found");
        }
        Access.Caller caller = Access.caller(ctx);
        UndoResult result = services.undo().undo(id, caller.moderator());
        String lang = pages.texts().language(ctx);
        String text = pages.texts().plain(lang, "undo." + result.outcome().wireName(),
                Map.of("detail", result.detail() == null ? "" : result.detail()));
        if (caller.bearer() || caller.session() == null) {
            ctx.status(result.outcome() == UndoResult.Outcome.UNDONE ? 200 : result.outcome() == UndoResult.Outcome.NOT_FOUND ? 404 : 409);
            ctx.json(Map.of("outcome", result.outcome().wireName(), "message", text));
            return;
        }
        caller.session().notice = text;
        ctx.redirect("/dashboard?lang=" + lang + "#audit", HttpStatus.SEE_OTHER);
    }

    // --- incidents ---

    private void incidents(Document doc, Context ctx, String lang) {
        Platform platform = parse(ctx.queryParam("platform"), Platform::fromWire);
        Category category = parse(ctx.queryParam("category"), Category::fromWire);
        String chat = blankToNull(ctx.queryParam("chat"));
        Long before = parse(ctx.queryParam("before"), Long::valueOf);
        fillFilter(doc, lang, platform, category, chat);
        List<IncidentLog.Incident> page = services.incidents().page(new IncidentLog.Filter(platform, category, chat), PAGE, before).incidents();
        Element body = doc.selectFirst("#incidents tbody");
        for (IncidentLog.Incident i : page) {
            Element tr = body.appendElement("tr").attr("data-incident", String.valueOf(i.id()));
            cell(tr, String.valueOf(i.id()));
            cell(tr, SandboxRoutes.time(i.at()));
            cell(tr, i.platform().wireName());
            cell(tr, i.chat());
            cell(tr, i.accountId());
            cell(tr, pages.texts().plain(lang, "category." + i.category().wireName()));
            tr.appendElement("td").appendElement("code").text(nz(i.rule()));
            cell(tr, pages.texts().plain(lang, "severity." + i.severity().wireName())).addClass("severity-" + i.severity().wireName());
            tr.appendElement("td").appendElement("code").text(nz(i.excerpt()));
            cell(tr, i.reason());
        }
        if (page.isEmpty()) doc.getElementById("incidents-none").removeAttr("hidden");
        if (page.size() == PAGE) {
            StringBuilder href = new StringBuilder("/dashboard?lang=" + lang + "&before=" + page.get(page.size() - 1).id());
            if (platform != null) href.append("&platform=").append(platform.wireName());
            if (category != null) href.append("&category=").append(category.wireName());
            if (chat != null) href.append("&chat=").append(java.net.URLEncoder.encode(chat, java.nio.charset.StandardCharsets.UTF_8));
            doc.getElementById("incidents-older").attr("href", href.append("#incidents").toString()).removeAttr("hidden");
        }
    }

    private void fillFilter(Document doc, String lang, Platform platform, Category category, String chat) {
        doc.selectFirst("#filter input[name=lang]").val(lang);
        Element platforms = doc.selectFirst("#filter select[name=platform]");
        option(platforms, "", pages.texts().plain(lang, "dashboard.filter.any"), platform == null);
        for (Platform p : Platform.values()) option(platforms, p.wireName(), p.wireName(), p == platform);
        Element categories = doc.selectFirst("#filter select[name=category]");
        option(categories, "", pages.texts().plain(lang, "dashboard.filter.any"), category == null);
        for (Category c : Category.values()) {
            option(categories, c.wireName(), pages.texts().plain(lang, "category." + c.wireName()), c == category);
        }
        doc.selectFirst("#filter input[name=chat]").val(chat == null ? "" : chat);
    }

    // --- audit ---

    private void audit(Document doc, Context ctx, String lang, String csrf) {
        Long before = parse(ctx.queryParam("audit_before"), Long::valueOf);
        List<AuditLog.Entry> entries = services.audit().page(PAGE, before);
        Element body = doc.selectFirst("#audit tbody");
        for (AuditLog.Entry e : entries) {
            Element tr = body.appendElement("tr").attr("data-audit", String.valueOf(e.id()));
            cell(tr, String.valueOf(e.id()));
            cell(tr, SandboxRoutes.time(e.at()));
            cell(tr, e.actor());
            cell(tr, pages.texts().has("action." + e.action()) ? pages.texts().plain(lang, "action." + e.action()) : e.action())
                    .attr("data-action", e.action()).addClass("nowrap");
            cell(tr, e.target());
            cell(tr, e.platform().wireName() + " " + nz(e.chat()));
            tr.appendElement("td").appendElement("code").text(nz(e.rule()));
            cell(tr, e.reason());
            Element status = cell(tr, pages.texts().plain(lang, "status." + e.status().name().toLowerCase(java.util.Locale.ROOT)))
                    .addClass("nowrap");
            if (e.undone()) status.appendText(" · " + pages.texts().plain(lang, "audit.undone")).addClass("undone");
            Element actions = tr.appendElement("td");
            if (services.undo() != null && !e.undone() && services.undo().undoable(e)) {
                Element form = actions.appendElement("form").attr("method", "post")
                        .attr("action", "/dashboard/audit/" + e.id() + "/undo?lang=" + lang).addClass("undo");
                form.appendElement("input").attr("type", "hidden").attr("name", "csrf").val(csrf);
                form.appendElement("button").attr("type", "submit").text(pages.texts().plain(lang, "audit.undo"));
            }
        }
        if (entries.isEmpty()) doc.getElementById("audit-none").removeAttr("hidden");
        if (entries.size() == PAGE) {
            doc.getElementById("audit-older").attr("href", "/dashboard?lang=" + lang + "&audit_before="
                    + entries.get(entries.size() - 1).id() + "#audit").removeAttr("hidden");
        }
    }

    // --- announcements ---

    private void announcements(Document doc, String lang) {
        Element section = doc.getElementById("announcements");
        if (services.announcements() == null) {
            section.getElementById("announcements-off").removeAttr("hidden");
            section.selectFirst("table").remove();
            return;
        }
        List<AnnouncementStatus> all = services.announcements().list();
        Element body = section.selectFirst("tbody");
        int pending = 0;
        for (AnnouncementStatus a : all) {
            Element tr = body.appendElement("tr").attr("data-announcement", a.id());
            tr.appendElement("td").appendElement("code").text(a.id());
            cell(tr, a.title());
            cell(tr, pages.texts().plain(lang, "schedule." + a.schedule().wireName())).addClass("schedule-" + a.schedule().wireName());
            cell(tr, a.publishAt() == null ? "" : a.publishAt().toOffsetDateTime().toString());
            Element deliveries = tr.appendElement("td").appendElement("ul");
            for (AnnouncementStatus.Delivery d : a.deliveries()) {
                deliveries.appendElement("li").addClass("state-" + d.state()).text(pages.texts().plain(lang, "announcement.delivery",
                        Map.of("target", d.target(), "language", d.language(), "sent", String.valueOf(d.sent()),
                                "parts", String.valueOf(d.parts()), "state", d.state())));
                if (WAITING.contains(a.schedule())) pending += Math.max(0, d.parts() - d.sent());
            }
            Element problems = tr.appendElement("td").appendElement("ul");
            for (String p : a.problems()) problems.appendElement("li").text(p);
        }
        if (all.isEmpty()) section.getElementById("announcements-none").removeAttr("hidden");
        Map<PublishLedger.State, Long> byState = new java.util.EnumMap<>(PublishLedger.State.class);
        for (PublishLedger.Part p : services.ledger().all()) byState.merge(p.state(), 1L, Long::sum);
        long unknown = byState.getOrDefault(PublishLedger.State.UNKNOWN, 0L);
        section.getElementById("ledger").text(pages.texts().plain(lang, "ledger.summary", Map.of(
                "sent", String.valueOf(byState.getOrDefault(PublishLedger.State.SENT, 0L)),
                "pending", String.valueOf(Math.max(0, pending - unknown)), "unknown", String.valueOf(unknown))));
        if (unknown > 0) {
            section.getElementById("ledger-unknown").text(pages.texts().plain(lang, "ledger.unknown",
                    Map.of("n", String.valueOf(unknown)))).removeAttr("hidden");
        }
    }

    // --- support topics ---

    private void support(Document doc, String lang) {
        LocalDate to = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(CHART_DAYS - 1);
        Map<String, int[]> series = SupportChart.series(services.support().since(from), from, to);
        int total = series.values().stream().mapToInt(SupportChart::sum).sum();
        Element section = doc.getElementById("support");
        Map<String, String> vars = Map.of("days", String.valueOf(CHART_DAYS), "total", String.valueOf(total));
        if (total == 0) {
            section.getElementById("support-none").text(pages.texts().plain(lang, "dashboard.support.none", vars)).removeAttr("hidden");
            return;
        }
        String caption = pages.texts().plain(lang, "dashboard.support.caption", vars);
        Element figure = section.appendElement("figure");
        figure.appendChild(SupportChart.svg(series, from, caption));
        figure.appendElement("figcaption").text(caption);
        Element legend = section.appendElement("ul").addClass("legend");
        int n = 0;
        for (var e : series.entrySet()) {
            Element li = legend.appendElement("li").attr("data-topic", e.getKey());
            li.appendElement("span").addClass("swatch").addClass(SupportChart.seriesClass(n++));
            li.appendText(e.getKey() + " " + SupportChart.sum(e.getValue()));
        }
    }

    // --- rules ---

    private void rules(Document doc, String lang) {
        RulesStatus status = services.rules().get();
        Element section = doc.getElementById("rules");
        section.getElementById("rules-loaded").text(status.loadedAt() == null ? pages.texts().plain(lang, "rules.never")
                : pages.texts().plain(lang, "rules.loaded_at", Map.of("at", SandboxRoutes.time(status.loadedAt()),
                "dir", services.rulesDir().toString())));
        if (status.refusal() != null) {
            section.getElementById("rules-refused").removeAttr("hidden");
            section.getElementById("rules-refusal").text(status.refusal()).removeAttr("hidden");
        }
        Element body = section.selectFirst("tbody");
        for (RuleFile f : ruleFiles(services.rulesDir())) {
            Element tr = body.appendElement("tr");
            tr.appendElement("td").appendElement("code").text(f.name());
            Element modified = cell(tr, SandboxRoutes.time(f.modified()));
            if (status.loadedAt() != null && f.modified().isAfter(status.loadedAt())) {
                modified.appendElement("span").addClass("changed").text(" " + pages.texts().plain(lang, "rules.changed"));
            }
        }
    }

    private record RuleFile(String name, Instant modified) {}

    private static List<RuleFile> ruleFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir, 4)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return new RuleFile(dir.relativize(p).toString().replace('\\', '/'), Files.getLastModifiedTime(p).toInstant());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    // --- bits ---

    private static Element cell(Element tr, String text) { return tr.appendElement("td").text(nz(text)); }

    private static void option(Element select, String value, String label, boolean selected) {
        Element o = select.appendElement("option").val(value).text(label);
        if (selected) o.attr("selected", true);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    /** A query parameter as {@code T}, or null when absent or not understood (a bad filter shows everything). */
    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) return null;
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
