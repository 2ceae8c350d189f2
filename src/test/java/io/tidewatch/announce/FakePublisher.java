package io.tidewatch.announce;

import io.tidewatch.core.Platform;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A platform that records what it was asked to do. It can refuse the next sends, "crash" the caller
 * before or after a send reaches the platform (an Error the publisher loop does not catch, as when a
 * process dies), and answer findSent truthfully from its records, or as Unknowable.
 */
final class FakePublisher implements Publisher {
    record Sent(String target, String content, String replyTo, boolean pin, String id, Instant at) {}

    record Edit(String target, String messageId, String content) {}

    /** Thrown where a real process would have died. */
    static final class Crash extends Error {
        Crash(String where) { super("simulated crash " + where); }
    }

    enum Crashing { NO, BEFORE_SEND, AFTER_SEND }

    private final Platform platform;
    private final java.time.Clock clock;
    private final AtomicLong ids = new AtomicLong(100);
    final List<Sent> sent = new ArrayList<>();
    final List<Edit> edits = new ArrayList<>();
    final List<String> unpinned = new ArrayList<>();
    final Deque<PublishException> failures = new ArrayDeque<>();
    volatile Crashing crashing = Crashing.NO;
    volatile boolean findSentUnknowable;
    /** When positive: crash right after the send with this number (1-based) reached the platform. */
    volatile int crashAfterSendNumber;
    volatile boolean canEdit;
    int findSentCalls;

    FakePublisher(Platform platform, java.time.Clock clock) {
        this.platform = platform;
        this.clock = clock;
        this.canEdit = platform == Platform.TELEGRAM;
    }

    @Override
    public Platform platform() { return platform; }

    @Override
    public synchronized String send(String target, String content, String replyTo, boolean pin) throws PublishException {
        if (!failures.isEmpty()) throw failures.poll();
        if (crashing == Crashing.BEFORE_SEND) {
            crashing = Crashing.NO;
            throw new Crash("before the send reached the platform");
        }
        String id = platform.wireName() + "-" + ids.incrementAndGet();
        sent.add(new Sent(target, content, replyTo, pin, id, clock.instant()));
        if (crashing == Crashing.AFTER_SEND || sent.size() == crashAfterSendNumber) {
            crashAfterSendNumber = 0;
            crashing = Crashing.NO;
            throw new Crash("after the send, before it was recorded");
        }
        return id;
    }

    @Override
    public synchronized boolean edit(String target, String messageId, String content) {
        if (!canEdit) return false;
        edits.add(new Edit(target, messageId, content));
        return true;
    }

    @Override
    public synchronized void unpin(String target, String messageId) {
        unpinned.add(target + "/" + messageId);
    }

    @Override
    public synchronized Optional<String> findSent(String target, String content, Instant since) throws PublishException {
        findSentCalls++;
        if (findSentUnknowable) throw new PublishException.Unknowable("history is not readable");
        return sent.stream().filter(s -> s.target().equals(target) && s.content().equals(content) && !s.at().isBefore(since))
                .map(Sent::id).findFirst();
    }

    synchronized List<Sent> sentTo(String target) {
        return sent.stream().filter(s -> s.target().equals(target)).toList();
    }
}
