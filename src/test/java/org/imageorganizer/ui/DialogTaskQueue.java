package org.imageorganizer.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A task executor for view-model tests that keeps submitted work until the test runs it, so a
 * test can act while work is "in the background" (navigate, cancel) and then let it finish.
 * Like {@link FxTaskExecutor}, a cancelled task that still finishes delivers its outcome: view
 * models must ignore outcomes they no longer want. UI actions run at once.
 */
public final class DialogTaskQueue implements TaskExecutor {
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private int cancelled;

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        pending.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return () -> cancelled++;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    /** Runs the oldest waiting task and delivers its outcome. */
    public void runNext() {
        pending.removeFirst().run();
    }

    /** Runs everything waiting, including work submitted meanwhile. */
    public void runAll() {
        while (!pending.isEmpty()) {
            runNext();
        }
    }

    public int pending() {
        return pending.size();
    }

    /** How many handles were cancelled. */
    public int cancelled() {
        return cancelled;
    }
}
