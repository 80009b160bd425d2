package org.imageorganizer.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The storage check ({@link StorageReconciler}) on a daemon thread of its own, started once the
 * server listens, so that neither start-up nor {@code /health} waits for it: a first pass at once
 * and, when that one left recent files waiting, a second one when they are old enough to judge.
 * Closing it interrupts a pass in progress (it stops before its next move; the next start carries on).
 */
public final class BackgroundStorageCheck implements AutoCloseable {
    private static final long STOP_WAIT_SECONDS = 10;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "storage-check");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final CompletableFuture<List<StorageReconciler.Pass>> passes = new CompletableFuture<>();

    private BackgroundStorageCheck() {
    }

    /**
     * Starts checking in the background.
     *
     * @param startedAt when this process started taking uploads (before its first one)
     */
    public static BackgroundStorageCheck start(StorageReconciler reconciler, Instant startedAt) {
        BackgroundStorageCheck check = new BackgroundStorageCheck();
        check.thread.execute(() -> {
            List<StorageReconciler.Pass> done = new ArrayList<>();
            StorageReconciler.Pass first = reconciler.reconcile(startedAt);
            done.add(first);
            if (first.outcome() != StorageReconciler.Outcome.CHECKED || first.waiting() == 0) {
                check.passes.complete(List.copyOf(done));
                return;
            }
            try {
                check.thread.schedule(() -> {
                    done.add(reconciler.reconcile(startedAt));
                    check.passes.complete(List.copyOf(done));
                }, reconciler.untilSecondPass(startedAt).toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                check.passes.complete(List.copyOf(done)); // closed meanwhile
            }
        });
        return check;
    }

    /** The passes run, once the last one has ended; cancelled when the check is closed before. */
    public CompletableFuture<List<StorageReconciler.Pass>> passes() {
        return passes;
    }

    /** Stops the check (waits a few seconds for a pass in progress to end). */
    @Override
    public void close() {
        thread.shutdownNow();
        passes.cancel(false);
        try {
            thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
