package io.tidewatch.store;

import io.tidewatch.core.Platform;

import java.time.Instant;
import java.util.Optional;

/** Per-chat settings changed at run time by moderators; each field, when set, overrides the rules file. */
public final class ChatSettingsStore {
    /** Null fields mean "not overridden". */
    public record Override(String language, Boolean dryRun, Boolean moderation) {}

    private final Jdbc jdbc;

    public ChatSettingsStore(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    public Optional<Override> find(Platform platform, String chat) {
        return jdbc.query("SELECT language, dry_run, moderation FROM chat_setting WHERE platform = ? AND chat = ?",
                rs -> new Override(rs.getString(1), bool(rs, 2), bool(rs, 3)), platform.wireName(), chat).stream().findFirst();
    }

    /** Every override, keyed by platform wire name + ":" + chat (the table is small: one row per chat). */
    public java.util.Map<String, Override> all() {
        java.util.Map<String, Override> out = new java.util.HashMap<>();
        jdbc.query("SELECT platform, chat, language, dry_run, moderation FROM chat_setting", rs -> {
            out.put(rs.getString(1) + ":" + rs.getString(2), new Override(rs.getString(3), bool(rs, 4), bool(rs, 5)));
            return null;
        });
        return out;
    }

    public void put(Platform platform, String chat, Override o, Instant now) {
        String update = "UPDATE chat_setting SET language = ?, dry_run = ?, moderation = ?, updated_at = ? WHERE platform = ? AND chat = ?";
        if (jdbc.update(update, o.language(), o.dryRun(), o.moderation(), now, platform.wireName(), chat) == 1) return;
        if (!jdbc.insertUnique("INSERT INTO chat_setting (platform, chat, language, dry_run, moderation, updated_at) VALUES (?,?,?,?,?,?)",
                platform.wireName(), chat, o.language(), o.dryRun(), o.moderation(), now)) {
            jdbc.update(update, o.language(), o.dryRun(), o.moderation(), now, platform.wireName(), chat);
        }
    }

    private static Boolean bool(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        boolean b = rs.getBoolean(i);
        return rs.wasNull() ? null : b;
    }
}
