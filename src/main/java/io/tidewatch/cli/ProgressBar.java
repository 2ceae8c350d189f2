package io.tidewatch.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error ("\r"-redrawn), or nothing when not wanted. The number
 * of posts is not known before the end of a streamed input, so the bar measures bytes read against
 * the file's size (a count and a rate only for standard input), and appears once more than
 * {@code threshold} posts were written: small inputs stay quiet.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final String label;
    private final long size;
    private final long threshold;
    private final boolean on;
    private final long started = System.nanoTime();
    private long posts, position, lastDraw;
    private boolean drawn;

    private ProgressBar(PrintWriter err, String label, long size, long threshold, boolean on) {
        this.err = err;
        this.label = label;
        this.size = size;
        this.threshold = threshold;
        this.on = on;
    }

    /** @param size the input's size in bytes, or -1 when unknown */
    static ProgressBar start(PrintWriter err, String label, long size, long threshold, boolean on) {
        return new ProgressBar(err, label, size, threshold, on);
    }

    /** How far into the input (bytes) the posts written so far reach. */
    void at(long position) { this.position = position; }

    /** One more post written. */
    void step() {
        posts++;
        if (!on || posts <= threshold) return;
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        draw(false);
    }

    /** A line for standard error (a warning) that must not be drawn over. */
    void println(String line) {
        if (drawn) err.print("\r" + " ".repeat(WIDTH + label.length() + 50) + "\r");
        err.println(line);
        err.flush();
        drawn = false;
    }

    void done() {
        if (!on || posts <= threshold) return;
        draw(true);
        err.println();
        err.flush();
    }

    private void draw(boolean finished) {
        double secs = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        if (size > 0) {
            int percent = finished ? 100 : (int) Math.min(99, 100 * position / size);
            int filled = percent * WIDTH / 100;
            err.printf("\r%s [%s%s] %3d%% %,d posts (%,.0f posts/s)", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                    percent, posts, posts / secs);
        } else {
            err.printf("\r%s %,d posts (%,.0f posts/s)", label, posts, posts / secs);
        }
        err.flush();
        drawn = true;
    }
}
