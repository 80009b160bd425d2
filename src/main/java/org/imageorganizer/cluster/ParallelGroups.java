package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.imageorganizer.common.BackgroundThreads;

/**
 * Runs one task per group on a few threads, largest groups first (so the longest task does not
 * start last). Groups are independent, so the cores are used however the library is split. The
 * threads run at background priority ({@link BackgroundThreads}): clustering yields to requests.
 */
public final class ParallelGroups {
    private ParallelGroups() {
    }

    /** Runs {@code task} for every item on {@code threads} threads; returns when all are done; rethrows the first failure. */
    public static <T> void forEach(List<T> items, ToIntFunction<T> size, int threads, java.util.function.Consumer<T> task) {
        List<T> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingInt(size).reversed());
        if (threads <= 1 || ordered.size() <= 1) {
            ordered.forEach(task);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, ordered.size()),
                BackgroundThreads.factory("cluster"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : ordered) {
                futures.add(pool.submit(() -> task.accept(item)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("clustering was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
