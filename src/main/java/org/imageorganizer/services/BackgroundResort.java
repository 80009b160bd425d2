package org.imageorganizer.services;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.common.BackgroundThreads;
import org.imageorganizer.model.ExplainedException;
import org.imageorganizer.model.SortingCategories;
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
    /** The re-sort that waits to start, if any; guarded by this. */
    private CompletableFuture<LibraryResort.Summary> waiting;
    /** Whether a re-sort has started and not ended; set before {@link #waiting} is cleared, so busy() has no gap. */
    private volatile boolean running;
    private volatile LibraryResort.Summary last;

    /**
     * @param before runs before each re-sort, on its thread (the server points its uploads' classifier at the new
     *               categories there)
     */
    public BackgroundResort(LibraryResort resort, Runnable before) {
        this.resort = Objects.requireNonNull(resort, "resort");
        this.before = Objects.requireNonNull(before, "before");
    }

    /**
     * Asks for a re-sort; returns at once.
     *
     * @return done when the re-sort that sees this request has ended (failed when it failed); requests made while
     *         one waits to start share it
     */
    public synchronized CompletableFuture<LibraryResort.Summary> request() {
        if (waiting != null) {
            return waiting; // one is waiting to start already: it will see this change
        }
        CompletableFuture<LibraryResort.Summary> done = new CompletableFuture<>();
        waiting = done;
        try {
            worker.execute(() -> run(done));
        } catch (RejectedExecutionException e) {
            waiting = null; // closed
            done.completeExceptionally(new ExplainedException("The library is closing; its photos were not sorted again."));
        }
        return done;
    }

    private void run(CompletableFuture<LibraryResort.Summary> done) {
        synchronized (this) {
            running = true;
            waiting = null;
        }
        LibraryResort.Summary summary = null;
        RuntimeException failure = null;
        try {
            before.run();
            summary = resort.resort();
            last = summary;
        } catch (RuntimeException e) {
            LOG.warn("The library could not be sorted again after its categories changed: {}", e.toString());
            failure = e;
        } finally {
            running = false; // before the future completes: whoever waits on it sees the re-sort ended
        }
        if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            done.complete(summary);
        }
    }

    /** How many photos a re-sort with these categories would move, writing nothing (see {@link LibraryResort#preview}). */
    public LibraryResort.Preview preview(SortingCategories proposed) {
        return resort.preview(proposed);
    }

    /** The last re-sort's summary, or null before the first. */
    public LibraryResort.Summary last() {
        return last;
    }

    /** Whether a re-sort runs or waits. */
    public boolean busy() {
        synchronized (this) {
            return waiting != null || running;
        }
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
