package org.imageorganizer.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work and its outcome at once on the calling thread: for view-model tests. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return () -> { };
        }
        onSuccess.accept(result);
        return () -> { };
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
