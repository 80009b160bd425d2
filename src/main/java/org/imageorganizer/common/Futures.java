package org.imageorganizer.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A result made on another thread (a model loading, a library opening), as its users need it: the
 * value when it is there, and the very exception it failed with (a sentence for the user), never a
 * wrapper around it.
 */
public final class Futures {
    private Futures() {
    }

    /**
     * Runs {@code work} on a new thread named {@code name} (a daemon unless {@code daemon} is false) and
     * gives its result: for the slow starts (a library opening, a model loading) that run beside others.
     */
    public static <T> CompletableFuture<T> onNewThread(String name, boolean daemon, java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(daemon);
        thread.start();
        return result;
    }

    /** Waits for the value; a failure is thrown as it was thrown ({@link #unchecked}). */
    public static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw unchecked(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Waits for the value, not to be interrupted; a failure is thrown as it was thrown ({@link #unchecked}). */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unchecked(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Why the future failed, once it has; null while it is pending and once it succeeded. */
    public static Throwable failure(CompletableFuture<?> future) {
        if (!future.isCompletedExceptionally()) {
            return null;
        }
        try {
            future.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /** The value if the future succeeded already, else null (pending or failed). */
    public static <T> T now(CompletableFuture<T> future) {
        return future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /**
     * A failure to throw as it is: a runtime exception itself, an error thrown at once, anything else
     * (a checked exception) wrapped in an {@link IllegalStateException}.
     */
    public static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
