package io.tidewatch.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The tokens behind alert buttons. Button data from a chat client is not trusted (the Bot API does
 * not tie it to the buttons shown), so a button names a random token, and the token says which
 * incident it is about, in which chat, on which message.
 */
public final class AlertButtons {
    public record Binding(String token, long incident, String chat, String messageId) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbc jdbc;

    public AlertButtons(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    /** A fresh token for an alert about {@code incident} posted into {@code chat}: 128 random bits, 22 characters. */
    public String issue(long incident, String chat, Instant now) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("INSERT INTO alert_button (token, incident_id, chat, created_at) VALUES (?,?,?,?)", token, incident, chat, now);
        return token;
    }

    /** Binds the token to the message the alert became, once it was sent. */
    public void bind(String token, String messageId) {
        jdbc.update("UPDATE alert_button SET message_id = ? WHERE token = ? AND message_id IS NULL", messageId, token);
    }

    public Optional<Binding> find(String token) {
        if (token == null || token.length() > 40) return Optional.empty();
        return jdbc.query("SELECT token, incident_id, chat, message_id FROM alert_button WHERE token = ?",
                rs -> new Binding(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), token).stream().findFirst();
    }
}
