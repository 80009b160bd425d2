package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.importer.ModelOnDemand;
import org.imageorganizer.services.SuggestedClusterNames;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.importer.OpeningLibrary;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncSummary;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.services.BackgroundResort;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.ClusterNaming;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.services.StoredClusterNaming;
import org.imageorganizer.services.CloudSyncBackup;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoTrash;
import org.imageorganizer.services.TrashingPhotos;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.ui.DesktopFiles;
import org.imageorganizer.ui.EmbeddedServer;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.WindowServices;

/**
 * The window's services, on the core: one library, one clustering, one model, an optional server;
 * handed to the window as {@link WindowServices}. Nothing is opened up front, so the window shows at
 * once (ADR 0031): the library opens on the window's first read, in its background tasks
 * ({@link DesktopLibrary}); the model is chosen on the first import and loaded when a file needs it,
 * while the import walks and decodes ({@link Core#modelOnDemand}, as {@code organize}). Imports and
 * removals tell {@link DesktopLibraryChanges}, which tells the clustering and the window; the
 * clustering tells the window when the clusters were recomputed.
 */
final class DesktopWiring implements AutoCloseable {
    /** How long the window's clustering waits after a change. */
    private static final Duration CLUSTER_DEBOUNCE = Duration.ofSeconds(2);

    private final Core core;
    private final Path logFile;
    private final DesktopLibraryChanges changes;
    private final StoredImageFiles files;
    private final DesktopLibrary libraries;
    private final Server server = new Server();
    private final Duplicates duplicates = new Duplicates();
    private final DesktopFind find;
    private ModelOnDemand model;
    private BackgroundNameSuggestions names;
    private boolean closed;
    private CloudinaryStorage cloud;
    private LibrarySorting sorting;

    DesktopWiring(Core core, Path logFile) {
        this.core = core;
        this.logFile = logFile;
        this.files = new StoredImageFiles(core.localStorage(), core.thumbnails());
        this.changes = new DesktopLibraryChanges(this::clustererIfOpen);
        this.libraries = new DesktopLibrary(core, CLUSTER_DEBOUNCE, files, changes::clustersRecomputed);
        this.find = new DesktopFind(core, libraries::library, libraries::queries, duplicates, this::model);
    }

    private LibraryClusterer clustererIfOpen() {
        return libraries.clustererIfOpen();
    }

    /** The library, opened on first use: any thread but the FX thread (see {@link DesktopLibrary#library()}). */
    LibraryDatabase library() {
        return libraries.library();
    }

    /** What the window is given: the services over this wiring's library, and the window's own files and settings. */
    WindowServices windowServices() {
        return new WindowServices(libraries.queries(), changes, files, this::remove, this::organize,
                new Backup(), new Models(), new SettingsFile(), server, new Files(), BuildInfo.load(), duplicates,
                new Trashing(), find.search(), this::sorting, new Naming());
    }

    /** An import as {@code organize} runs one; the model loads when a file needs it, and the window is told. */
    private ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        LibraryDatabase opened = library();
        // the labels, views and adaptive TTA as the settings say now; the model is loaded once for all imports
        ImportPipeline pipeline = core.pipeline(model(opened).withNewClassifier(), OpeningLibrary.open(opened), null, null, changes);
        return pipeline.run(roots, listener, cancelled);
    }

    /**
     * The window's model: the library's variant among the folders on this computer, chosen on the first
     * import (never downloaded here: {@link ModelException} when there is none yet, and the window
     * offers the download), loaded when a file needs it, freed when the window closes.
     */
    private synchronized ModelOnDemand model(LibraryDatabase opened) {
        if (model == null) {
            ModelOnDemand chosen = core.modelOnDemand(opened, core.models().chooseInstalled(opened));
            model = chosen;
            // once it is loaded: names suggested for the clusters, in the background (ADR 0045)
            chosen.whenReady(() -> suggestNames(chosen, opened));
        }
        return model;
    }

    private synchronized void suggestNames(ModelOnDemand loaded, LibraryDatabase opened) {
        if (names == null && model == loaded && !closed) {
            names = BackgroundNameSuggestions.start(loaded.model(), core.environment().labelEmbeddingCacheDir(),
                    new SuggestedClusterNames(opened.clusters()), libraries.clusterer());
        }
    }

    /**
     * Moving photos, the categories and the re-sort after a change of them, made on first use (the library opens
     * then). The re-sort loads the model when it needs the categories' words; the window's imports read the
     * library's categories themselves, so nothing else follows them.
     */
    private synchronized LibrarySorting sorting() {
        if (sorting == null) {
            LibraryDatabase opened = library();
            SortingClassifiers classifiers = core.classifiers();
            LibraryResort resort = new LibraryResort(opened,
                    categories -> classifiers.of(model(opened).model(), categories, opened), changes);
            sorting = new LibrarySorting(new LabelCorrecting(opened, changes), new LibraryCategories(opened),
                    new BackgroundResort(resort, () -> { }));
        }
        return sorting;
    }

    private void saveSettings(Settings settings) {
        Settings before = core.settings();
        core.saveSettings(settings);
        if (!before.clustering().equals(settings.clustering())) {
            libraries.clusteringChanged(settings, server.running()); // the server keeps the one it started with
        }
    }

    /** Removes an image with its managed file and its cloud copy (as cloudinary.on_delete says); the window is told. */
    private Optional<ImageRemoval.Removed> remove(long id) throws InterruptedException {
        LibraryDatabase opened = library();
        Optional<CloudinaryStorage> store = cloud(core.settings().cloudinary().concurrency());
        return core.remover(opened, core.managedFolder(null), store, changes).remove(id);
    }

    /** The Cloudinary client, made on first use when Cloudinary is configured (CLOUDINARY_URL or cloudinary.url). */
    private synchronized Optional<CloudinaryStorage> cloud(int concurrency) {
        Optional<CloudinaryConfig> config = core.cloudinary();
        if (config.isPresent() && cloud == null) {
            cloud = core.cloudStore(config.get().withConnections(concurrency + 1));
        }
        return config.isPresent() ? Optional.of(cloud) : Optional.empty();
    }

    /** Stops the server and frees the model, the clustering and the library; waits for an opening under way. */
    @Override
    public void close() {
        server.stop();
        find.close();
        synchronized (this) {
            closed = true;
            if (cloud != null) {
                cloud.close();
            }
            if (sorting != null) {
                sorting.resort().close();
            }
            if (names != null) {
                names.close(); // before the model is closed
            }
            if (model != null) {
                model.close();
            }
        }
        libraries.close();
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
            return new CloudSyncBackup(core.cloudSync(library(), store, concurrency));
        }
    }

    /** The duplicates of the window's library, made when first asked (the library opens then). */
    private final class Duplicates implements PhotoDuplicates {
        private PhotoDuplicates made;

        private synchronized PhotoDuplicates made() {
            if (made == null) {
                LibraryDatabase opened = library();
                made = core.photoDuplicates(opened.fingerprints(), opened.nearDuplicateLinks(), libraries.queries(), DesktopWiring.this::remove,
                        opened.embeddings()::stamp, () -> core.nearDuplicateVeto(opened.info().modelId(), List.of(),
                                opened.info().nearDuplicateVeto()));
            }
            return made;
        }

        @Override
        public List<PhotoStack> stacks(boolean exactOnly) {
            return made().stacks(exactOnly);
        }

        @Override
        public List<Long> nearDuplicatesOf(long imageId) {
            return made().nearDuplicatesOf(imageId);
        }

        @Override
        public Resolved resolve(String token, long keep, List<Long> remove) throws InterruptedException {
            return made().resolve(token, keep, remove);
        }
    }

    /** Names the clusters of the window's library (opened when first asked). */
    private final class Naming implements ClusterNaming {
        private ClusterNaming stored() {
            return new StoredClusterNaming(library().clusters());
        }

        @Override
        public ClusterIdentity name(GroupKey group, int clusterId, String name) {
            return stored().name(group, clusterId, name);
        }

        @Override
        public ClusterIdentity nameByKey(String clusterKey, String name) {
            return stored().nameByKey(clusterKey, name);
        }

        @Override
        public List<ClusterIdentity> identities() {
            return stored().identities();
        }
    }

    /** Move to Trash over this computer's trash ({@link SystemTrash}), found when first asked (off the FX thread). */
    private final class Trashing implements PhotoTrash {
        private PhotoTrash made;

        private synchronized PhotoTrash made() {
            if (made == null) {
                made = new TrashingPhotos(libraries.queries(), id -> library().locations().locationsOf(id),
                        DesktopWiring.this::remove, SystemTrash.find());
            }
            return made;
        }

        @Override
        public boolean available() {
            return made().available();
        }

        @Override
        public Plan plan(java.util.Collection<Long> imageIds) {
            return made().plan(imageIds);
        }

        @Override
        public Outcome moveToTrash(Plan plan) throws InterruptedException {
            return made().moveToTrash(plan);
        }
    }

    /** Getting the model on first run. */
    private final class Models implements ModelSetup {
        @Override
        public boolean modelAvailable() {
            return core.models().anyWithoutDownload();
        }

        @Override
        public long downloadBytes() {
            return core.models().downloadBytes(null);
        }

        /** The progress of the whole download: the bytes of every file so far, over the published total. */
        @Override
        public void download(DoubleConsumer progress) {
            long whole = downloadBytes();
            java.util.Map<String, Long> done = new java.util.concurrent.ConcurrentHashMap<>();
            core.models().download(null, (file, bytes, total) -> {
                done.put(file, bytes);
                long sum = done.values().stream().mapToLong(Long::longValue).sum();
                progress.accept(whole > 0 ? Math.min(1.0, (double) sum / whole) : total > 0 ? (double) bytes / total : -1);
            });
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

        @Override
        public Path problemsFile() {
            return core.environment().dataDir().resolve("problems.json");
        }
    }

    /** The REST server over the window's own library, model and clustering: on loopback, or for the local network with a key. */
    private final class Server implements EmbeddedServer {
        private ServerWiring.Parts running;
        private boolean forNetwork;

        @Override
        public synchronized String start(int port) {
            return startWith(ServerOptions.local(port), false);
        }

        @Override
        public synchronized String startForNetwork(int port, String accessKey) {
            return startWith(ServerOptions.local(port).withHost(ServerOptions.ANY_ADDRESS).withApiKey(accessKey), true);
        }

        private String startWith(ServerOptions options, boolean network) {
            if (running == null) {
                LibraryDatabase opened = library();
                ModelOnDemand shared;
                try {
                    shared = model(opened);
                } catch (ModelException e) {
                    throw new ModelException("Web access needs the recognition model: set up photo recognition first.", e);
                }
                shared.classifier(); // loads the model and waits: the server says "ok" once it is loaded, as before
                running = new ServerWiring(core, opened, core.environment().managedStorageDir(), CLUSTER_DEBOUNCE,
                        Optional.empty()).startShared(options, shared.model(), libraries.clusterer());
                forNetwork = network;
            }
            return LocalAddresses.onThisComputer(running.url());
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

        @Override
        public synchronized List<String> networkAddresses() {
            return running == null || !forNetwork ? List.of() : LocalAddresses.forOtherDevices(running.url());
        }
    }
}
