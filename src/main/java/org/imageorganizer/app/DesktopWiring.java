package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncSummary;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.CloudSyncBackup;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.services.StoredLibraryQueries;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.ui.DesktopFiles;
import org.imageorganizer.ui.EmbeddedServer;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.WindowServices;

/**
 * The window's services, on the core: one library, one clustering, one model (loaded on first import),
 * an optional server; handed to the window as {@link WindowServices}. Imports and removals tell
 * {@link DesktopLibraryChanges}, which tells the clustering and the window; the clustering tells the
 * window when the clusters were recomputed.
 */
final class DesktopWiring implements AutoCloseable {
    /** How long the window's clustering waits after a change. */
    private static final Duration CLUSTER_DEBOUNCE = Duration.ofSeconds(2);

    private final Core core;
    private final Path logFile;
    private final LibraryDatabase library;
    private final DesktopLibraryChanges changes;
    private final Server server = new Server();
    private volatile LibraryClusterer clusterer;
    private ClipModel model;
    private CloudinaryStorage cloud;

    DesktopWiring(Core core, Path logFile) {
        this.core = core;
        this.logFile = logFile;
        this.library = core.openLibrary(DatabaseLocation.DEFAULT);
        this.changes = new DesktopLibraryChanges(() -> clusterer);
        this.clusterer = newClusterer(core.settings());
        clusterer.libraryChanged(); // catch up with anything imported elsewhere meanwhile
    }

    private LibraryClusterer newClusterer(Settings settings) {
        LibraryClusterer made = core.clusterer(library, settings.clustering().toClusterSettings(), CLUSTER_DEBOUNCE);
        made.addRecomputedListener(changes::clustersRecomputed);
        return made;
    }

    /** What the window is given: the services over this wiring's library, and the window's own files and settings. */
    WindowServices windowServices() {
        return new WindowServices(new StoredLibraryQueries(library.images(), () -> clusterer), changes,
                new StoredImageFiles(core.localStorage(), core.thumbnails()), this::remove, this::organize,
                new Backup(), new Models(), new SettingsFile(), server, new Files(), BuildInfo.load());
    }

    private ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        boolean loading = !modelLoaded();
        if (loading) {
            listener.loadingModel(); // the window says so instead of "0 of N" (ADR 0027)
        }
        ImportPipeline pipeline = importPipeline();
        if (loading) {
            listener.modelReady();
        }
        return pipeline.run(roots, listener, cancelled);
    }

    private synchronized boolean modelLoaded() {
        return model != null;
    }

    /** The model, loaded once; {@link ModelException} when there is none yet. */
    private synchronized ClipModel model() {
        if (model == null) {
            List<ModelFolder> folders = core.models().withoutDownload();
            if (folders.isEmpty()) {
                throw new ModelException("there is no CLIP model on this computer yet.");
            }
            model = core.loadModel(library, core.models().choose(library, folders, null));
        }
        return model;
    }

    private ImportPipeline importPipeline() {
        Settings settings = core.settings();
        return core.pipeline(model(), library, settings.ttaViews(), changes,
                ImportOptions.defaults().withAdaptiveTta(settings.adaptiveTta()));
    }

    private void saveSettings(Settings settings) {
        Settings before = core.settings();
        core.saveSettings(settings);
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

    /** Removes an image with its managed file and its cloud copy (as cloudinary.on_delete says); the window is told. */
    private Optional<ImageRemoval.Removed> remove(long id) throws InterruptedException {
        Optional<CloudinaryStorage> store = cloud(core.settings().cloudinary().concurrency());
        return core.remover(library, core.managedFolder(null), store, changes).remove(id);
    }

    /** The Cloudinary client, made on first use when Cloudinary is configured (CLOUDINARY_URL or cloudinary.url). */
    private synchronized Optional<CloudinaryStorage> cloud(int concurrency) {
        Optional<CloudinaryConfig> config = core.cloudinary();
        if (config.isPresent() && cloud == null) {
            cloud = core.cloudStore(config.get().withConnections(concurrency + 1));
        }
        return config.isPresent() ? Optional.of(cloud) : Optional.empty();
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

    /** The backup to Cloudinary, as configured at the moment it is asked (the settings may change meanwhile). */
    private final class Backup implements CloudBackup {
        @Override
        public boolean configured() {
            return core.cloudinary().isPresent();
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

        private CloudBackup sync() {
            int concurrency = core.settings().cloudinary().concurrency();
            CloudinaryStorage store = cloud(concurrency).orElseThrow(() -> new IllegalStateException(
                    "Cloudinary is not configured: set CLOUDINARY_URL or add it to the settings."));
            return new CloudSyncBackup(core.cloudSync(library, store, concurrency));
        }
    }

    /** Getting the model on first run. */
    private final class Models implements ModelSetup {
        @Override
        public boolean modelAvailable() {
            return core.models().anyWithoutDownload();
        }

        @Override
        public void download(DoubleConsumer progress) {
            core.models().download(null, (file, done, total) -> progress.accept(total > 0 ? (double) done / total : -1));
        }

        @Override
        public void useFolder(Path folder) {
            ModelFolder.open(folder); // throws with a sentence when unusable
            core.saveSettings(core.settings().withModelDir(folder.toAbsolutePath().toString()));
        }
    }

    private final class SettingsFile implements SettingsStore {
        @Override
        public Settings load() {
            return core.settings();
        }

        @Override
        public void save(Settings settings) {
            saveSettings(settings);
        }
    }

    private final class Files implements DesktopFiles {
        @Override
        public Path logFile() {
            return logFile;
        }

        @Override
        public Path windowStateFile() {
            return core.environment().settingsFile().resolveSibling("window.json");
        }
    }

    /** The REST server over the window's own library, model and clustering. */
    private final class Server implements EmbeddedServer {
        private ServerWiring.Parts running;

        @Override
        public synchronized String start(int port) {
            if (running == null) {
                running = new ServerWiring(core, library, core.environment().managedStorageDir(), CLUSTER_DEBOUNCE,
                        Optional.empty()).startShared(ServerOptions.local(port), model(), clusterer);
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
