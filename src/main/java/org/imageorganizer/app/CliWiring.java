package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.cli.UserException;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.cluster.StoredTree;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.CloudSyncBackup;
import org.imageorganizer.services.LibraryImport;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.ReadOnlyLibrary;
import org.imageorganizer.services.StoreLibrary;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.sync.SyncService;

/** The command line's services, on the core: what {@code organize}, {@code tree}, {@code serve}, ... need. */
final class CliWiring implements CliServices {
    /** How long {@code organize}, {@code serve} and the other commands wait after a change before re-clustering. */
    static final Duration CLUSTER_DEBOUNCE = Duration.ofSeconds(3);

    private final Core core;
    private final LibraryReadAhead readAhead;

    CliWiring(Core core) {
        this(core, LibraryReadAhead.none());
    }

    /** @param readAhead the library a read-only command will read, opened ahead (see {@link #readLibrary}) */
    CliWiring(Core core, LibraryReadAhead readAhead) {
        this.core = core;
        this.readAhead = readAhead;
    }

    @Override
    public Settings settings() {
        return core.settings();
    }

    @Override
    public OpenedLibrary openLibrary(DatabaseLocation location, ClusterSettings clustering) {
        return withClusterer(core.openLibrary(location), clustering);
    }

    /** The library with its clusterer, which owns it; closed here if that fails. */
    private StoreLibrary withClusterer(LibraryDatabase library, ClusterSettings clustering) {
        try {
            return new StoreLibrary(library, core.clusterer(library, clustering, CLUSTER_DEBOUNCE), core.localStorage(),
                    core.thumbnails());
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    /** Plain JDBC when the library exists with this program's schema; else the full path, which creates or migrates it. */
    @Override
    public OpenedLibrary readLibrary(DatabaseLocation location, ClusterSettings clustering) {
        // where the options, the environment and the settings put it: the library opened ahead is taken only if there
        Optional<LibraryReader> reader = readAhead.reader(core.sources().database(location), core::openReader);
        return reader.isPresent() ? readOnly(reader.get(), location, clustering) : openLibrary(location, clustering);
    }

    /** The library read through {@code reader}, which it owns (closed here if that fails). */
    private OpenedLibrary readOnly(LibraryReader reader, DatabaseLocation location, ClusterSettings clustering) {
        try {
            return new ReadOnlyLibrary(reader, new StoredTree(clustering),
                    new StoredImageFiles(core.localStorage(), core::thumbnails), () -> openLibrary(location, clustering));
        } catch (RuntimeException | Error e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public LibraryImport openImport(DatabaseLocation location, Supplier<ClusterSettings> clustering, List<Path> modelDirs,
            String precision, Integer views, Boolean adaptive) {
        return new OrganizeRun(core, location, new OrganizeRun.ModelRequest(modelDirs, precision, views, adaptive),
                reader -> readOnly(reader, location, clustering.get()), library -> withClusterer(library, clustering.get()));
    }

    @Override
    public SearchSession openSearch(DatabaseLocation location, List<Path> modelDirs) {
        ClusterSettings clustering = settings().clustering().toClusterSettings();
        return new SearchRun(core, location, modelDirs, reader -> readOnly(reader, location, clustering),
                () -> openLibrary(location, clustering));
    }

    @Override
    public SortingSession openSorting(DatabaseLocation location, List<Path> modelDirs) {
        StoreLibrary library = withClusterer(core.openLibrary(location), settings().clustering().toClusterSettings());
        try {
            return new SortingRun(core, library, modelDirs);
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    @Override
    public Map<Path, String> downloadModels(String precision) {
        Map<Path, String> folders = new LinkedHashMap<>();
        core.models().download(precision).forEach(f -> folders.put(f.directory(), f.manifest().modelId()));
        return folders;
    }

    @Override
    public RunningServer startServer(ServerOptions options, DatabaseLocation database, Path storage,
            List<Path> modelDirs, String precision) {
        Path storageDir = storage != null ? storage : core.environment().managedStorageDir();
        Optional<CloudinaryConfig> cloud = core.cloudinary();
        new EphemeralDiskWarning(core.sources(), core.err())
                .warnIfLost(database, storageDir, cloud.isPresent());
        // listens at once; /health says "loading" while the library opens and the model loads (ADR 0027)
        ServerWiring.Started server = new ServerWiring(core, null, storageDir, CLUSTER_DEBOUNCE, cloud)
                .start(options, () -> core.openLibrary(database), library -> core.chooseModel(library, modelDirs, precision),
                        () -> recordedVariant(database, modelDirs, precision));
        return new RunningServer() {
            @Override
            public String url() {
                return server.url();
            }

            @Override
            public String uploadsGoTo() {
                return server.uploadsGoTo();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /**
     * The model folder of an existing library's recorded variant, read through plain JDBC before the
     * library opens, so that the server loads the model while the library opens; empty for a library
     * that does not exist yet, records no variant, or cannot be read that way.
     */
    private Optional<ModelFolder> recordedVariant(DatabaseLocation database, List<Path> modelDirs, String precision) {
        Optional<String> recorded;
        try (LibraryReader reader = core.openReader(database).orElse(null)) {
            recorded = reader == null ? Optional.empty() : reader.modelId();
        } catch (RuntimeException e) {
            return Optional.empty(); // the library's own open says what is wrong, as before
        }
        return recorded.map(id -> core.chooseModel(recorded, modelDirs, precision));
    }

    @Override
    public CloudSync openSync(DatabaseLocation location, Integer concurrency) {
        LibraryDatabase library = core.openLibrary(location);
        try {
            return openSync(library, concurrency);
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    /** A sync of the library to Cloudinary; closing it frees the cloud client, then the library. */
    private CloudSync openSync(LibraryDatabase library, Integer concurrency) {
        CloudinaryConfig config = core.cloudinary().orElseThrow(() -> new UserException("Cloudinary is not configured: set "
                + ConfigurationSources.CLOUDINARY_URL_VARIABLE + "=cloudinary://API_KEY:API_SECRET@CLOUD_NAME, or cloudinary.url in "
                + core.environment().settingsFile() + "."));
        int uploads = concurrency != null ? concurrency : settings().cloudinary().concurrency();
        if (uploads < 1 || uploads > SyncService.MAX_CONCURRENCY) {
            throw new UserException("--concurrency must be from 1 to " + SyncService.MAX_CONCURRENCY + ".");
        }
        CloudinaryStorage cloud = core.cloudStore(config.withConnections(uploads + 1));
        CloudBackup backup = new CloudSyncBackup(core.cloudSync(library, cloud, uploads));
        return new CloudSync() {
            @Override
            public CloudBackup backup() {
                return backup;
            }

            @Override
            public void close() {
                try {
                    cloud.close();
                } finally {
                    library.close();
                }
            }
        };
    }

    @Override
    public Training startTraining(List<Path> modelDirs) {
        return TrainingRun.start(core, this, modelDirs);
    }

    /** For tests: the clusterer the commands would build. */
    LibraryClusterer clusterer(LibraryDatabase library, ClusterSettings clusterSettings) {
        return core.clusterer(library, clusterSettings, CLUSTER_DEBOUNCE);
    }
}
