package io.tidewatch.announce;

import io.tidewatch.core.Platform;

import java.time.Instant;
import java.util.Optional;

/**
 * A platform announcements are published to. The Telegram adapter implements it now, the Twitter
 * adapter later; tests use a fake. Implementations block until the platform answered.
 */
public interface Publisher {
    Platform platform();

    /**
     * Sends one rendered part to a target (a chat id for Telegram, the account for Twitter).
     *
     * @param replyTo the platform id of the previous part when parts form a thread, or null
     * @return the platform's id of the new message
     */
    String send(String target, String content, String replyTo, boolean pin) throws PublishException;

    /** Replaces a published part's content; returns false when the platform cannot edit (Twitter). */
    boolean edit(String target, String messageId, String content) throws PublishException;

    /** Unpins a published part where the platform pins; a no-op elsewhere. */
    void unpin(String target, String messageId) throws PublishException;

    /**
     * After a crash between sending and recording: looks for a part sent since {@code since}.
     * Returns its id if found, empty if certainly not sent, or throws
     * {@link PublishException.Unknowable} when the platform cannot tell (then nothing is resent).
     */
    Optional<String> findSent(String target, String content, Instant since) throws PublishException;
}
