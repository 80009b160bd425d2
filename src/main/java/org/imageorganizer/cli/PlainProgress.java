package org.imageorganizer.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for a log or a pipe: one complete line every few seconds, e.g.
 * {@code Importing: 120/500 images, 24.1/s, 110 new, 7 duplicates, 3 failed}, and one at the end;
 * no carriage returns, nothing cut.
 */
final class PlainProgress implements ProgressDisplay {
    /** Time between two lines. */
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final String task;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastPrintNanos;
    private long done;
    private long total;
    private String detail = "";
    private boolean printedLatest = true;

    PlainProgress(PrintStream out, String task, LongSupplier nanoClock) {
        this.out = out;
        this.task = task;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    @Override
    public synchronized void update(long done, long total, String detail, String currentFile) {
        this.done = done;
        this.total = total;
        this.detail = detail;
        printedLatest = false;
        long now = nanoClock.getAsLong();
        if (now - lastPrintNanos >= INTERVAL_NANOS) {
            print(now);
        }
    }

    @Override
    public synchronized void message(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (!printedLatest) {
            print(nanoClock.getAsLong());
        }
    }

    private void print(long now) {
        double seconds = (now - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "%s: %d/%d images, %.1f/s%s", task, done, total,
                seconds > 0 ? done / seconds : 0.0, detail.isEmpty() ? "" : ", " + detail));
        out.flush();
        lastPrintNanos = now;
        printedLatest = true;
    }
}
