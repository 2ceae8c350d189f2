package io.tidewatch.store;

import io.tidewatch.core.Category;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** What was found where: a fingerprint and a redacted excerpt, never the secret itself. */
public final class IncidentLog {
    public record Incident(long id, Platform platform, String chat, String messageId, String accountId,
                           Category category, String rule, Severity severity, String fingerprint,
                           String excerpt, String reason, Instant at) {}

    /** Incidents of one category on one UTC day, for the /stats chart. */
    public record DailyCount(LocalDate day, Category category, int count) {}

    /** Which incidents a page shows: null fields match everything. */
    public record Filter(Platform platform, Category category, String chat) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    /**
     * One page, newest first. {@code nextBeforeId} is what to pass as {@code beforeId} for the next
     * (older) page, or null when this was the last.
     */
    public record Page(List<Incident> incidents, Long nextBeforeId) {}

    /** The most rows one page may hold, whatever a caller asks for. */
    public static final int MAX_PAGE = 500;

    private final Jdbc jdbc;

    public IncidentLog(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    public long record(Platform platform, String chat, String messageId, String accountId, Category category,
                       String rule, Severity severity, String fingerprint, String excerpt, String reason, Instant at) {
        return jdbc.insertReturningId("INSERT INTO incident (platform, chat, message_id, account_id, category, rule_id,"
                        + " severity, fingerprint, excerpt, reason, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                platform.wireName(), chat, messageId, accountId, category.wireName(), cut(rule, 120),
                severity.wireName(), fingerprint, cut(excerpt, 500), cut(reason, 500), at);
    }

    /** The {@code n} newest incidents, newest first; only those rows are read. */
    public List<Incident> recent(int n) {
        return page(Filter.ALL, n, null).incidents();
    }

    /**
     * Up to {@code limit} incidents matching {@code filter} with ids below {@code beforeId} (null: from
     * the newest), newest first. Keyset paging: each page costs the same however deep it is.
     */
    public Page page(Filter filter, int limit, Long beforeId) {
        int n = Math.max(0, Math.min(limit, MAX_PAGE));
        if (n == 0) return new Page(List.of(), null);
        StringBuilder sql = new StringBuilder("SELECT * FROM incident WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (beforeId != null) { sql.append(" AND id < ?"); args.add(beforeId); }
        if (filter.platform() != null) { sql.append(" AND platform = ?"); args.add(filter.platform().wireName()); }
        if (filter.category() != null) { sql.append(" AND category = ?"); args.add(filter.category().wireName()); }
        if (filter.chat() != null) { sql.append(" AND chat = ?"); args.add(filter.chat()); }
        // one row more than asked says whether an older page exists
        sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
        args.add(n + 1);
        List<Incident> rows = jdbc.query(sql.toString(), IncidentLog::map, args.toArray());
        if (rows.size() <= n) return new Page(rows, null);
        List<Incident> page = rows.subList(0, n);
        return new Page(List.copyOf(page), page.get(n - 1).id());
    }

    public Optional<Incident> find(long id) {
        return jdbc.query("SELECT * FROM incident WHERE id = ?", IncidentLog::map, id).stream().findFirst();
    }

    public int countSince(Instant since) {
        return jdbc.query("SELECT COUNT(*) FROM incident WHERE created_at >= ?", rs -> rs.getInt(1), since).get(0);
    }

    public List<DailyCount> dailyCounts(Instant since) {
        java.util.Map<LocalDate, java.util.Map<Category, Integer>> byDay = new java.util.TreeMap<>();
        jdbc.query("SELECT category, created_at FROM incident WHERE created_at >= ?", rs -> {
            LocalDate day = Jdbc.instant(rs, "created_at").atZone(ZoneOffset.UTC).toLocalDate();
            byDay.computeIfAbsent(day, d -> new java.util.EnumMap<>(Category.class))
                    .merge(Category.fromWire(rs.getString("category")), 1, Integer::sum);
            return null;
        }, since);
        List<DailyCount> out = new java.util.ArrayList<>();
        byDay.forEach((day, counts) -> counts.forEach((c, n) -> out.add(new DailyCount(day, c, n))));
        return out;
    }

    private static Incident map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Incident(rs.getLong("id"), Platform.fromWire(rs.getString("platform")), rs.getString("chat"),
                rs.getString("message_id"), rs.getString("account_id"), Category.fromWire(rs.getString("category")),
                rs.getString("rule_id"), Severity.fromWire(rs.getString("severity")), rs.getString("fingerprint"),
                rs.getString("excerpt"), rs.getString("reason"), Jdbc.instant(rs, "created_at"));
    }

    static String cut(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }
}
