package org.imageorganizer.ml.download;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.imageorganizer.model.ModelException;

/**
 * Builds the messages a user sees when {@link ModelDownloader} cannot get a model: the refusal of a source
 * with an unpinned file, the final failure after all tries (told apart as "no network" when the cause is a
 * refused connection, an unknown host, a missing route or a timeout), the hint for HTTP statuses, and the
 * advice on supplying the model by hand that every such message ends with.
 */
final class DownloadFailures {
    private static final String HAND_SUPPLY_README = "see README: 'Supplying the model by hand'";

    private DownloadFailures() {
    }

    /** Throws when a file of the source has no pinned SHA-256: such a file would never be used. */
    static void refuseUnpinned(ModelSource source) {
        for (RemoteFile file : source.files()) {
            if (!file.pinned()) {
                throw new ModelDownloadException("Refusing to download " + file.name() + " from " + file.url()
                        + ": this version of the application has no pinned SHA-256 checksum for it, and a model file"
                        + " that cannot be verified is never used (docs/decisions/0005-model-download.md). "
                        + handSupply(source), "no checksum of " + file.name() + " is pinned yet", null);
            }
        }
    }

    /** How to get the model without this downloader. */
    static String handSupply(ModelSource source) {
        String files = source.files().stream()
                .map(f -> f.name() + " from " + f.url())
                .collect(Collectors.joining(" and "));
        return "Download " + files + " on another computer, or use --model-dir DIR with a model folder ("
                + HAND_SUPPLY_README + ").";
    }

    /** The exception for a file that {@code attempts} tries could not download; {@code last} is the last error. */
    static ModelDownloadException failure(ModelSource source, RemoteFile file, IOException last, int attempts) {
        if (isNoNetwork(last)) {
            String reason = "no network connection (could not reach " + hostOf(file.url()) + ": " + noNetworkDetail(last) + ")";
            return new ModelDownloadException("Cannot download the CLIP model: " + reason + ". " + handSupply(source),
                    reason, last);
        }
        String reason = "cannot download " + file.name() + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                + "): " + describe(last);
        return new ModelDownloadException("Cannot download " + file.name() + " from " + file.url() + " (" + attempts
                + (attempts == 1 ? " attempt" : " attempts") + "): " + describe(last) + ". " + handSupply(source),
                reason, last);
    }

    /** Whether the cause chain shows that the host could not be reached at all. */
    static boolean isNoNetwork(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof HttpTimeoutException
                    || t instanceof UnresolvedAddressException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("network is unreachable")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A short reason for {@link #isNoNetwork} errors: unresolved host, timeout, no route, refused. */
    static String noNetworkDetail(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "the host name cannot be resolved";
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to the host";
            }
        }
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return t.getMessage() == null || t.getMessage().isBlank() ? "connection refused" : t.getMessage();
            }
        }
        return describe(error);
    }

    private static String hostOf(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    /** The first non-blank message in the cause chain, or the class name. */
    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable t = error;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** A hint to append to a non-retryable HTTP status, or the empty string. */
    static String statusHint(int status) {
        switch (status) {
            case 401:
            case 403:
                return " (access denied)";
            case 404:
            case 410:
                return " (not found: the file was moved or removed upstream)";
            default:
                return "";
        }
    }
}
