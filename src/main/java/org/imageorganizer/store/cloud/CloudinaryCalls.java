package org.imageorganizer.store.cloud;

import com.cloudinary.Cloudinary;
import com.cloudinary.api.AuthorizationRequired;
import com.cloudinary.api.exceptions.BadRequest;
import com.cloudinary.api.exceptions.NotAllowed;
import com.cloudinary.api.exceptions.RateLimited;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.http.conn.ConnectTimeoutException;
import org.imageorganizer.store.RemoteStoreException;
import org.imageorganizer.store.RemoteStoreException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cloudinary requests with their failures made into sentences (credentials, rate limit, server
 * error, no answer) and temporary failures tried again: the retry policy's backoff, or a longer
 * Retry-After up to the configured cap. The secret never reaches a message.
 */
final class CloudinaryCalls {
    private static final Logger LOG = LoggerFactory.getLogger(CloudinaryCalls.class);
    private static final int MAX_MESSAGE = 300;

    private final CloudinaryConfig config;

    CloudinaryCalls(CloudinaryConfig config) {
        this.config = config;
    }

    /** An Upload API answer, or the failure it reports. */
    static Map<?, ?> checked(Map<?, ?> result) throws RemoteStoreException {
        if (result != null && result.get("error") instanceof Map<?, ?> error) {
            int status = error.get("http_code") instanceof Number n ? n.intValue()
                    : LastResponse.get().map(LastResponse.Seen::status).orElse(0);
            throw failure(status, String.valueOf(error.get("message")), null);
        }
        if (result == null) {
            throw failure(LastResponse.get().map(LastResponse.Seen::status).orElse(0), "empty answer", null);
        }
        return result;
    }

    /** An Admin API exception as a failure with its HTTP status. */
    static RemoteStoreException adminFailure(Exception e) {
        int status = LastResponse.get().map(LastResponse.Seen::status).orElse(0);
        if (status == 0) {
            status = e instanceof AuthorizationRequired ? 401 : e instanceof NotAllowed ? 403 : e instanceof RateLimited ? 420
                    : e instanceof BadRequest ? 400 : 500;
        }
        return failure(status, e.getMessage(), e);
    }

    private static RemoteStoreException failure(int status, String message, Throwable cause) {
        String detail = shorten(CloudinaryConfig.mask(message));
        Optional<Duration> retryAfter = LastResponse.get().filter(s -> s.status() == status).flatMap(LastResponse.Seen::retryAfter);
        if (status == 401 || status == 403) {
            return new RemoteStoreException(Kind.CREDENTIALS, status, Optional.empty(),
                    "Cloudinary refused the credentials in CLOUDINARY_URL (" + status + ": " + detail
                            + "); check the cloud name, API key and secret.", cause);
        }
        if (status == 420 || status == 429) {
            return new RemoteStoreException(Kind.TEMPORARY, status, retryAfter,
                    "Cloudinary's rate limit was reached (" + status + ": " + detail + ").", cause);
        }
        if (status >= 500 || status == 408 || status == 0) {
            return new RemoteStoreException(Kind.TEMPORARY, status, retryAfter,
                    "Cloudinary failed to answer (" + (status == 0 ? "" : status + ": ") + detail + ").", cause);
        }
        return new RemoteStoreException(Kind.REJECTED, status, Optional.empty(),
                "Cloudinary refused the request (" + status + ": " + detail + ").", cause);
    }

    /** A failure to get any answer: a timeout, a refused connection, an unknown host. */
    private RemoteStoreException noAnswer(IOException e) {
        String what;
        if (e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
            what = "Cloudinary did not answer within " + config.requestTimeout().toSeconds() + " s";
        } else if (e instanceof UnknownHostException) {
            what = "the Cloudinary host " + shorten(e.getMessage()) + " is unknown (no network?)";
        } else if (e instanceof ConnectException) {
            what = "cannot connect to Cloudinary (" + shorten(e.getMessage()) + ")";
        } else {
            what = "the connection to Cloudinary failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + shorten(CloudinaryConfig.mask(e.getMessage()))) + ")";
        }
        return new RemoteStoreException(Kind.TEMPORARY, 0, Optional.empty(), capitalize(what) + ".", e);
    }

    @FunctionalInterface
    interface Call {
        Map<?, ?> run() throws IOException;
    }

    /**
     * Runs a request, trying again after temporary failures: the policy's exponential backoff, or
     * the Retry-After a rate limit named when that is longer (up to the configured cap).
     */
    Map<?, ?> withRetries(String what, Call call) throws RemoteStoreException, InterruptedException {
        int attempts = config.retry().attempts();
        for (int attempt = 1; ; attempt++) {
            RemoteStoreException failure;
            LastResponse.clear();
            try {
                return call.run();
            } catch (RemoteStoreException e) {
                failure = e;
            } catch (IOException e) {
                failure = noAnswer(e);
            } finally {
                LastResponse.clear();
            }
            if (failure.kind() != Kind.TEMPORARY) {
                throw failure;
            }
            if (attempt >= attempts) {
                throw new RemoteStoreException(failure.kind(), failure.status(), failure.retryAfter(),
                        failure.getMessage() + (attempts > 1 ? " Gave up after " + attempts + " tries." : ""), failure);
            }
            Duration wait = config.retry().delayBeforeRetry(attempt);
            Optional<Duration> asked = failure.retryAfter();
            if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                wait = asked.get().compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked.get();
            }
            LOG.info("{} failed ({}); try {} of {} in {} ms", what, failure.getMessage(), attempt + 1, attempts, wait.toMillis());
            Thread.sleep(wait.toMillis());
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 1) + "…" : line;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
