package org.imageorganizer.ml.download;

import org.imageorganizer.common.RetryPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imageorganizer.model.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one {@link RemoteFile} over HTTP into a {@code .part} file for {@link ModelDownloader}: bytes already
 * there are resumed with a Range request (a 206 must start where the file ends, a 416 for the full size means it
 * is complete), a broken connection or a retryable status (408, 429, 5xx) is tried again after the back-off of
 * the {@link RetryPolicy}, a body that delivers nothing for the stall timeout is dropped by a
 * {@link StallWatchdog}, the size is capped at the pinned size (or {@link ModelDownloader#MAX_FILE_BYTES}), and
 * progress is reported per chunk. It does not check the SHA-256; the caller does.
 */
final class ResumableFetcher {
    // logs under the downloader's name, as before this class was split out of it
    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);
    private static final String USER_AGENT = "ai-image-organizer model downloader";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d{1,18})");

    private final HttpClient client;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final Duration stallTimeout;

    ResumableFetcher(HttpClient client, RetryPolicy retry, Duration requestTimeout, Duration stallTimeout) {
        this.client = client;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Completes {@code part} with up to {@link RetryPolicy#attempts()} tries.
     *
     * @throws ModelException for the user when every try failed or the server's answer is refused
     */

    void fetchWithRetries(ModelSource source, RemoteFile file, Path part, DownloadProgress progress) {
        IOException last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(retry.delayBeforeRetry(attempt - 1), file);
            }
            try {
                fetchOnce(file, part, progress);
                return;
            } catch (IOException e) {
                last = e;
                LOG.warn("Download of {} failed (attempt {} of {}): {}", file.name(), attempt, retry.attempts(),
                        DownloadFailures.isNoNetwork(e) ? DownloadFailures.noNetworkDetail(e)
                                : DownloadFailures.describe(e));
            }
        }
        throw DownloadFailures.failure(source, file, last, retry.attempts());
    }

    private void fetchOnce(RemoteFile file, Path part, DownloadProgress progress) throws IOException {
        long max = file.expectedSize() >= 0 ? file.expectedSize() : ModelDownloader.MAX_FILE_BYTES;
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have > max) {
            Files.delete(part);
            have = 0;
        }
        if (have > 0 && have == file.expectedSize()) {
            progress.update(file.name(), have, have); // complete already: verified by the caller
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(file.url())
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("The download of " + file.name() + " was interrupted.", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long contentLength = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long start;
            long total;
            if (status == 206 && have > 0) {
                long[] range = parseContentRange(response.headers().firstValue("Content-Range").orElse(""));
                if (range == null || range[0] != have) {
                    Files.deleteIfExists(part);
                    throw new IOException(file.url() + " answered the request to resume at byte " + have
                            + " with another range (" + response.headers().firstValue("Content-Range").orElse("none")
                            + "); starting again");
                }
                start = have;
                total = range[2] >= 0 ? range[2] : contentLength >= 0 ? have + contentLength : file.expectedSize();
                LOG.info("Resuming {} at byte {}", file.name(), have);
            } else if (status == 200) {
                start = 0;
                total = contentLength >= 0 ? contentLength : file.expectedSize();
            } else if (status == 416 && have > 0) {
                Matcher unsatisfied = UNSATISFIED_RANGE.matcher(
                        response.headers().firstValue("Content-Range").orElse("").trim());
                if (unsatisfied.matches() && Long.parseLong(unsatisfied.group(1)) == have) {
                    progress.update(file.name(), have, have); // complete already: verified by the caller
                    return;
                }
                Files.deleteIfExists(part);
                throw new IOException(file.url() + " cannot resume at byte " + have + " (HTTP 416); starting again");
            } else if (status == 408 || status == 429 || status >= 500) {
                throw new HttpStatusException(file.url(), status);
            } else {
                throw new ModelException("Cannot download " + file.name() + ": " + file.url() + " answered HTTP "
                        + status + DownloadFailures.statusHint(status) + ".");
            }
            if (total > max) {
                Files.deleteIfExists(part);
                throw new ModelException("Cannot download " + file.name() + ": " + file.url() + " announces " + total
                        + " bytes, more than the " + max + " expected; it is refused.");
            }
            if (file.expectedSize() >= 0 && total >= 0 && total != file.expectedSize()) {
                Files.deleteIfExists(part);
                throw new ModelException("Cannot download " + file.name() + ": " + file.url() + " announces " + total
                        + " bytes but " + file.expectedSize() + " are expected — the file changed upstream.");
            }
            copy(body, part, start, total, max, file, progress);
        }
    }

    private void copy(InputStream body, Path part, long start, long total, long max, RemoteFile file,
                      DownloadProgress progress) throws IOException {
        OpenOption[] options = start > 0
                ? new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING};
        try (FileChannel out = FileChannel.open(part, options);
             StallWatchdog watchdog = new StallWatchdog(body, stallTimeout)) {
            long done = start;
            progress.update(file.name(), done, total);
            byte[] buffer = new byte[1 << 16];
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    if (watchdog.stalled()) {
                        throw stalled(e);
                    }
                    throw new IOException("the connection broke after " + done + (total >= 0 ? " of " + total : "")
                            + " bytes: " + DownloadFailures.describe(e), e);
                }
                if (n < 0) {
                    break;
                }
                watchdog.touch();
                if (done + n > max) {
                    throw new ModelException("Cannot download " + file.name() + ": " + file.url()
                            + " sends more than the " + max + " bytes expected; it is refused.");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                done += n;
                progress.update(file.name(), done, total);
            }
            if (watchdog.stalled()) {
                throw stalled(null);
            }
            if (total >= 0 && done < total) {
                throw new IOException("the connection closed after " + done + " of " + total + " bytes");
            }
            if (total >= 0 && done > total) {
                throw new ModelException("Cannot download " + file.name() + ": " + file.url() + " sent " + done
                        + " bytes but announced " + total + "; it is refused.");
            }
            out.force(true);
        } catch (ModelException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    private IOException stalled(IOException cause) {
        String wait = stallTimeout.toMillis() % 1000 == 0
                ? stallTimeout.toSeconds() + " s"
                : stallTimeout.toMillis() + " ms";
        return new IOException("no data arrived for " + wait, cause);
    }

    /** {start, end, total (-1 when *)} of a Content-Range header, or null. */
    private static long[] parseContentRange(String header) {
        Matcher m = CONTENT_RANGE.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(Duration wait, RemoteFile file) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("The download of " + file.name() + " was interrupted.", e);
        }
    }

    /** A status worth retrying (408, 429, 5xx). */
    static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;

        HttpStatusException(URI url, int status) {
            super(url + " answered HTTP " + status);
        }
    }
}
