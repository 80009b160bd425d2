package org.imageorganizer.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncSummary;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryEvents;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.ModelSetup;
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
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.sync.SyncService;
import org.imageorganizer.ui.DesktopFiles;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.WindowServices;
import org.imageorganizer.ui.EmbeddedServer;

/**
 * The window's services: one library, one clustering, one model (loaded on first import), an optional
 * server; handed to the window as {@link WindowServices} ({@link #windowServices()}). The window is
 * told of library changes: imports and removals go through {@link LibraryChanges}, which tells the
 * clustering and the window, and the clustering tells it when the clusters were recomputed.
 */
final class DesktopWiring implements AutoCloseable {
    private static final Duration CLUSTER_DEBOUNCE = Duration.ofSeconds(2);

    private final Environment environment;
    private final AppServices app;
    private final Path logFile;
    private final Library library;
    private volatile LibraryClusterer clusterer;
    private final ImageStorage storage;
    private final ThumbnailCache thumbnails;
    private final Server server = new Server();
    private final LibraryChanges changes = new LibraryChanges();
    private ClipModel model;
    private CloudinaryStorage cloud;

    DesktopWiring(Environment environment, AppServices app, Path logFile) {
        this.environment = environment;
        this.app = app;
        this.logFile = logFile;
        this.library = app.openLibrary(org.imageorganizer.config.DatabaseLocation.DEFAULT);
        this.clusterer = newClusterer(app.settings());
        this.storage = PipelineAssembly.storage(environment);
        this.thumbnails = new ThumbnailCache(environment.thumbnailCacheDir(), new Thumbnailer(new SafeImageDecoder()));
        clusterer.libraryChanged(); // catch up with anything imported elsewhere meanwhile
    }

    private LibraryClusterer newClusterer(Settings settings) {
        LibraryClusterer made = new LibraryClusterer(library.images(), library.clusters(), library.info(),
                settings.clustering().toClusterSettings(), CLUSTER_DEBOUNCE);
        made.addRecomputedListener(changes::tellObservers);
        return made;
    }

    /** What the window is given: the services over this wiring's library, and the window's own files and settings. */
    WindowServices windowServices() {
        return new WindowServices(new Queries(), changes, new Files(), new Removal(), this::organize, new Backup(),
                new Models(), new SettingsFile(), server, new Paths(), BuildInfo.load());
    }

    // replaced by the services implementation at merge
    private ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        return importPipeline().run(roots, listener, cancelled);
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

    ImportPipeline importPipeline() {
        Settings settings = app.settings();
        return new PipelineAssembly(environment, settings).build(model(), library, settings.ttaViews(), changes,
                ImportOptions.defaults().withAdaptiveTta(settings.adaptiveTta()));
    }

    boolean modelAvailable() {
        return app.models().anyWithoutDownload();
    }

    Settings settings() {
        return app.settings();
    }

    void saveSettings(Settings settings) {
        Settings before = app.settings();
        app.saveSettings(settings);
        if (!before.clustering().equals(settings.clustering())) {
            // the new parameters apply now: stored groups are recomputed because their algorithm changed
            LibraryClusterer old = clusterer;
            clusterer = newClusterer(settings);
            clusterer.libraryChanged();
            if (!server.running()) {
                old.close();
            }
        }
    }

    /** Getting the model on first run. */
    // replaced by the services implementation at merge
    private final class Models implements ModelSetup {
        @Override
        public boolean modelAvailable() {
            return DesktopWiring.this.modelAvailable();
        }

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
    }

    EmbeddedServer embeddedServer() {
        return server;
    }

    Path logFile() {
        return logFile;
    }

    Path windowStateFile() {
        return environment.settingsFile().resolveSibling("window.json");
    }

    BuildInfo build() {
        return BuildInfo.load();
    }

    /**
     * A sync of the window's library to Cloudinary, or empty when Cloudinary is not configured
     * (CLOUDINARY_URL or cloudinary.url). {@link SyncService#run} blocks.
     */
    synchronized Optional<SyncService> cloudSync() {
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


    synchronized ImageRemover remover() {
        Optional<CloudinaryConfig> config = app.cloudinary();
        if (config.isPresent() && cloud == null) {
            cloud = new CloudinaryStorage(config.get().withConnections(app.settings().cloudinary().concurrency() + 1));
        }
        return new ImageRemover(library.images(), library.remoteCopies(), new ManagedFolder(environment.managedStorageDir()),
                Optional.ofNullable(cloud), ImageRemover.OnDelete.parse(app.settings().cloudinary().onDelete()), changes);
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

    /**
     * Tells the clustering and the window's observers that images were added or removed, and the
     * observers alone that the clusters were recomputed.
     */
    private final class LibraryChanges implements LibraryObserver, LibraryEvents {
        private final List<LibraryObserver> observers = new CopyOnWriteArrayList<>();

        @Override
        public void libraryChanged() {
            clusterer.libraryChanged();
            tellObservers();
        }

        void tellObservers() {
            for (LibraryObserver observer : observers) {
                observer.libraryChanged();
            }
        }

        @Override
        public void addObserver(LibraryObserver observer) {
            observers.add(observer);
        }

        @Override
        public void removeObserver(LibraryObserver observer) {
            observers.remove(observer);
        }
    }

    // replaced by the services implementation at merge
    private final class Queries implements LibraryQueries {
        @Override
        public OrganizedTree tree() {
            return clusterer.tree();
        }

        @Override
        public OrganizedTree sortedTree() {
            return clusterer.refreshNow();
        }

        @Override
        public Map<GroupKey, List<Long>> groupMembership() {
            return library.images().groupMembership();
        }

        @Override
        public List<ImageRecord> imagesByIds(Collection<Long> ids) {
            return library.images().listByIds(ids);
        }

        @Override
        public List<ImageRecord> newest(String object, String background, int offset, int limit) {
            return library.images().listNewest(object, background, offset, limit);
        }

        @Override
        public long count() {
            return library.images().count();
        }

        @Override
        public long count(String object, String background) {
            return library.images().count(object, background);
        }

        @Override
        public Optional<ImageRecord> image(long id) {
            return library.images().findById(id);
        }

        @Override
        public void forEachImage(Consumer<ImageRecord> action) {
            int page = 500;
            for (int offset = 0; ; offset += page) {
                List<ImageRecord> images = library.images().list(offset, page);
                images.forEach(action);
                if (images.size() < page) {
                    return;
                }
            }
        }
    }

    // replaced by the services implementation at merge
    private final class Files implements ImageFiles {
        @Override
        public boolean exists(ImageRecord image) {
            return storage.exists(image);
        }

        @Override
        public InputStream open(ImageRecord image) throws IOException {
            return storage.open(image);
        }

        @Override
        public Optional<Path> localFile(ImageRecord image) {
            return storage.localFile(image);
        }

        @Override
        public byte[] thumbnail(ImageRecord image, int maxSide) throws IOException {
            try {
                return thumbnails.get(image.sha256(), maxSide, () -> {
                    try (InputStream in = storage.open(image)) {
                        return in.readAllBytes();
                    }
                });
            } catch (ImageRejectedException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    // replaced by the services implementation at merge
    /** Removes an image with its managed file and its Cloudinary copy (as cloudinary.on_delete says), then tells the clustering and the window. */
    private final class Removal implements ImageRemoval {
        @Override
        public Optional<Removed> remove(long id) throws InterruptedException {
            return remover().remove(id);
        }
    }

    // replaced by the services implementation at merge
    private final class Backup implements CloudBackup {
        @Override
        public boolean configured() {
            return app.cloudinary().isPresent();
        }

        @Override
        public String destination() {
            return sync().destination();
        }

        @Override
        public long pending() {
            return sync().pending();
        }

        @Override
        public SyncSummary run(SyncListener listener, BooleanSupplier cancelled) throws InterruptedException {
            return sync().run(listener, cancelled);
        }

        private SyncService sync() {
            return cloudSync().orElseThrow(() -> new IllegalStateException(
                    "Cloudinary is not configured: set CLOUDINARY_URL or add it to the settings."));
        }
    }

    private final class SettingsFile implements SettingsStore {
        @Override
        public Settings load() {
            return settings();
        }

        @Override
        public void save(Settings settings) {
            saveSettings(settings);
        }
    }

    private final class Paths implements DesktopFiles {
        @Override
        public Path logFile() {
            return DesktopWiring.this.logFile();
        }

        @Override
        public Path windowStateFile() {
            return DesktopWiring.this.windowStateFile();
        }
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
