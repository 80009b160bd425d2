package org.imageorganizer.ml.download;

import org.imageorganizer.common.RetryPolicy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.VerifiedFiles;
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

    private static final ConcurrentMap<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path modelsDir;
    private final ResumableFetcher fetcher;
    private final VerifiedFiles verified;

    /** With {@link #defaultHttpClient()}, {@link RetryPolicy#DEFAULT} and the default timeouts. */
    public ModelDownloader(Path modelsDir) {
        this(defaultHttpClient(), modelsDir, RetryPolicy.DEFAULT);
    }

    /**
     * As {@link #ModelDownloader(Path)}; {@link #downloadFolder} records the files it verified in
     * {@code verified}, and trusts its records of a folder already in place (ADR 0024).
     */
    public ModelDownloader(Path modelsDir, VerifiedFiles verified) {
        this(defaultHttpClient(), modelsDir, RetryPolicy.DEFAULT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_STALL_TIMEOUT,
                verified);
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
        this(client, modelsDir, retry, requestTimeout, stallTimeout, VerifiedFiles.none());
    }

    private ModelDownloader(HttpClient client, Path modelsDir, RetryPolicy retry, Duration requestTimeout,
                            Duration stallTimeout, VerifiedFiles verified) {
        Objects.requireNonNull(client, "client");
        this.verified = Objects.requireNonNull(verified, "verified");
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
        Objects.requireNonNull(retry, "retry");
        this.fetcher = new ResumableFetcher(client, retry, requirePositive(requestTimeout, "requestTimeout"),
                requirePositive(stallTimeout, "stallTimeout"));
    }

    /** An HTTP client with a 15 s connect timeout that follows redirects (never from https to http). */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The checked model folder, downloading it first unless a valid one is there. Checking a folder
     * hashes every file (about 600 MB for CLIP) unless this downloader's {@link VerifiedFiles} vouch
     * for them, so a folder already in place is checked once here and handed over as it is, not
     * checked again by the caller.
     *
     * @throws ModelException as {@link #download}
     */
    public ModelFolder downloadFolder(ModelSource source, DownloadProgress progress) {
        Path target = modelsDir.resolve(source.id());
        if (Files.isDirectory(target)) {
            try {
                return ModelFolder.open(target, verified);
            } catch (ModelException e) {
                LOG.warn("The model folder {} is not usable, downloading it again: {}", target, e.getMessage());
            }
        }
        return ModelFolder.open(download(source, progress), verified);
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
        Path existing = ModelFolderAssembly.validFolder(target, true);
        if (existing != null) {
            return existing;
        }
        DownloadFailures.refuseUnpinned(source);
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
                    // that process may have finished meanwhile
                    existing = ModelFolderAssembly.validFolder(target, false);
                    if (existing != null) {
                        return existing;
                    }
                    ModelFolderAssembly.removeDamaged(target, partialDir, source.id());
                    ModelFolderAssembly.removeLeftovers(partialDir, source);
                    return fetchAndAssemble(source, listener, partialDir, target);
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new ModelException("Cannot download the model into " + modelsDir + ": " + e, e);
            }
        }
    }

    private Path fetchAndAssemble(ModelSource source, DownloadProgress progress, Path partialDir, Path target)
            throws IOException {
        LOG.info("Downloading model {} into {}", source.id(), target);
        List<Path> downloads = new ArrayList<>();
        for (RemoteFile file : source.files()) {
            downloads.add(fetchVerified(source, file, partialDir, progress));
        }
        return ModelFolderAssembly.assemble(source, downloads, partialDir, target);
    }

    /** Downloads one file into {@code .partial} (resuming what is there) and checks its SHA-256. */
    private Path fetchVerified(ModelSource source, RemoteFile file, Path partialDir, DownloadProgress progress)
            throws IOException {
        Path part = partialDir.resolve(ModelFolderAssembly.partName(source, file));
        // bytes left by an earlier run may belong to another version of the file: if the result does not
        // match, download once more from the start before calling it a mismatch
        boolean fromEarlierRun = Files.isRegularFile(part) && Files.size(part) > 0;
        while (true) {
            fetcher.fetchWithRetries(source, file, part, progress);
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

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
        return value;
    }
}
