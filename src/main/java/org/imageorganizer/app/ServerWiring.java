package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.imageorganizer.api.RestServer;
import org.imageorganizer.api.ServerServices;
import org.imageorganizer.cluster.LibraryClusterer;
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
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.services.ImporterUploads;
import org.imageorganizer.services.ManagedUploadFolder;
import org.imageorganizer.services.RemoteCloudLinks;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.services.StoredLibraryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the REST server on a library and a model, and takes it all down again in order. */
final class ServerWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ServerWiring.class);
    private static final int BATCH_IMAGES = 16;
    /** The folder in the data folder where upload parts wait while they are read (see ADR 0018). */
    private static final String SPOOL_FOLDER = "upload-spool";

    private final Core core;
    private final LibraryDatabase library;
    private final Path storageDir;
    private final Duration clusterDebounce;
    private final Optional<CloudinaryConfig> cloudinary;

    /**
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
     * A started server, the upload service it owns, its Cloudinary client when it has one, and the
     * storage check running in the background.
     */
    record Parts(RestServer server, ImporterUploads uploads, String url, Optional<CloudinaryStorage> cloud,
            BackgroundStorageCheck storageCheck) {
        /** Stops the storage check, the server (requests in progress finish), then the uploads. */
        void stop() {
            storageCheck.close();
            server.stop(Duration.ofSeconds(30));
            uploads.close();
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

    /** Starts the server; the returned handle stops the server, then the uploads, clustering, model and library. */
    Started start(ServerOptions options, ModelFolder modelFolder) {
        ClipModel model = core.loadModel(library, modelFolder);
        LibraryClusterer clusterer = null;
        try {
            clusterer = core.clusterer(library, core.settings().clustering().toClusterSettings(), clusterDebounce);
            Parts parts = startShared(options, model, clusterer);
            LibraryClusterer runningClusterer = clusterer;
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
                    runningClusterer.close();
                    model.close();
                    library.close();
                }
            };
        } catch (RuntimeException | Error e) {
            if (clusterer != null) {
                clusterer.close();
            }
            model.close();
            throw e;
        }
    }

    /** Starts a server on a model and clustering someone else owns (the desktop window's). */
    Parts startShared(ServerOptions options, ClipModel model, LibraryClusterer clusterer) {
        SafeImageDecoder decoder = core.decoder(options.maxFileBytes());
        ImageClassifier classifier = core.classifier(model);
        ImageEmbedder embedder = core.embedder(model, core.settings().ttaViews());
        ManagedFolder managed = core.managedFolder(storageDir);
        Optional<CloudinaryStorage> cloud = cloudinary.map(core::cloudStore);
        UploadStore store = cloud.<UploadStore>map(c -> c).orElse(managed);
        ImageRemover remover = core.remover(library, managed, cloud, clusterer);
        ImporterUploads uploads = ImporterUploads.start(decoder, embedder, classifier, library.images(), store,
                clusterer, Math.max(2, Runtime.getRuntime().availableProcessors()), BATCH_IMAGES);
        try {
            ThumbnailCache thumbnails = core.thumbnails(decoder);
            ServerServices services = new ServerServices(new StoredLibraryQueries(library.images(), clusterer),
                    new StoredImageFiles(core.storage(managed, cloud),
                            thumbnails),
                    remover, uploads, RemoteCloudLinks.of(cloud), new ManagedUploadFolder(managed), BuildInfo.load());
            RestServer server = new RestServer(options, services, core.environment().dataDir().resolve(SPOOL_FOLDER));
            Instant startedAt = Instant.now(); // before the first upload can arrive: the storage check spares newer files
            int port = server.start();
            cloud.ifPresentOrElse(c -> LOG.info("Uploads go to {}, {} delivery", c.describe(), c.config().delivery()),
                    () -> LOG.info("Uploads go to the storage folder {}", storageDir));
            clusterer.libraryChanged(); // bring clusters up to date with whatever changed while the server was down
            // files a crash left without a row, moved aside in the background: /health never waits for it
            BackgroundStorageCheck storageCheck = BackgroundStorageCheck.start(
                    new StorageReconciler(managed, library.images(), library.info()), startedAt);
            String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
            return new Parts(server, uploads, "http://" + host + ":" + port + "/", cloud, storageCheck);
        } catch (RuntimeException | Error e) {
            uploads.close();
            cloud.ifPresent(CloudinaryStorage::close);
            throw e;
        }
    }
}
