package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.Library;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.sync.ImageRemover;
import org.imageorganizer.sync.SyncService;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.EmbeddedServer;

/** The desktop window's services: one library, one clustering, one model (loaded on first import), an optional server. */
final class DesktopWiring implements DesktopServices, AutoCloseable {
    private static final Duration CLUSTER_DEBOUNCE = Duration.ofSeconds(2);

    private final Environment environment;
    private final AppServices app;
    private final Path logFile;
    private final Library library;
    private volatile LibraryClusterer clusterer;
    private final ImageStorage storage;
    private final ThumbnailCache thumbnails;
    private final Server server = new Server();
    private ClipModel model;
    private CloudinaryStorage cloud;

    DesktopWiring(Environment environment, AppServices app, Path logFile) {
        this.environment = environment;
        this.app = app;
        this.logFile = logFile;
        this.library = app.openLibrary(org.imageorganizer.config.DatabaseLocation.DEFAULT);
        this.clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(),
                app.settings().clustering().toClusterSettings(), CLUSTER_DEBOUNCE);
        this.storage = PipelineAssembly.storage(environment);
        this.thumbnails = new ThumbnailCache(environment.thumbnailCacheDir(), new Thumbnailer(new SafeImageDecoder()));
        clusterer.libraryChanged(); // catch up with anything imported elsewhere meanwhile
    }

    @Override
    public Library library() {
        return library;
    }

    @Override
    public LibraryClusterer clusterer() {
        return clusterer;
    }

    @Override
    public ImageStorage storage() {
        return storage;
    }

    @Override
    public ThumbnailCache thumbnails() {
        return thumbnails;
    }

    /** The model, loaded once; {@link ModelException} when there is none yet. */
    private synchronized ClipModel model() {
        if (model == null) {
            List<ModelFolder> folders = app.models().withoutDownload();
            if (folders.isEmpty()) {
                throw new ModelException("there is no CLIP model on this computer yet.");
            }
            ModelFolder checked = app.models().choose(library, folders, null);
            library.info().claimModel(checked.manifest().modelId());
            model = ClipModels.load(checked);
        }
        return model;
    }

    @Override
    public ImportPipeline importPipeline() {
        Settings settings = app.settings();
        return new PipelineAssembly(environment, settings).build(model(), library, settings.ttaViews(), clusterer,
                ImportOptions.defaults().withAdaptiveTta(settings.adaptiveTta()));
    }

    @Override
    public boolean modelAvailable() {
        return app.models().anyWithoutDownload();
    }

    @Override
    public Settings settings() {
        return app.settings();
    }

    @Override
    public void saveSettings(Settings settings) {
        Settings before = app.settings();
        app.saveSettings(settings);
        if (!before.clustering().equals(settings.clustering())) {
            // the new parameters apply now: stored groups are recomputed because their algorithm changed
            LibraryClusterer old = clusterer;
            clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(),
                    settings.clustering().toClusterSettings(), CLUSTER_DEBOUNCE);
            clusterer.libraryChanged();
            if (!server.running()) {
                old.close();
            }
        }
    }

    @Override
    public ModelSetup modelSetup() {
        return new ModelSetup() {
            @Override
            public void download(DoubleConsumer progress) {
                app.models().download(null,
                        (file, done, total) -> progress.accept(total > 0 ? (double) done / total : -1));
            }

            @Override
            public void useFolder(Path folder) {
                ModelFolder.open(folder); // throws with a sentence when unusable
                app.saveSettings(app.settings().withModelDir(folder.toAbsolutePath().toString()));
            }
        };
    }

    @Override
    public EmbeddedServer embeddedServer() {
        return server;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public Path windowStateFile() {
        return environment.settingsFile().resolveSibling("window.json");
    }

    @Override
    public BuildInfo build() {
        return BuildInfo.load();
    }

    /**
     * For the window's Sync menu item (to be declared in {@code DesktopServices} by the ui): a sync of
     * the window's library to Cloudinary, or empty when Cloudinary is not configured (CLOUDINARY_URL or
     * cloudinary.url). {@link SyncService#run} blocks: run it off the FX thread, with a listener that
     * hands progress over to it, and a cancel flag for the Cancel button.
     */
    @Override
    public synchronized Optional<SyncService> cloudSync() {
        Optional<CloudinaryConfig> config = app.cloudinary();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        int concurrency = app.settings().cloudinary().concurrency();
        if (cloud == null) {
            cloud = new CloudinaryStorage(config.get().withConnections(concurrency + 1));
        }
        return Optional.of(new SyncService(library.images(), library.remoteCopies(), storage, cloud, concurrency));
    }

    /**
     * For the window's Remove (in place of {@code library().images().delete}): removes an image with
     * its managed file and its Cloudinary copy, deleted or kept as cloudinary.on_delete says. Slow when
     * there is a cloud copy: call it off the FX thread.
     */
    @Override
    public void removeFromLibrary(long imageId) throws InterruptedException {
        remover().remove(imageId);
    }

    synchronized ImageRemover remover() {
        Optional<CloudinaryConfig> config = app.cloudinary();
        if (config.isPresent() && cloud == null) {
            cloud = new CloudinaryStorage(config.get().withConnections(app.settings().cloudinary().concurrency() + 1));
        }
        return new ImageRemover(library.images(), library.remoteCopies(), new ManagedFolder(environment.managedStorageDir()),
                Optional.ofNullable(cloud), ImageRemover.OnDelete.parse(app.settings().cloudinary().onDelete()));
    }

    @Override
    public synchronized void close() {
        server.stop();
        if (cloud != null) {
            cloud.close();
        }
        clusterer.close();
        if (model != null) {
            model.close();
        }
        library.close();
    }

    /** The REST server over the window's own library, model and clustering. */
    private final class Server implements EmbeddedServer {
        private ServerWiring.Parts running;

        @Override
        public synchronized String start(int port) {
            if (running == null) {
                Settings settings = app.settings();
                running = new ServerWiring(environment, settings, library, null, environment.managedStorageDir(), CLUSTER_DEBOUNCE)
                        .startShared(ServerOptions.local(port), model(), clusterer);
            }
            return running.url();
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }

        @Override
        public synchronized boolean running() {
            return running != null;
        }
    }
}
