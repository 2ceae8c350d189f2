package io.tidewatch.store;

import io.tidewatch.core.Platform;

import java.time.Instant;

/** The display names each account has used, so a name is checked for impersonation once, when first seen. */
public final class SeenNames {
    private final Jdbc jdbc;

    public SeenNames(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    /** Records the name; true when this account had never been seen with it. */
    public boolean firstSighting(Platform platform, String accountId, String nameKey, Instant now) {
        return jdbc.insertUnique("INSERT INTO seen_name (platform, account_id, name_key, first_seen) VALUES (?,?,?,?)",
                platform.wireName(), accountId, IncidentLog.cut(nameKey, 400), now);
    }
}
