package io.tidewatch.store;

import io.tidewatch.core.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Accounts moderators vouched for at run time: {@code TRUST} (never acted on; by numeric id) and
 * {@code ALLOW} (a look-alike name that is fine; by id or @username).
 */
public final class TrustList {
    public enum Kind { TRUST, ALLOW }

    public record Entry(Platform platform, String account, Kind kind, String addedBy, Instant addedAt) {}

    private final Jdbc jdbc;

    public TrustList(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    /** Adds or replaces the entry for {@code account} (an id, or "@username" for ALLOW). */
    public void put(Platform platform, String account, Kind kind, String addedBy, Instant now) {
        String key = normalize(account);
        jdbc.update("DELETE FROM trusted_account WHERE platform = ? AND account = ?", platform.wireName(), key);
        jdbc.insertUnique("INSERT INTO trusted_account (platform, account, kind, added_by, added_at) VALUES (?,?,?,?,?)",
                platform.wireName(), key, kind.name(), addedBy, now);
    }

    public boolean remove(Platform platform, String account) {
        return jdbc.update("DELETE FROM trusted_account WHERE platform = ? AND account = ?",
                platform.wireName(), normalize(account)) > 0;
    }

    public boolean has(Platform platform, String account, Kind kind) {
        if (account == null || account.isEmpty()) return false;
        return !jdbc.query("SELECT 1 FROM trusted_account WHERE platform = ? AND account = ? AND kind = ?",
                rs -> 1, platform.wireName(), normalize(account), kind.name()).isEmpty();
    }

    public List<Entry> all() {
        return jdbc.query("SELECT * FROM trusted_account ORDER BY added_at", rs -> new Entry(
                Platform.fromWire(rs.getString("platform")), rs.getString("account"), Kind.valueOf(rs.getString("kind")),
                rs.getString("added_by"), Jdbc.instant(rs, "added_at")));
    }

    /** How an account is keyed: ids as they are, "@username" lower-cased. */
    public static String normalize(String account) {
        String a = account.trim();
        return a.startsWith("@") ? a.toLowerCase(Locale.ROOT) : a;
    }
}
