package io.tidewatch.store;

import java.time.Instant;

/** "Do this once" across restarts and instances (e.g. warn a group about one impersonator once). */
public final class OnceMarkers {
    private final Jdbc jdbc;

    public OnceMarkers(Database db) { this.jdbc = new Jdbc(db.dataSource()); }

    /** True for the first caller ever with this marker. */
    public boolean first(String marker, Instant now) {
        return jdbc.insertUnique("INSERT INTO once_marker (marker, created_at) VALUES (?,?)",
                IncidentLog.cut(marker, 300), now);
    }
}
