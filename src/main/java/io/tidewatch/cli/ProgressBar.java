package io.tidewatch.cli;

import java.io.PrintWriter;

/** A one-line progress bar on standard error ("\r"-redrawn), or nothing when not wanted. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final int total;
    private final boolean on;
    private final long started = System.nanoTime();
    private int done;
    private int lastPercent = -1;

    private ProgressBar(PrintWriter err, String label, int total, boolean on) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.on = on;
    }

    static ProgressBar start(PrintWriter err, String label, int total, boolean on) {
        return new ProgressBar(err, label, total, on);
    }

    void step() {
        done++;
        if (!on) return;
        int percent = (int) (100L * done / Math.max(1, total));
        if (percent == lastPercent) return;
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        double secs = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        err.printf("\r%s [%s%s] %3d%% %d/%d (%.0f posts/s)", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                percent, done, total, done / secs);
        err.flush();
    }

    void done() {
        if (!on) return;
        err.println();
        err.flush();
    }
}
