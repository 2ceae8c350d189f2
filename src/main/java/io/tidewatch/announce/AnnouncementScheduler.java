package io.tidewatch.announce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Announcements#publishDue} every {@code interval} on one daemon thread: reconciles on
 * start, then ticks until {@link #close()}. A failing tick is logged and the next one tries again.
 * Time comes from the announcements' {@link java.time.Clock}, so tests call {@link #tick()} directly.
 */
public final class AnnouncementScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnnouncementScheduler.class);

    private final Announcements announcements;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public AnnouncementScheduler(Announcements announcements, Duration interval) {
        this.announcements = announcements;
        this.interval = interval;
    }

    public synchronized void start() {
        if (executor != null) throw new IllegalStateException("already started");
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "announcements");
            t.setDaemon(true);
            return t;
        });
        executor.execute(() -> {
            try {
                announcements.reconcile(announcements.clock().instant());
            } catch (RuntimeException e) {
                log.error("announcements: reconciliation on start failed: {}", e.toString());
            }
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick now; returns the parts sent (0 when the tick failed). */
    public int tick() {
        try {
            int sent = announcements.publishDue(announcements.clock().instant());
            if (sent > 0) log.info("announcements: {} part(s) published", sent);
            return sent;
        } catch (RuntimeException e) {
            log.error("announcements: tick failed: {}", e.toString());
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        if (executor == null) return;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
