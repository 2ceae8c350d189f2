package io.tidewatch.store;

/** Every repository on one database, as the bots use them. */
public record Stores(IncidentLog incidents, AuditLog audit, UpdateLedger updates, TrustList trust, SeenNames names,
                     SupportStats support, ChatSettingsStore chatSettings, OnceMarkers once, AlertButtons alertButtons) {
    public static Stores on(Database db) {
        return new Stores(new IncidentLog(db), new AuditLog(db), new UpdateLedger(db), new TrustList(db),
                new SeenNames(db), new SupportStats(db), new ChatSettingsStore(db), new OnceMarkers(db),
                new AlertButtons(db));
    }
}
