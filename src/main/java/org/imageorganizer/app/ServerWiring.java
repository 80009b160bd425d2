package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.imageorganizer.api.RestServer;
import org.imageorganizer.api.StartingServices;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.common.Futures;
import org.imageorganizer.common.BackgroundThreads;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.imaging.ImageLimits;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.services.ImporterUploads;
import org.imageorganizer.services.ManagedUploadFolder;
import org.imageorganizer.services.PerceptualHashBackfill;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.RemoteCloudLinks;
import org.imageorganizer.services.SearchUnavailableException;
import org.imageorganizer.services.StoredEmbeddingSource;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.services.StoredClusterNaming;
import org.imageorganizer.services.StoredLibraryQueries;
import org.imageorganizer.store.BackgroundStorageCheck;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.StorageReconciler;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.store.UploadStore;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the REST server on a library and a model, and takes it all down again in order. The server
 * listens first and /health answers "loading" while the library opens and the model loads behind
 * it (ADR 0027).
 */
final class ServerWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ServerWiring.class);
    private static final int BATCH_IMAGES = 16;
    /** The folder in the data folder where upload parts wait while they are read (see ADR 0018). */
    private static final String SPOOL_FOLDER = "upload-spool";
    /** How long a search waits for the embeddings' first load before it is answered 503 with Retry-After. */
    private static final Duration SEARCH_LOAD_WAIT = Duration.ofSeconds(5);

    private final Core core;
    private final LibraryDatabase library;
    private final Path storageDir;
    private final Duration clusterDebounce;
    private final Optional<CloudinaryConfig> cloudinary;

    /**
     * @param library         the library already opened (the window's, the benchmark's), or null when
     *                        {@link #start(ServerOptions, Supplier, Function)} opens it
     * @param storageDir      the folder for uploads
     * @param clusterDebounce how long the clusterer waits after a change (the front end's own)
     * @param cloudinary      where uploads go when set (else the managed folder): chosen here, once, at start
     */
    ServerWiring(Core core, LibraryDatabase library, Path storageDir, Duration clusterDebounce,
            Optional<CloudinaryConfig> cloudinary) {
        this.core = core;
        this.library = library;
        this.storageDir = storageDir;
        this.clusterDebounce = clusterDebounce;
        this.cloudinary = cloudinary;
    }

    /**
     * A listening server and what it owns: the upload service and the storage check once the library
     * and the model are there, and its Cloudinary client when it has one.
     */
    static final class Parts {
        private final RestServer server;
        private final StartingServices services;
        private final ManagedFolder managed;
        private final Optional<CloudinaryStorage> cloud;
        private final String url;
        private final Instant startedAt;
        private BackgroundStorageCheck storageCheck;
        private Thread backfill;
        private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        private ImporterUploads uploads;
        private EmbeddingIndex searchIndex;
        /** The model, once loaded: search embeds texts with it. */
        private final AtomicReference<ClipModel> model = new AtomicReference<>();
        /** The uploads' classifier, once the model is loaded: it follows the library's categories. */
        private final AtomicReference<ImageClassifier> classifier = new AtomicReference<>();
        private org.imageorganizer.services.BackgroundResort resort;
        private BackgroundNameSuggestions names;

        private Parts(RestServer server, StartingServices services, ManagedFolder managed,
                Optional<CloudinaryStorage> cloud, String url, Instant startedAt) {
            this.server = server;
            this.services = services;
            this.managed = managed;
            this.cloud = cloud;
            this.url = url;
            this.startedAt = startedAt;
        }

        String url() {
            return url;
        }

        Optional<CloudinaryStorage> cloud() {
            return cloud;
        }

        /** Stops the storage check, the server (requests in progress finish), then the uploads. */
        synchronized void stop() {
            stopping.set(true);
            if (storageCheck != null) {
                storageCheck.close();
            }
            if (backfill != null) {
                try {
                    backfill.join(Duration.ofSeconds(10).toMillis()); // it stops between two photos
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            server.stop(Duration.ofSeconds(30));
            if (resort != null) {
                resort.close(); // a re-sort under way ends its chunk of writes first
            }
            if (names != null) {
                names.close(); // before the model is closed
            }
            if (uploads != null) {
                uploads.close();
            }
            if (searchIndex != null) {
                searchIndex.close();
            }
            cloud.ifPresent(CloudinaryStorage::close);
        }
    }

    /** A server this wiring started with its own model and clustering; closing it frees them and the library. */
    interface Started extends AutoCloseable {
        String url();

        /** Where uploads go, for the start-up line (never a secret). */
        String uploadsGoTo();

        @Override
        void close();
    }

    /** Starts the server on the library given to the constructor and the model in {@code modelFolder}. */
    Started start(ServerOptions options, ModelFolder modelFolder) {
        return start(options, () -> library, opened -> modelFolder, Optional::empty);
    }

    /**
     * Starts listening at once, then opens the library (reads work from then on), chooses and loads
     * the model (then uploads work and /health says "ok"), and returns. Until then /health answers
     * 503 "loading". When opening or loading fails, /health says "failed" with the reason, the server
     * stops and the error is thrown, as before the server listened first.
     *
     * @param openLibrary opens the library (the caller's, or the one given to the constructor)
     * @param chooseModel the model folder for the opened library
     * @param chooseEarly the model folder when it can be known before the library opens (the variant an
     *                    existing library records, read through plain JDBC): the model then loads on
     *                    another thread while the library opens; empty to load it after
     * @return a handle that stops the server, then the uploads, clustering, model and library
     */
    Started start(ServerOptions options, Supplier<LibraryDatabase> openLibrary,
            Function<LibraryDatabase, ModelFolder> chooseModel, Supplier<Optional<ModelFolder>> chooseEarly) {
        Parts parts = listen(options);
        CompletableFuture<Optional<ClipModel>> early = Futures.onNewThread("model-load", true,
                () -> chooseEarly.get().map(ClipModels::load));
        LibraryDatabase opened = null;
        LibraryClusterer clusterer = null;
        ClipModel model = null;
        try {
            opened = openLibrary.get();
            clusterer = core.clusterer(opened, core.settings().clustering().toClusterSettings(), clusterDebounce);
            libraryOpened(parts, opened, clusterer);
            Optional<ClipModel> loaded = Futures.join(early);
            if (loaded.isPresent()) {
                model = loaded.get();
                Core.claimModel(opened.info(), model.manifest());
            } else {
                model = core.loadModel(opened, chooseModel.apply(opened));
            }
            modelLoaded(parts, options, opened, model, clusterer);
        } catch (RuntimeException | Error e) {
            if (model == null) {
                // a model loading meanwhile is freed once it is there (a native load cannot be cut short)
                early.thenAccept(m -> m.ifPresent(ClipModel::close));
            }
            parts.services.failed(reason(e));
            parts.stop();
            if (clusterer != null) {
                clusterer.close();
            }
            if (model != null) {
                model.close();
            }
            if (opened != null && opened != library) {
                opened.close();
            }
            throw e;
        }
        return started(parts, opened, clusterer, model);
    }

    private Started started(Parts parts, LibraryDatabase opened, LibraryClusterer clusterer, ClipModel model) {
        return new Started() {
            @Override
            public String url() {
                return parts.url();
            }

            @Override
            public String uploadsGoTo() {
                return parts.cloud().map(c -> c.describe() + ", " + c.config().delivery().name().toLowerCase(java.util.Locale.ROOT)
                        + " delivery").orElse("the storage folder " + storageDir);
            }

            @Override
            public void close() {
                parts.stop();
                clusterer.close();
                model.close();
                opened.close();
            }
        };
    }

    /** Starts a server on the library given to the constructor and a model and clustering someone else owns (the window's). */
    Parts startShared(ServerOptions options, ClipModel model, LibraryClusterer clusterer) {
        return startOn(options, clusterer, model);
    }

    /**
     * Starts a server on the library given to the constructor without a model (the class-data training
     * run's, ADR 0030): reads work, /health and uploads say "loading". Stop it with {@link Parts#stop()}.
     */
    Parts startWithoutModel(ServerOptions options, LibraryClusterer clusterer) {
        return startOn(options, clusterer, null);
    }

    /** A server on the library given to the constructor, with the model when it is not null. */
    private Parts startOn(ServerOptions options, LibraryClusterer clusterer, ClipModel model) {
        Parts parts = listen(options);
        try {
            libraryOpened(parts, library, clusterer);
            if (model != null) {
                modelLoaded(parts, options, library, model, clusterer);
            }
            return parts;
        } catch (RuntimeException | Error e) {
            parts.stop();
            throw e;
        }
    }

    /** The server listening, with what needs neither the library nor the model. */
    private Parts listen(ServerOptions options) {
        ManagedFolder managed = core.managedFolder(storageDir);
        Optional<CloudinaryStorage> cloud = cloudinary.map(core::cloudStore);
        try {
            ThumbnailCache thumbnails = core.thumbnails(core.decoder(options.maxFileBytes()));
            StartingServices services = new StartingServices(new StoredImageFiles(core.storage(managed, cloud), thumbnails),
                    RemoteCloudLinks.of(cloud), new ManagedUploadFolder(managed), BuildInfo.load());
            RestServer server = RestServer.starting(options, services, core.environment().dataDir().resolve(SPOOL_FOLDER));
            Instant startedAt = Instant.now(); // before the first upload can arrive: the storage check spares newer files
            int port = server.start();
            cloud.ifPresentOrElse(c -> LOG.info("Uploads go to {}, {} delivery", c.describe(), c.config().delivery()),
                    () -> LOG.info("Uploads go to the storage folder {}", storageDir));
            String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
            return new Parts(server, services, managed, cloud, "http://" + host + ":" + port + "/", startedAt);
        } catch (RuntimeException | Error e) {
            cloud.ifPresent(CloudinaryStorage::close);
            throw e;
        }
    }

    /** Reads and removals work from now on; the clusters catch up and the storage check starts. */
    private void libraryOpened(Parts parts, LibraryDatabase opened, LibraryClusterer clusterer) {
        opened.prepareQueries(); // removals and sync go through Hibernate: it starts when the CPU is free
        StoredLibraryQueries queries = new StoredLibraryQueries(opened.images(), clusterer);
        ImageRemover remover = core.remover(opened, parts.managed, parts.cloud, clusterer);
        parts.services.libraryOpened(queries, remover);
        // the veto of the model loaded, else of the one the library records, found among the installed ones
        PhotoDuplicates duplicates = core.photoDuplicates(opened.fingerprints(), opened.nearDuplicateLinks(), queries, remover, opened.embeddings()::stamp,
                () -> parts.model.get() != null ? parts.model.get().manifest().nearDuplicateVeto()
                        : core.nearDuplicateVeto(opened.info().modelId(), List.of(), opened.info().nearDuplicateVeto()));
        parts.services.duplicatesReady(duplicates);
        parts.services.namingReady(new StoredClusterNaming(opened.clusters()));
        org.imageorganizer.services.LibrarySorting sorting = ServerSorting.of(core, opened, clusterer, parts.model,
                parts.classifier, parts.stopping::get);
        synchronized (parts) {
            parts.resort = sorting.resort();
        }
        parts.services.sortingReady(sorting);
        EmbeddingIndex index = core.searchIndex(StoredEmbeddingSource.of(opened), storageDir.toString(), SEARCH_LOAD_WAIT);
        synchronized (parts) {
            parts.searchIndex = index;
        }
        parts.services.searchReady(core.photoSearch(index, queries, () -> {
            ClipModel loaded = parts.model.get();
            if (loaded == null) {
                throw new SearchUnavailableException("The server is still loading the recognition model;"
                        + " try again in a few seconds.", true, null);
            }
            return loaded;
        }, duplicates));
        clusterer.libraryChanged(); // bring clusters up to date with whatever changed while the server was down
        // files a crash left without a row, moved aside in the background: /health never waits for it
        synchronized (parts) {
            parts.storageCheck = BackgroundStorageCheck.start(
                    new StorageReconciler(parts.managed, opened.locations(), opened.info()), parts.startedAt);
        }
        // photos from before perceptual hashes get theirs, and the links are built once: never holding up the start
        PerceptualHashBackfill backfill = core.nearDuplicateBackfill(opened, core.storage(parts.managed, parts.cloud),
                opened.info().modelId(), List.of());
        Thread thread = BackgroundThreads.factory("near-duplicate-backfill").newThread(() -> {
            try {
                core.metadataBackfill(opened, core.storage(parts.managed, parts.cloud)).run(parts.stopping::get, () -> { });
            } catch (RuntimeException e) {
                LOG.warn("The dates taken of older photos could not be read: {}", e.toString());
            }
            try {
                backfill.run(parts.stopping::get);
            } catch (RuntimeException e) {
                LOG.warn("The library's near-duplicate hashes could not be brought up to date: {}", e.toString());
            }
        });
        synchronized (parts) {
            parts.backfill = thread;
        }
        thread.start();
    }

    /** Uploads work from now on. */
    private void modelLoaded(Parts parts, ServerOptions options, LibraryDatabase opened, ClipModel model, LibraryClusterer clusterer) {
        SafeImageDecoder decoder = core.decoder(options.maxFileBytes());
        ImageClassifier classifier = core.classifiers().of(model, opened);
        parts.classifier.set(classifier);
        ImageEmbedder embedder = core.embedder(model, core.settings().ttaViews());
        UploadStore store = parts.cloud.<UploadStore>map(c -> c).orElse(parts.managed);
        ImporterUploads uploads = ImporterUploads.start(decoder, embedder, classifier, opened.images(), store,
                clusterer, Math.max(2, Runtime.getRuntime().availableProcessors()), BATCH_IMAGES);
        synchronized (parts) {
            parts.uploads = uploads;
        }
        parts.model.set(model);
        BackgroundNameSuggestions names = BackgroundNameSuggestions.start(model, core.environment().labelEmbeddingCacheDir(),
                new org.imageorganizer.services.SuggestedClusterNames(opened.clusters()), clusterer);
        synchronized (parts) {
            parts.names = names;
        }
        parts.services.modelLoaded(uploads);
        LOG.info("The model is loaded: uploads are taken");
    }

    /** One sentence for /health: the exception's message, else its kind. */
    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
    }
}
