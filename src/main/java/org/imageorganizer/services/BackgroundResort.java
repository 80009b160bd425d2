package org.imageorganizer.services;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imageorganizer.common.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-sorts the library in the background after its categories change, as the window and the server do by
 * themselves: one re-sort at a time, and requests that arrive while one runs make one more afterwards (never a
 * queue of them). A failure is logged with a sentence; the library keeps the labels it had.
 */
public final class BackgroundResort implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundResort.class);

    private final LibraryResort resort;
    private final Runnable before;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(BackgroundThreads.factory("library-resort"));
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile LibraryResort.Summary last;

    /**
     * @param before runs before each re-sort, on its thread (the server points its uploads' classifier at the new
     *               categories there)
     */
    public BackgroundResort(LibraryResort resort, Runnable before) {
        this.resort = Objects.requireNonNull(resort, "resort");
        this.before = Objects.requireNonNull(before, "before");
    }

    /** Asks for a re-sort; returns at once. */
    public void request() {
        if (!waiting.compareAndSet(false, true)) {
            return; // one is waiting to start already: it will see this change
        }
        try {
            worker.execute(() -> {
                running.set(true); // before the request stops waiting: busy() never says false in between
                waiting.set(false);
                try {
                    before.run();
                    last = resort.resort();
                } catch (RuntimeException e) {
                    LOG.warn("The library could not be sorted again after its categories changed: {}", e.toString());
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.set(false); // closed
        }
    }

    /** The last re-sort's summary, or null before the first. */
    public LibraryResort.Summary last() {
        return last;
    }

    /** Whether a re-sort runs or waits. */
    public boolean busy() {
        return running.get() || waiting.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
