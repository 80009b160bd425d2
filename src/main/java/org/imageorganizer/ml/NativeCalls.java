package org.imageorganizer.ml;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The calls into a model's native code (the engine and the tokenizer) and its close, kept apart: calls run together,
 * a close waits for the calls under way, and a call after the close fails instead of reading freed native memory,
 * which would crash the whole process (it did, in the tokenizer, when an import's model was closed while its labels
 * were still being encoded on the loading thread).
 */
final class NativeCalls {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Runs a call into the native code, unless the model was closed.
     *
     * @throws IllegalStateException when the model was closed already
     */
    <T> T run(Supplier<T> call) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("The model was closed before this call.");
            }
            return call.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Waits for the calls under way and lets no other start.
     *
     * @return whether this was the first close: the caller then frees the native resources (no call can use them)
     */
    boolean close() {
        lock.writeLock().lock();
        try {
            boolean first = !closed;
            closed = true;
            return first;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
