package org.imageorganizer.ml.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imageorganizer.ml.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a {@link ModelSource} into {@code <models directory>/<id>} and returns that folder.
 *
 * <ul>
 *   <li>A folder that is already there and that {@link ModelFolder#open} accepts is used as is, without
 *       network. A folder there that it refuses is removed and downloaded again.</li>
 *   <li>Every file must have a pinned SHA-256; a source with an unpinned file is refused before any request
 *       (no trust-on-first-use).</li>
 *   <li>Files are downloaded into {@code <models directory>/.partial/}, resumed with an HTTP Range request
 *       after a broken connection (on retry, and on the next run), retried with back-off, capped in size,
 *       and verified against their SHA-256; a mismatch deletes the file and fails.</li>
 *   <li>The folder is assembled in {@code .partial/<id>.assembly-*} (zip entry extracted, {@code manifest.json}
 *       written, the result checked by {@link ModelFolder#open}) and then moved to its final path atomically, so
 *       the final path never holds a half-written folder.</li>
 *   <li>Downloads of the same model by several threads or processes are serialised with a file lock.</li>
 * </ul>
 */
public final class ModelDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);

    /** Folder inside the models directory for downloads and folders in progress. */
    public static final String PARTIAL_DIR = ".partial";
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** How long to wait for the response headers of one request. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** How long a response body may deliver nothing before the connection is dropped and retried. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    /** Upper bound for a download of unknown size, and for an unpacked zip entry. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 10_000;

    private static final String USER_AGENT = "ai-image-organizer model downloader";
    private static final String HAND_SUPPLY_README = "see README: 'Supplying the model by hand'";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d{1,18})");
    private static final ConcurrentMap<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final HttpClient client;
    private final Path modelsDir;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final Duration stallTimeout;

    /** With {@link #defaultHttpClient()}, {@link RetryPolicy#DEFAULT} and the default timeouts. */
    public ModelDownloader(Path modelsDir) {
        this(defaultHttpClient(), modelsDir, RetryPolicy.DEFAULT);
    }

    public ModelDownloader(HttpClient client, Path modelsDir, RetryPolicy retry) {
        this(client, modelsDir, retry, DEFAULT_REQUEST_TIMEOUT, DEFAULT_STALL_TIMEOUT);
    }

    /**
     * @param client         the HTTP client; {@link #defaultHttpClient()} connects with a 15 s timeout and follows
     *                       redirects except from https to http
     * @param modelsDir      the folder holding one folder per model, e.g. {@code ~/.cache/image-organizer/models}
     * @param retry          tries per file and the wait in between
     * @param requestTimeout how long to wait for a response's headers
     * @param stallTimeout   how long a response body may deliver nothing
     */
    public ModelDownloader(HttpClient client, Path modelsDir, RetryPolicy retry, Duration requestTimeout,
                           Duration stallTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
        this.retry = Objects.requireNonNull(retry, "retry");
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        this.stallTimeout = requirePositive(stallTimeout, "stallTimeout");
    }

    /** An HTTP client with a 15 s connect timeout that follows redirects (never from https to http). */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Returns the model's folder, downloading it first unless a valid one is already there.
     *
     * @param progress told about every chunk written; may be {@code null}
     * @return the checked model folder, {@code <models directory>/<id>} (absolute)
     * @throws ModelException with a message for the user when the model cannot be had: no network, a refused
     *                        (unpinned) source, an HTTP error, a checksum mismatch, an unsafe archive, ...
     */
    public Path download(ModelSource source, DownloadProgress progress) {
        Objects.requireNonNull(source, "source");
        DownloadProgress listener = progress == null ? DownloadProgress.NONE : progress;
        Path target = modelsDir.resolve(source.id());
        Path existing = validFolder(target, true);
        if (existing != null) {
            return existing;
        }
        refuseUnpinned(source);
        Object monitor = IN_PROCESS_LOCKS.computeIfAbsent(target, key -> new Object());
        synchronized (monitor) {
            Path partialDir = modelsDir.resolve(PARTIAL_DIR);
            try {
                Files.createDirectories(partialDir);
            } catch (IOException e) {
                throw new ModelException("Cannot create " + partialDir + " for the model download: " + e, e);
            }
            try (FileChannel lockChannel = FileChannel.open(partialDir.resolve(source.id() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockChannel.lock(); // waits while another process downloads this model
                try {
                    existing = validFolder(target, false); // that process may have finished meanwhile
                    if (existing != null) {
                        return existing;
                    }
                    removeDamaged(target, partialDir, source.id());
                    removeLeftovers(partialDir, source);
                    return fetchAndAssemble(source, listener, partialDir, target);
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new ModelException("Cannot download the model into " + modelsDir + ": " + e, e);
            }
        }
    }

    // ---------------------------------------------------------------- the folder

    private static Path validFolder(Path target, boolean logProblem) {
        if (!Files.exists(target)) {
            return null;
        }
        try {
            return ModelFolder.open(target).directory();
        } catch (ModelException e) {
            if (logProblem) {
                LOG.warn("The model folder {} is not usable: {}", target, e.getMessage());
            }
            return null;
        }
    }

    private static void removeDamaged(Path target, Path partialDir, String id) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path aside = partialDir.resolve(id + ".damaged-" + Long.toUnsignedString(System.nanoTime()));
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(aside);
    }

    /** Deletes what earlier runs left behind for this model, except downloads that can still be resumed. */
    private static void removeLeftovers(Path partialDir, ModelSource source) throws IOException {
        Set<String> keep = source.files().stream().map(f -> partName(source, f)).collect(Collectors.toSet());
        keep.add(source.id() + ".lock");
        List<Path> stale;
        try (Stream<Path> children = Files.list(partialDir)) {
            stale = children.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(source.id() + ".") && !keep.contains(name);
            }).collect(Collectors.toList());
        }
        for (Path path : stale) {
            LOG.debug("Removing leftover {}", path);
            deleteRecursively(path);
        }
    }

    private Path fetchAndAssemble(ModelSource source, DownloadProgress progress, Path partialDir, Path target)
            throws IOException {
        LOG.info("Downloading model {} into {}", source.id(), target);
        List<Path> downloads = new ArrayList<>();
        for (RemoteFile file : source.files()) {
            downloads.add(fetchVerified(source, file, partialDir, progress));
        }
        Path assembly = Files.createTempDirectory(partialDir, source.id() + ".assembly-");
        try {
            for (int i = 0; i < downloads.size(); i++) {
                RemoteFile file = source.files().get(i);
                Path dest = assembly.resolve(file.targetName());
                if (file.unzip()) {
                    ZipExtractor.extract(downloads.get(i), file.name(), file.extractEntry(), dest, MAX_FILE_BYTES,
                            MAX_ZIP_ENTRIES);
                    forceToDisk(dest);
                    Files.delete(downloads.get(i));
                } else {
                    Files.move(downloads.get(i), dest, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            writeManifest(source, assembly);
            ModelFolder.open(assembly); // never publish a folder the application would refuse
            return publish(assembly, target);
        } catch (ModelException e) {
            // the verified downloads are what upstream serves: keeping them would only fail again
            for (Path download : downloads) {
                Files.deleteIfExists(download);
            }
            throw e;
        } finally {
            if (Files.exists(assembly, LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(assembly);
            }
        }
    }

    private static void writeManifest(ModelSource source, Path folder) throws IOException {
        ModelSource.ManifestValues v = source.manifest();
        List<ModelManifest.FileEntry> entries = new ArrayList<>();
        for (RemoteFile file : source.files()) {
            // computed here: downloads were verified against their pins, extracted entries come from a verified zip
            entries.add(new ModelManifest.FileEntry(file.targetName(), Sha256.of(folder.resolve(file.targetName()))));
        }
        ModelManifest manifest = new ModelManifest(1, v.modelId(), source.name(), "PyTorch", v.precision(),
                v.embeddingSize(), v.imageSize(), v.mean(), v.std(), v.contextLength(), v.logitScale(), v.modelFile(),
                v.tokenizerFile(), entries);
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
        Path file = folder.resolve(ModelManifest.FILE_NAME);
        Files.write(file, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceToDisk(file);
    }

    private static Path publish(Path assembly, Path target) throws IOException {
        try {
            Files.move(assembly, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new ModelException("Cannot move the downloaded model into " + target
                    + " in one step on this file system; the model was not installed.", e);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            Path existing = validFolder(target, true);
            if (existing != null) {
                LOG.info("{} appeared while downloading; using it", target);
                return existing;
            }
            throw new ModelException(target + " appeared while the model was being downloaded and is not a valid"
                    + " model folder; remove it and try again.", e);
        }
        LOG.info("Model installed in {}", target);
        return target;
    }

    // ---------------------------------------------------------------- one file

    private static String partName(ModelSource source, RemoteFile file) {
        return source.id() + "." + file.sha256().substring(0, 16) + "." + file.name() + ".part";
    }

    /** Downloads one file into {@code .partial} (resuming what is there) and checks its SHA-256. */
    private Path fetchVerified(ModelSource source, RemoteFile file, Path partialDir, DownloadProgress progress)
            throws IOException {
        Path part = partialDir.resolve(partName(source, file));
        // bytes left by an earlier run may belong to another version of the file: if the result does not
        // match, download once more from the start before calling it a mismatch
        boolean fromEarlierRun = Files.isRegularFile(part) && Files.size(part) > 0;
        while (true) {
            fetchWithRetries(source, file, part, progress);
            String actual = Sha256.of(part);
            if (actual.equals(file.sha256())) {
                return part;
            }
            Files.deleteIfExists(part);
            if (!fromEarlierRun) {
                throw new ModelException("Downloaded " + file.name() + " from " + file.url()
                        + ", but it failed verification: checksum mismatch: expected " + file.sha256() + ", got "
                        + actual + " — the download was corrupted or the file changed upstream.");
            }
            LOG.warn("{} resumed from an earlier run does not match its checksum; downloading it again", file.name());
            fromEarlierRun = false;
        }
    }

    private void fetchWithRetries(ModelSource source, RemoteFile file, Path part, DownloadProgress progress) {
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
                        isNoNetwork(e) ? noNetworkDetail(e) : describe(e));
            }
        }
        throw failure(source, file, last);
    }

    private void fetchOnce(RemoteFile file, Path part, DownloadProgress progress) throws IOException {
        long max = file.expectedSize() >= 0 ? file.expectedSize() : MAX_FILE_BYTES;
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
                        + status + statusHint(status) + ".");
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
                            + " bytes: " + describe(e), e);
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
        String wait = stallTimeout.toMillis() % 1000 == 0 ? stallTimeout.toSeconds() + " s" : stallTimeout.toMillis() + " ms";
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

    // ---------------------------------------------------------------- messages

    private static void refuseUnpinned(ModelSource source) {
        for (RemoteFile file : source.files()) {
            if (!file.pinned()) {
                throw new ModelException("Refusing to download " + file.name() + " from " + file.url()
                        + ": this version of the application has no pinned SHA-256 checksum for it, and a model file"
                        + " that cannot be verified is never used (docs/decisions/0005-model-download.md). "
                        + handSupply(source));
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

    private ModelException failure(ModelSource source, RemoteFile file, IOException last) {
        if (isNoNetwork(last)) {
            return new ModelException("Cannot download the CLIP model: no network connection (could not reach "
                    + hostOf(file.url()) + ": " + noNetworkDetail(last) + "). " + handSupply(source), last);
        }
        return new ModelException("Cannot download " + file.name() + " from " + file.url() + " (" + retry.attempts()
                + (retry.attempts() == 1 ? " attempt" : " attempts") + "): " + describe(last) + ". " + handSupply(source), last);
    }

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

    private static String noNetworkDetail(Throwable error) {
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

    private static String describe(Throwable error) {
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

    private static String statusHint(int status) {
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

    // ---------------------------------------------------------------- helpers

    private static void sleep(Duration wait, RemoteFile file) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("The download of " + file.name() + " was interrupted.", e);
        }
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
        return value;
    }

    /** A status worth retrying (408, 429, 5xx). */
    static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;

        HttpStatusException(URI url, int status) {
            super(url + " answered HTTP " + status);
        }
    }
}
