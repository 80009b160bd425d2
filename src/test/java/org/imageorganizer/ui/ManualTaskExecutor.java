package org.imageorganizer.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds submitted tasks until the test finishes them, in any order: for races between background tasks. */
public final class ManualTaskExecutor implements TaskExecutor {
    private final List<Task<?>> pending = new ArrayList<>();

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>(work, onSuccess, onFailure);
        pending.add(task);
        return () -> { }; // like a query already running: cancelling does not stop it
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    /** Tasks submitted and not yet finished. */
    public int pending() {
        return pending.size();
    }

    /** Runs the {@code index}-th pending task and delivers its outcome. */
    public void finish(int index) {
        pending.remove(index).run();
    }

    /** Fails the {@code index}-th pending task with this error. */
    public void fail(int index, Exception error) {
        pending.remove(index).onFailure.accept(error);
    }

    /** Finishes every pending task, oldest first, including tasks they submit. */
    public void finishAll() {
        while (!pending.isEmpty()) {
            finish(0);
        }
    }

    private static final class Task<T> {
        final Callable<T> work;
        final Consumer<? super T> onSuccess;
        final Consumer<? super Throwable> onFailure;

        Task(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void run() {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    }
}
