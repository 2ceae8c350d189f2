package io.tidewatch.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way out to the Bot API. Every call waits its turn here: deletions before bans before
 * warnings before alerts, within Telegram's rate limits. A few senders work in parallel; a chat's
 * messages go one at a time, in order, while its deletions have a lane of their own, so a deletion
 * never waits behind a warning (nor behind a warning's 429). A 429 is retried after its
 * {@code retry_after}; a network error or 5xx after an exponential back-off with jitter. After the
 * last attempt the call's future fails (the action log keeps the action for later). So a raid cannot
 * bury a chat in stale messages: a message not sent within {@code staleAfter} is dropped, answers
 * beyond {@code maxAnswersPerChat} waiting in one chat are refused, and when more foldable messages
 * (warnings, alerts) wait for a chat than it can take in the next minute they go out as one summary.
 */
public final class OutgoingQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutgoingQueue.class);

    /** One Bot API call. */
    @FunctionalInterface
    public interface Call {
        Serializable execute(TelegramClient client) throws TelegramApiException;
    }

    /** Lower goes first. */
    public enum Priority { DELETE, PUNISH, ANSWER, REPLY, DIRECT, ALERT, BACKGROUND }

    /**
     * Messages of one {@code group} ("warning", "alert") into one chat that may go out as one summary
     * when there are too many: more than {@code perMinute} in a minute, or more than the chat can take.
     * {@code item} is what the {@link Folder} needs to write the summary.
     */
    public record Fold(String group, Object item, Folder folder, int perMinute) {}

    /** Writes the one call that replaces many waiting messages, or null to send them as they are. */
    @FunctionalInterface
    public interface Folder {
        Call summary(String chat, List<Object> items);
    }

    /** Why a call finally failed; {@code retryable} when trying later might work (429, network, 5xx). */
    public static final class CallFailedException extends RuntimeException {
        private final boolean retryable;
        private final boolean dropped;
        private final Integer errorCode;
        private final String description;
        private final Integer retryAfter;

        CallFailedException(String message, boolean retryable, Integer errorCode, Throwable cause) {
            this(message, retryable, false, errorCode, cause);
        }

        CallFailedException(String message, boolean retryable, boolean dropped, Integer errorCode, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
            this.dropped = dropped;
            this.errorCode = errorCode;
            TelegramApiRequestException api = cause instanceof TelegramApiRequestException r ? r : null;
            this.description = api == null || api.getApiResponse() == null ? "" : api.getApiResponse();
            this.retryAfter = api == null || api.getParameters() == null ? null : api.getParameters().getRetryAfter();
        }

        public boolean retryable() { return retryable; }

        /** Not sent on purpose: stale, folded into a summary, or refused because the chat's queue is full. */
        public boolean dropped() { return dropped; }

        public Integer errorCode() { return errorCode; }

        /** Telegram's own words ("Bad Request: message to delete not found"), or "". */
        public String description() { return description; }

        /** Seconds Telegram asked to wait, or null. */
        public Integer retryAfter() { return retryAfter; }
    }

    public record Retries(int maxAttempts, Duration firstBackOff, Duration maxBackOff) {
        public static Retries defaults() { return new Retries(8, Duration.ofMillis(250), Duration.ofSeconds(10)); }
    }

    /** Bounds against floods: how long a message may wait, and how many answers may wait in one chat. */
    public record Bounds(Duration staleAfter, int maxAnswersPerChat) {
        public static Bounds defaults() { return new Bounds(Duration.ofMinutes(2), 30); }
    }

    private final class Job {
        final Priority priority;
        final String chat;
        final String lane;
        final boolean groupMessage;
        final String what;
        final Fold fold;
        final long seq = sequence.incrementAndGet();
        final long submittedAt;
        final CompletableFuture<Serializable> future = new CompletableFuture<>();
        Call call;
        boolean summary;
        boolean held;
        long readyAt;
        int attempts;

        Job(Priority priority, String chat, boolean groupMessage, String what, Call call, Fold fold, long now) {
            this.priority = priority;
            this.chat = chat;
            // deletions have a lane of their own: they never wait behind a chat's messages
            this.lane = priority == Priority.DELETE ? chat + "#delete" : chat;
            this.groupMessage = groupMessage;
            this.what = what;
            this.call = call;
            this.fold = fold;
            this.submittedAt = now;
            this.readyAt = now;
        }

        boolean perishable() {
            return priority == Priority.ANSWER || priority == Priority.REPLY || priority == Priority.DIRECT
                    || priority == Priority.ALERT;
        }

        String foldKey() { return fold == null ? null : chat + "|" + fold.group(); }
    }

    private final TelegramClient client;
    private final RateLimits limits;
    private final Retries retries;
    private final Bounds bounds;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong folded = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeSet<Job> ready = new TreeSet<>(
            Comparator.<Job>comparingInt(j -> j.priority.ordinal()).thenComparingLong(j -> j.seq));
    private final PriorityQueue<Job> delayed = new PriorityQueue<>(Comparator.comparingLong(j -> j.readyAt));
    /** Lanes with a call in flight: one call at a time per lane, lanes in parallel. */
    private final Set<String> busy = new HashSet<>();
    /** Foldable jobs waiting, by chat and group. */
    private final Map<String, List<Job>> foldable = new HashMap<>();
    /** When foldable messages (or their summaries) went out lately, by chat and group. */
    private final Map<String, java.util.ArrayDeque<Long>> foldSent = new HashMap<>();
    /** Answers waiting, by chat. */
    private final Map<String, Integer> answers = new HashMap<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean running = true;
    /** Server errors and lost connections in a row, whatever the lane: Telegram itself is in trouble. */
    private int outageFailures;
    /** Until then nothing is sent (one sender probes when it ends): an outage is not answered with a storm of retries. */
    private long outageUntil;

    public OutgoingQueue(TelegramClient client, RateLimits.Config limits, Retries retries) {
        this(client, limits, retries, Bounds.defaults(), 4);
    }

    /** @param senders how many calls may be in flight at once (each in a different lane) */
    public OutgoingQueue(TelegramClient client, RateLimits.Config limits, Retries retries, Bounds bounds, int senders) {
        this.client = client;
        this.limits = new RateLimits(limits, System.nanoTime());
        this.retries = retries;
        this.bounds = bounds;
        for (int i = 0; i < senders; i++) {
            Thread t = new Thread(this::loop, "telegram-outgoing-" + (i + 1));
            t.setDaemon(true);
            this.senders.add(t);
            t.start();
        }
    }

    /**
     * Queues a call. {@code groupMessage} marks a message posted into a group (the per-group limit applies).
     * The future completes with the API's result, or fails with {@link CallFailedException}.
     */
    public CompletableFuture<Serializable> submit(Priority priority, String chat, boolean groupMessage, String what, Call call) {
        return submit(priority, chat, groupMessage, what, call, null);
    }

    /** As {@link #submit(Priority, String, boolean, String, Call)}, for a message that may be folded into a summary. */
    public CompletableFuture<Serializable> submit(Priority priority, String chat, boolean groupMessage, String what, Call call,
                                                  Fold fold) {
        Job job = new Job(priority, chat == null ? "" : chat, groupMessage, what, call, fold, System.nanoTime());
        if (!accepting) {
            job.future.completeExceptionally(new CallFailedException("shutting down: " + what, true, null, null));
            return job.future;
        }
        lock.lock();
        try {
            if (priority == Priority.ANSWER) {
                int waiting = answers.getOrDefault(job.chat, 0);
                if (waiting >= bounds.maxAnswersPerChat()) {
                    drop(job, "too many answers waiting in " + job.chat);
                    return job.future;
                }
                answers.put(job.chat, waiting + 1);
            }
            if (fold != null) foldable.computeIfAbsent(job.foldKey(), k -> new ArrayList<>()).add(job);
            ready.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return job.future;
    }

    public int waiting() {
        lock.lock();
        try {
            return ready.size() + delayed.size();
        } finally {
            lock.unlock();
        }
    }

    public long failedCount() { return failed.get(); }

    public long sentCount() { return sent.get(); }

    /** Messages not sent on purpose: stale, or refused because a chat had too many answers waiting. */
    public long droppedCount() { return dropped.get(); }

    /** Messages that went out as part of a summary. */
    public long foldedCount() { return folded.get(); }

    private void loop() {
        while (true) {
            Job job = null;
            lock.lock();
            try {
                while (job == null) {
                    long now = System.nanoTime();
                    while (!delayed.isEmpty() && delayed.peek().readyAt <= now) ready.add(delayed.poll());
                    Job candidate = null;
                    if (now >= outageUntil) {
                        for (Job j : ready) {
                            if (!busy.contains(j.lane)) {
                                candidate = j;
                                break;
                            }
                        }
                    }
                    if (candidate == null) {
                        if (!running && ready.isEmpty() && delayed.isEmpty() && busy.isEmpty()) {
                            changed.signalAll();
                            return;
                        }
                        long waitNanos = now < outageUntil ? outageUntil - now
                                : delayed.isEmpty() ? TimeUnit.MILLISECONDS.toNanos(500) : delayed.peek().readyAt - now;
                        try {
                            changed.awaitNanos(Math.max(1, Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(500))));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        continue;
                    }
                    ready.remove(candidate);
                    if (candidate.perishable() && now - candidate.submittedAt > bounds.staleAfter().toNanos()) {
                        forget(candidate);
                        drop(candidate, "not sent within " + bounds.staleAfter().toSeconds() + " s");
                        continue;
                    }
                    if (candidate.fold != null && !candidate.summary && holdOrFold(candidate, now)) continue;
                    long wait = limits.reserve(candidate.chat, candidate.lane, candidate.groupMessage, now);
                    if (wait > 0) {
                        candidate.readyAt = now + wait;
                        delayed.add(candidate);
                        continue;
                    }
                    busy.add(candidate.lane);
                    forget(candidate);
                    job = candidate;
                }
            } finally {
                lock.unlock();
            }
            try {
                run(job);
            } finally {
                lock.lock();
                try {
                    busy.remove(job.lane);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * In a raid, foldable messages go out as summaries: when a chat got its {@code perMinute} of them
     * in the last minute (or more wait than it can take), the next one is held for a while to gather
     * the rest, then all that wait go out as one. True when {@code job} was held (it is back in the
     * delayed list). Called with the lock held.
     */
    private boolean holdOrFold(Job job, long now) {
        List<Job> waiting = foldable.get(job.foldKey());
        int pending = waiting == null ? 0 : waiting.size();
        java.util.ArrayDeque<Long> sentTimes = foldSent.get(job.foldKey());
        long minuteAgo = now - TimeUnit.MINUTES.toNanos(1);
        while (sentTimes != null && !sentTimes.isEmpty() && sentTimes.peekFirst() < minuteAgo) sentTimes.pollFirst();
        int sent = sentTimes == null ? 0 : sentTimes.size();
        int perMinute = Math.max(1, job.fold.perMinute());
        boolean tooMany = sent + pending > perMinute || pending > Math.max(1, limits.budgetNextMinute(job.chat, now));
        if (!tooMany) return false;
        if (!job.held) {
            job.held = true; // wait for the rest of the raid: one summary per 1/perMinute of a minute at most
            job.readyAt = now + TimeUnit.MINUTES.toNanos(1) / perMinute;
            delayed.add(job);
            return true;
        }
        List<Object> items = new ArrayList<>();
        for (Job j : waiting) items.add(j.fold.item());
        Call summary = job.fold.folder().summary(job.chat, items);
        if (summary == null) return false;
        for (Job j : List.copyOf(waiting)) {
            if (j == job) continue;
            ready.remove(j);
            delayed.remove(j);
            forget(j);
            folded.incrementAndGet();
            j.future.completeExceptionally(new CallFailedException(j.what + ": folded into a summary", false, true, null, null));
        }
        folded.incrementAndGet();
        job.call = summary;
        job.summary = true;
        log.info("telegram: {} waiting messages for {} go out as one summary", items.size(), job.chat);
        return false;
    }

    /** The job leaves the waiting lists (sent, dropped or folded). Called with the lock held. */
    private void forget(Job job) {
        if (job.fold != null) {
            List<Job> waiting = foldable.get(job.foldKey());
            if (waiting != null && waiting.remove(job) && waiting.isEmpty()) foldable.remove(job.foldKey());
        }
        if (job.priority == Priority.ANSWER) answers.computeIfPresent(job.chat, (k, n) -> n <= 1 ? null : n - 1);
    }

    private void run(Job job) {
        job.attempts++;
        try {
            Serializable result = job.call.execute(client);
            sent.incrementAndGet();
            outage(false);
            if (job.fold != null) {
                lock.lock();
                try {
                    foldSent.computeIfAbsent(job.foldKey(), k -> new java.util.ArrayDeque<>()).addLast(System.nanoTime());
                } finally {
                    lock.unlock();
                }
            }
            job.future.complete(result);
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            if (retryAfter != null || (code != null && code == 429)) {
                long delay = TimeUnit.SECONDS.toNanos(retryAfter == null ? 1 : Math.max(1, retryAfter));
                log.warn("telegram: {} rate-limited, retrying after {} s (attempt {})", job.what,
                        retryAfter == null ? 1 : retryAfter, job.attempts);
                lock.lock();
                try {
                    limits.block(job.lane, System.nanoTime() + delay);
                } finally {
                    lock.unlock();
                }
                retryLater(job, delay, e, code);
            } else if (code != null && code >= 500) {
                outage(true);
                retryLater(job, backOff(job.attempts), e, code);
            } else {
                outage(false);
                fail(job, e.getMessage(), false, code, e);
            }
        } catch (TelegramApiException e) {
            outage(true);
            retryLater(job, backOff(job.attempts), e, null);
        } catch (RuntimeException e) {
            fail(job, e.toString(), false, null, e);
        }
    }

    /**
     * Counts server errors and lost connections in a row; from the third on, every lane pauses (a
     * growing, jittered pause up to the back-off cap), so an outage gets a trickle of probes, not a
     * retry storm. Any answer from Telegram ends it.
     */
    private void outage(boolean failed) {
        lock.lock();
        try {
            if (!failed) {
                outageFailures = 0;
                return;
            }
            outageFailures++;
            if (outageFailures < 3) return;
            long pause = backOff(outageFailures - 2);
            outageUntil = Math.max(outageUntil, System.nanoTime() + pause);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Exponential, capped, with full jitter in its upper half: senders do not come back in step. */
    private long backOff(int attempts) {
        long first = retries.firstBackOff().toNanos();
        long nanos = Math.min(first << Math.min(20, attempts - 1), retries.maxBackOff().toNanos());
        return nanos / 2 + ThreadLocalRandom.current().nextLong(nanos / 2 + 1);
    }

    private void retryLater(Job job, long delayNanos, Exception cause, Integer code) {
        if (job.attempts >= retries.maxAttempts() || (!running && delayNanos > TimeUnit.SECONDS.toNanos(5))) {
            fail(job, "gave up after " + job.attempts + " attempts: " + cause.getMessage(), true, code, cause);
            return;
        }
        if (!(cause instanceof TelegramApiRequestException)) {
            log.warn("telegram: {} failed ({}), retrying in {} ms", job.what, cause.getMessage(), delayNanos / 1_000_000);
        }
        lock.lock();
        try {
            job.readyAt = System.nanoTime() + delayNanos;
            delayed.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void fail(Job job, String message, boolean retryable, Integer code, Throwable cause) {
        failed.incrementAndGet();
        log.warn("telegram: {} failed: {}", job.what, message);
        job.future.completeExceptionally(new CallFailedException(job.what + ": " + message, retryable, code, cause));
    }

    private void drop(Job job, String why) {
        dropped.incrementAndGet();
        log.debug("telegram: {} dropped: {}", job.what, why);
        job.future.completeExceptionally(new CallFailedException(job.what + ": dropped, " + why, false, true, null, null));
    }

    /** Stops taking new calls and sends what is queued (waiting at most {@code timeout}); the rest fail. */
    public void drain(Duration timeout) {
        accepting = false;
        lock.lock();
        try {
            running = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread t : senders) t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (senders.stream().anyMatch(Thread::isAlive)) {
            senders.forEach(Thread::interrupt);
            lock.lock();
            try {
                List<Job> left = new ArrayList<>(ready);
                left.addAll(delayed);
                ready.clear();
                delayed.clear();
                for (Job j : left) fail(j, "not sent before shutdown", true, null, null);
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() { drain(Duration.ofSeconds(10)); }
}
