package org.imageorganizer.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way views run slow work: off the UI thread, with the outcome delivered back on it.
 * {@link FxTaskExecutor} is the application's; {@link SameThreadTaskExecutor} runs everything at
 * once on the caller's thread, for view-model tests.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @return a handle that interrupts the work when cancelled
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (soon, or now when called from it). */
    void onUi(Runnable action);

    /** A submitted task. */
    interface Cancellable {
        void cancel();
    }
}
