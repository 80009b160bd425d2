package org.imageorganizer.store;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** A cloud store refused or failed a request; the message is one sentence for the user, without secrets. */
public final class RemoteStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, which decides what to do next. */
    public enum Kind {
        /** Temporary (timeouts, connection failures, 5xx, rate limits): worth trying again later. */
        TEMPORARY,
        /** The credentials were refused (401, 403): nothing else will work either, so stop. */
        CREDENTIALS,
        /** This one request was refused (a 400 for this file, say): another try would fail the same way. */
        REJECTED
    }

    private final Kind kind;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    /**
     * @param status     the HTTP status, or 0 when there was no answer
     * @param retryAfter how long the store asked us to wait, if it said
     */
    public RemoteStoreException(Kind kind, int status, Optional<Duration> retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when the request got no answer (timeout, connection refused). */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
