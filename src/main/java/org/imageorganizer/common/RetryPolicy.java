package org.imageorganizer.common;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a download is tried and how long to wait in between: the wait before retry n
 * (n = 1, 2, ...) is {@code backoff * 2^(n-1)}, at most 30 seconds.
 *
 * @param attempts tries per file in total, at least 1
 * @param backoff  the wait before the first retry
 */
public record RetryPolicy(int attempts, Duration backoff) {
    /** Three tries, waiting 1 s and then 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1));

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, found " + attempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, found " + backoff);
        }
    }

    /** The wait before retry {@code retry} (1 = the second attempt). */
    public Duration delayBeforeRetry(int retry) {
        Duration wait = backoff;
        for (int i = 1; i < retry && wait.compareTo(MAX_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
