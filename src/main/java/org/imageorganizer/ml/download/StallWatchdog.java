package org.imageorganizer.ml.download;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a response body when no bytes arrived for a while. The JDK HTTP client's request timeout only
 * covers the wait for the response headers; a body that stops flowing would block a read forever.
 */
final class StallWatchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "model-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final ScheduledFuture<?> task;
    private volatile boolean stalled;

    StallWatchdog(Closeable stream, Duration timeout) {
        long timeoutNanos = timeout.toNanos();
        long period = Math.max(5, timeout.toMillis() / 4);
        task = TIMER.scheduleAtFixedRate(() -> {
            if (!stalled && System.nanoTime() - lastActivity.get() > timeoutNanos) {
                stalled = true;
                try {
                    stream.close();
                } catch (IOException | RuntimeException ignored) {
                    // the reader sees the stream end or fail and checks stalled()
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    void touch() {
        lastActivity.set(System.nanoTime());
    }

    boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
