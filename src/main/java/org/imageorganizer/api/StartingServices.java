package org.imageorganizer.api;

import org.imageorganizer.services.LibrarySorting;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.services.CloudLinks;
import org.imageorganizer.services.ClusterNaming;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.UploadFolder;
import org.imageorganizer.services.Uploads;

/**
 * The server's services as they become available while it starts (see ADR 0027): the server listens
 * first, with what needs neither the library nor the model (image files, cloud links, the upload
 * folder); then the library opens ({@link #libraryOpened}) and reads work; then the model is loaded
 * ({@link #modelLoaded}) and uploads work. Until then /health answers 503 {@code "loading"}, uploads
 * 503 with Retry-After, and a read waits a little for the library. When start-up fails,
 * {@link #failed} makes /health and every such request say why.
 */
public final class StartingServices {
    /** How long a read waits for the library to open before it is answered 503 with Retry-After. */
    private static final long LIBRARY_WAIT_SECONDS = 10;
    private static final String RETRY_SECONDS = "2";
    private static final String OPENING = "The server is still opening the library; try again in a few seconds.";

    /** Where start-up is. */
    enum Stage {
        /** The library or the model is still being loaded. */
        LOADING,
        /** Everything answers. */
        READY,
        /** Start-up failed; the server stays only to say so until the process exits. */
        FAILED
    }

    private final ImageFiles files;
    private final CloudLinks cloudLinks;
    private final UploadFolder uploadFolder;
    private final BuildInfo build;
    private final CountDownLatch libraryOrFailure = new CountDownLatch(1);
    private volatile LibraryQueries library;
    private volatile ImageRemoval removal;
    private volatile Uploads uploads;
    private volatile PhotoSearch search;
    private volatile PhotoDuplicates duplicates;
    private volatile LibrarySorting sorting;
    private volatile ClusterNaming naming;
    private volatile String failure;

    /**
     * @param files        image bytes and thumbnails, wherever they are kept
     * @param cloudLinks   links to the images a cloud store delivers, {@link CloudLinks#NONE} without one
     * @param uploadFolder the managed folder uploads are kept in (/storage/KEY)
     * @param build        version and source location
     */
    public StartingServices(ImageFiles files, CloudLinks cloudLinks, UploadFolder uploadFolder, BuildInfo build) {
        this.files = Objects.requireNonNull(files, "files");
        this.cloudLinks = Objects.requireNonNull(cloudLinks, "cloudLinks");
        this.uploadFolder = Objects.requireNonNull(uploadFolder, "uploadFolder");
        this.build = Objects.requireNonNull(build, "build");
    }

    /** Services that are all there already (the window's server, tests); uploads may be null (no model). */
    public static StartingServices ready(ServerServices services) {
        StartingServices ready = new StartingServices(services.files(), services.cloudLinks(), services.uploadFolder(),
                services.build());
        ready.libraryOpened(services.library(), services.removal());
        if (services.search() != null) {
            ready.searchReady(services.search());
        }
        if (services.duplicates() != null) {
            ready.duplicatesReady(services.duplicates());
        }
        if (services.clusterNaming() != null) {
            ready.namingReady(services.clusterNaming());
        }
        if (services.uploads() != null) {
            ready.modelLoaded(services.uploads());
        }
        if (services.sorting() != null) {
            ready.sortingReady(services.sorting());
        }
        return ready;
    }

    /** The library is open: reads and removals work from now on. */
    public void libraryOpened(LibraryQueries queries, ImageRemoval remover) {
        this.removal = Objects.requireNonNull(remover, "remover");
        this.library = Objects.requireNonNull(queries, "queries");
        libraryOrFailure.countDown();
    }

    /** Duplicates can be listed and resolved from now on. */
    public void duplicatesReady(PhotoDuplicates ready) {
        this.duplicates = Objects.requireNonNull(ready, "ready");
    }

    /** Corrections, categories and re-sorting work from now on. */
    public void sortingReady(LibrarySorting ready) {
        this.sorting = Objects.requireNonNull(ready, "ready");
    }

    /** Clusters can be named from now on. */
    public void namingReady(ClusterNaming ready) {
        this.naming = Objects.requireNonNull(ready, "ready");
    }

    /** Search works from now on (its texts wait for the model, and say so). */
    public void searchReady(PhotoSearch ready) {
        this.search = Objects.requireNonNull(ready, "ready");
    }

    /** The model is loaded: uploads work from now on, and /health says {@code "ok"}. */
    public void modelLoaded(Uploads loaded) {
        this.uploads = Objects.requireNonNull(loaded, "loaded");
    }

    /** Start-up failed: /health and the requests that need what is missing say {@code sentence}. */
    public void failed(String sentence) {
        this.failure = Objects.requireNonNullElse(sentence, "start-up failed");
        libraryOrFailure.countDown();
    }

    Stage stage() {
        if (failure != null) {
            return Stage.FAILED;
        }
        return library != null && uploads != null ? Stage.READY : Stage.LOADING;
    }

    /** Why start-up failed, or null. */
    String failure() {
        return failure;
    }

    boolean modelLoaded() {
        return uploads != null;
    }

    /** The library's queries, or null while it opens (for /health, which never waits). */
    LibraryQueries libraryIfOpen() {
        return library;
    }

    /** The library's queries, waiting a little for it to open; 503 with Retry-After when it does not. */
    LibraryQueries library() {
        awaitLibrary();
        return library;
    }

    /** Removal, waiting a little for the library to open; 503 with Retry-After when it does not. */
    ImageRemoval removal() {
        awaitLibrary();
        return removal;
    }

    /** Search, waiting a little for the library to open; 503 with Retry-After until it can search. */
    PhotoSearch search() {
        awaitLibrary();
        return whenReady(search, "The server is still preparing search; try again in a few seconds.");
    }

    /** Duplicates, waiting a little for the library to open; 503 with Retry-After until then. */
    PhotoDuplicates duplicates() {
        awaitLibrary();
        return whenReady(duplicates, OPENING);
    }

    /** Cluster naming, waiting a little for the library to open; 503 with Retry-After until then. */
    ClusterNaming naming() {
        awaitLibrary();
        return whenReady(naming, OPENING);
    }

    /** The service once it is there; until then 503 with Retry-After and {@code sentence}. */
    private <T> T whenReady(T service, String sentence) {
        if (service == null) {
            throw notReady(sentence, Map.of("Retry-After", RETRY_SECONDS));
        }
        return service;
    }

    /** Sorting by hand, waiting a little for the library to open; 503 with Retry-After until then. */
    LibrarySorting sorting() {
        awaitLibrary();
        return whenReady(sorting, OPENING);
    }

    /** Uploads; 503 with Retry-After while the model loads, 503 with the reason when it could not be loaded. */
    Uploads uploads() {
        Uploads loaded = uploads;
        if (loaded != null) {
            return loaded;
        }
        // sent before the body is read: the connection is closed rather than drained
        throw notReady("The server is still loading the recognition model; try again in a few seconds.",
                Map.of("Retry-After", RETRY_SECONDS, "Connection", "close"));
    }

    ImageFiles files() {
        return files;
    }

    CloudLinks cloudLinks() {
        return cloudLinks;
    }

    UploadFolder uploadFolder() {
        return uploadFolder;
    }

    BuildInfo build() {
        return build;
    }

    private void awaitLibrary() {
        if (library == null && failure == null) {
            try {
                libraryOrFailure.await(LIBRARY_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(503, "unavailable", "The server is shutting down; try again.");
            }
        }
        if (library == null) {
            throw notReady(OPENING, Map.of("Retry-After", RETRY_SECONDS));
        }
    }

    private ApiError notReady(String loading, Map<String, String> headers) {
        String failed = failure;
        if (failed != null) {
            return new ApiError(503, "start_failed", "The server could not start: " + failed,
                    headers.containsKey("Connection") ? Map.of("Connection", "close") : Map.of(), null);
        }
        return new ApiError(503, "loading", loading, headers, null);
    }
}
