package org.imageorganizer.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.imageorganizer.services.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background threads for the work, the JavaFX application thread for the outcome. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;

    public FxTaskExecutor(int threads) {
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ui-task-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Future<?> future = pool.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                if (e instanceof SearchUnavailableException wait && wait.temporary()) {
                    // still loading (the search asks again in a moment): expected, not a failure to trace
                    LOG.info("A background task must wait: {}", e.getMessage());
                } else {
                    LOG.warn("A background task failed: {}", e.toString(), e);
                }
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
        return () -> future.cancel(true);
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
