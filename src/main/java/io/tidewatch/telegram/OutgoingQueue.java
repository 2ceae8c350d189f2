package io.tidewatch.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way out to the Bot API. Every call waits its turn here: deletions before bans before
 * warnings before alerts, within Telegram's rate limits. A few senders work in parallel, but never
 * two in one chat, so a chat's calls arrive in order (the leak is gone before the warning appears). A 429 is retried after its
 * {@code retry_after}; a network error or 5xx with exponential back-off; nothing is dropped — after
 * the last attempt the call's future fails, and the caller audits it as failed.
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

    /** Why a call finally failed; {@code retryable} when trying later might work (429, network, 5xx). */
    public static final class CallFailedException extends RuntimeException {
        private final boolean retryable;
        private final Integer errorCode;
        private final String description;
        private final Integer retryAfter;

        CallFailedException(String message, boolean retryable, Integer errorCode, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
            this.errorCode = errorCode;
            TelegramApiRequestException api = cause instanceof TelegramApiRequestException r ? r : null;
            this.description = api == null || api.getApiResponse() == null ? "" : api.getApiResponse();
            this.retryAfter = api == null || api.getParameters() == null ? null : api.getParameters().getRetryAfter();
        }

        public boolean retryable() { return retryable; }

        public Integer errorCode() { return errorCode; }

        /** Telegram's own words ("Bad Request: message to delete not found"), or "". */
        public String description() { return description; }

        /** Seconds Telegram asked to wait, or null. */
        public Integer retryAfter() { return retryAfter; }
    }

    public record Retries(int maxAttempts, Duration firstBackOff, Duration maxBackOff) {
        public static Retries defaults() { return new Retries(8, Duration.ofMillis(250), Duration.ofSeconds(30)); }
    }

    private final class Job {
        final Priority priority;
        final String chat;
        final boolean groupMessage;
        final String what;
        final Call call;
        final long seq = sequence.incrementAndGet();
        final CompletableFuture<Serializable> future = new CompletableFuture<>();
        long readyAt;
        int attempts;

        Job(Priority priority, String chat, boolean groupMessage, String what, Call call, long readyAt) {
            this.priority = priority;
            this.chat = chat;
            this.groupMessage = groupMessage;
            this.what = what;
            this.call = call;
            this.readyAt = readyAt;
        }
    }

    private final TelegramClient client;
    private final RateLimits limits;
    private final Retries retries;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeSet<Job> ready = new TreeSet<>(
            Comparator.<Job>comparingInt(j -> j.priority.ordinal()).thenComparingLong(j -> j.seq));
    private final PriorityQueue<Job> delayed = new PriorityQueue<>(Comparator.comparingLong(j -> j.readyAt));
    /** Chats with a call in flight: calls into one chat go one at a time, in order; chats in parallel. */
    private final Set<String> busy = new HashSet<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    public OutgoingQueue(TelegramClient client, RateLimits.Config limits, Retries retries) {
        this(client, limits, retries, 4);
    }

    /** @param senders how many calls may be in flight at once (each to a different chat) */
    public OutgoingQueue(TelegramClient client, RateLimits.Config limits, Retries retries, int senders) {
        this.client = client;
        this.limits = new RateLimits(limits, System.nanoTime());
        this.retries = retries;
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
        Job job = new Job(priority, chat == null ? "" : chat, groupMessage, what, call, System.nanoTime());
        if (!accepting) {
            job.future.completeExceptionally(new CallFailedException("shutting down: " + what, true, null, null));
            return job.future;
        }
        lock.lock();
        try {
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

    private void loop() {
        while (true) {
            Job job = null;
            lock.lock();
            try {
                while (job == null) {
                    long now = System.nanoTime();
                    while (!delayed.isEmpty() && delayed.peek().readyAt <= now) ready.add(delayed.poll());
                    Job candidate = null;
                    for (Job j : ready) {
                        if (!busy.contains(j.chat)) {
                            candidate = j;
                            break;
                        }
                    }
                    if (candidate == null) {
                        if (!running && ready.isEmpty() && delayed.isEmpty() && busy.isEmpty()) {
                            changed.signalAll();
                            return;
                        }
                        long waitNanos = delayed.isEmpty() ? TimeUnit.MILLISECONDS.toNanos(500) : delayed.peek().readyAt - now;
                        try {
                            changed.awaitNanos(Math.max(1, Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(500))));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        continue;
                    }
                    ready.remove(candidate);
                    long wait = limits.reserve(candidate.chat, candidate.groupMessage, now);
                    if (wait > 0) {
                        candidate.readyAt = now + wait;
                        delayed.add(candidate);
                        continue;
                    }
                    busy.add(candidate.chat);
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
                    busy.remove(job.chat);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private void run(Job job) {
        job.attempts++;
        try {
            Serializable result = job.call.execute(client);
            sent.incrementAndGet();
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
                    limits.block(job.chat, System.nanoTime() + delay);
                } finally {
                    lock.unlock();
                }
                retryLater(job, delay, e, code);
            } else if (code != null && code >= 500) {
                retryLater(job, backOff(job.attempts), e, code);
            } else {
                fail(job, e.getMessage(), false, code, e);
            }
        } catch (TelegramApiException e) {
            retryLater(job, backOff(job.attempts), e, null);
        } catch (RuntimeException e) {
            fail(job, e.toString(), false, null, e);
        }
    }

    private long backOff(int attempts) {
        long first = retries.firstBackOff().toNanos();
        long nanos = first << Math.min(20, attempts - 1);
        return Math.min(nanos, retries.maxBackOff().toNanos());
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
                ArrayDeque<Job> left = new ArrayDeque<>(ready);
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
