package io.tidewatch.moderation;

import io.tidewatch.store.UpdateLedger;

import java.time.Instant;

/**
 * Takes one platform update (a Telegram update, a tweet, a DM event) for this instance, once, in the
 * shared {@link UpdateLedger}; later asks answer what the first one got. A post with a removal to send
 * is taken early (before the removal leaves, so two live instances never both act) and marked decided
 * in the transaction that records the rest ({@link Moderation#record}); with the database away the
 * removal goes out anyway and the update is read again later. A claim left by an instance that died
 * is taken over after the lease.
 */
public final class UpdateClaim {
    /** Another instance holds the update and may still be deciding it: read it again later. */
    public static final class Busy extends RuntimeException {
        Busy(String source, long id) { super(source + " " + id + " is being decided by another instance", null, false, false); }
    }

    private final UpdateLedger ledger;
    private final String source;
    private final long id;
    private final Moderation moderation;
    private Boolean taken;
    private boolean early;

    public UpdateClaim(UpdateLedger ledger, String source, long id, Moderation moderation) {
        this.ledger = ledger;
        this.source = source;
        this.id = id;
        this.moderation = moderation;
    }

    /**
     * Before a removal leaves: false when another instance decided the update already; true (remove)
     * when it is ours, or when the database is away.
     *
     * @throws Busy when another instance holds it and may still be deciding it
     */
    public boolean takeEarly() {
        if (taken != null) return taken;
        Instant now = moderation.clock().instant();
        var tried = moderation.whileDatabaseAnswers(
                () -> ledger.claimEarly(source, id, moderation.owner(), now, now.minus(moderation.lease())));
        if (tried.isEmpty()) return true; // the database is away: remove anyway; recording waits until it is back
        switch (tried.get()) {
            case MINE -> early = true;
            case DECIDED -> taken = false;
            case BUSY -> throw new Busy(source, id);
        }
        return early;
    }

    /** Takes (or, after an early claim, decides) the update; inside the recording transaction when there is one. */
    public boolean take() {
        if (taken == null) {
            taken = early ? ledger.decide(source, id, moderation.owner()) : ledger.claim(source, id, moderation.clock().instant());
        }
        return taken;
    }
}
