package org.imageorganizer.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides whether an upload's body may be read now. Reading holds one of the server's request
 * threads for as long as the body takes to arrive, so without a bound a few slow clients could hold
 * every thread and leave none for reads ({@code /health}, {@code GET /images}). In order:
 * <ol>
 * <li>the client's upload rate ({@link UploadRateLimiter}): over it, 429;</li>
 * <li>the bodies read at once, from this client and from all: at either bound, the upload waits up
 * to {@code wait} for a place, with at most {@code total} uploads waiting at once (waiting holds a
 * thread too); then 503.</li>
 * </ol>
 * Every refusal carries Retry-After and closes the connection rather than read the body it refuses.
 */
final class UploadAdmission {
    /** Seconds a client refused for being busy is told to wait. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final UploadRateLimiter rate;
    private final int total;
    private final int perClient;
    private final long waitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition placeFreed = lock.newCondition();
    private final Map<String, Integer> reading = new HashMap<>();
    private int readingInAll;
    private int waiting;

    /**
     * @param total     bodies read at once from all clients
     * @param perClient bodies one client address may have read at once
     * @param wait      how long an upload over a bound waits for a place
     */
    UploadAdmission(UploadRateLimiter rate, int total, int perClient, Duration wait) {
        this.rate = rate;
        this.total = total;
        this.perClient = perClient;
        this.waitNanos = wait.toNanos();
    }

    /** The place one upload's body is read in; closing it (once or more) gives the place back. */
    final class Permit implements AutoCloseable {
        private final String client;
        private boolean open = true;

        private Permit(String client) {
            this.client = client;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (open) {
                    open = false;
                    readingInAll--;
                    reading.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
                    placeFreed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Takes a place to read an upload from {@code client} (its address, as {@link TrustedProxies} tells it).
     *
     * @throws ApiError             429 over the client's rate; 503 when the client or the server
     *                              still reads as many uploads as it may after the wait
     * @throws InterruptedException when the server stops while the upload waits
     */
    Permit admit(String client) throws InterruptedException {
        OptionalLong retry = rate.acquire(client);
        if (retry.isPresent()) {
            throw new ApiError(429, "too_many_requests", "Too many uploads from this address; try again in "
                    + retry.getAsLong() + " s.", Map.of("Retry-After", Long.toString(retry.getAsLong()),
                    "Connection", "close"), null);
        }
        lock.lock();
        try {
            if (!fits(client) && !awaitPlace(client)) {
                throw busy(reading.getOrDefault(client, 0) >= perClient
                        ? "This address already has " + perClient + " uploads in progress; send the next one when one"
                                + " of them has finished."
                        : "The server is reading as many uploads as it can at once; try again in "
                                + RETRY_AFTER_SECONDS + " s.");
            }
            readingInAll++;
            reading.merge(client, 1, Integer::sum);
            return new Permit(client);
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(String client) {
        return readingInAll < total && reading.getOrDefault(client, 0) < perClient;
    }

    private boolean awaitPlace(String client) throws InterruptedException {
        if (waiting >= total) {
            return false;
        }
        waiting++;
        try {
            long left = waitNanos;
            while (!fits(client)) {
                if (left <= 0) {
                    return false;
                }
                left = placeFreed.awaitNanos(left);
            }
            return true;
        } finally {
            waiting--;
        }
    }

    /** Uploads waiting for a place now. */
    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    private static ApiError busy(String detail) {
        return new ApiError(503, "unavailable", detail,
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS), "Connection", "close"), null);
    }
}
