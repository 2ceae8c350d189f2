package io.tidewatch.twitter;

import io.tidewatch.moderation.Moderation;
import io.tidewatch.store.StoreException;
import io.tidewatch.store.UpdateLedger;

import java.time.Instant;

/**
 * Takes one tweet or DM event for this instance, once, in the shared {@link UpdateLedger}: two
 * instances on one database read the same mentions, and only the one holding the claim acts. A post
 * with a reply to hide is claimed early (before the hide leaves, so two live instances never both
 * act) and marked decided in the transaction that records the rest; a claim left by an instance that
 * died is taken over after the lease.
 */
final class TwitterClaim {
    /** Another instance holds the post and may still be deciding it: read it again next time. */
    static final class Busy extends RuntimeException {
        Busy(String source, long id) { super(source + " " + id + " is being decided by another instance", null, false, false); }
    }

    private final UpdateLedger ledger;
    private final String source;
    private final long id;
    private final Moderation moderation;
    private Boolean taken;
    private boolean early;

    TwitterClaim(UpdateLedger ledger, String source, long id, Moderation moderation) {
        this.ledger = ledger;
        this.source = source;
        this.id = id;
        this.moderation = moderation;
    }

    /**
     * Before a hide leaves: false when another instance decided the post already. With the database
     * away the hide goes out anyway (recording waits, and the post is read again).
     *
     * @throws Busy when another instance holds it and may still be deciding
     */
    boolean takeEarly() {
        if (taken != null) return taken;
        UpdateLedger.EarlyClaim got;
        try {
            Instant now = moderation.clock().instant();
            got = ledger.claimEarly(source, id, moderation.owner(), now, now.minus(moderation.lease()));
        } catch (StoreException e) {
            return true;
        }
        switch (got) {
            case MINE -> early = true;
            case DECIDED -> taken = false;
            case BUSY -> throw new Busy(source, id);
        }
        return early;
    }

    /** Takes (or, after an early claim, decides) the post; called inside the recording transaction. */
    boolean take() {
        if (taken == null) {
            taken = early ? ledger.decide(source, id, moderation.owner()) : ledger.claim(source, id, moderation.clock().instant());
        }
        return taken;
    }
}
