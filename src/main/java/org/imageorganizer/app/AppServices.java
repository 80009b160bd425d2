package org.imageorganizer.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.cli.UserException;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.config.SettingsException;
import org.imageorganizer.config.SettingsStore;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.importer.ImportSession;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.VariantChooser;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.CloudSyncBackup;
import org.imageorganizer.services.FolderImportSession;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.PipelineImport;
import org.imageorganizer.services.StoreLibrary;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.Library;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.sync.SyncService;

/** Builds the core services from the environment and settings: the one place where things are wired. */
final class AppServices implements CliServices {
    static final String MODEL_DIR_VARIABLE = ModelFolders.MODEL_DIR_VARIABLE;
    static final String DB_URL_VARIABLE = "IMAGE_ORGANIZER_DB_URL";
    static final String DB_USER_VARIABLE = "IMAGE_ORGANIZER_DB_USER";
    static final String DB_PASSWORD_VARIABLE = "IMAGE_ORGANIZER_DB_PASSWORD";
    static final String DB_PASSWORD_FILE_VARIABLE = "IMAGE_ORGANIZER_DB_PASSWORD_FILE";
    /** How long {@code organize}, {@code serve} and the other commands wait after a change before re-clustering. */
    static final Duration CLUSTER_DEBOUNCE = Duration.ofSeconds(3);

    private final Environment environment;
    private final Map<String, String> variables;
    private final PrintWriter err;
    private final SettingsStore settingsStore;
    private final ModelFolders models;
    private Settings settings;

    AppServices(Environment environment, Map<String, String> variables, PrintWriter err) {
        this.environment = environment;
        this.variables = variables;
        this.err = err;
        this.settingsStore = new SettingsStore(environment.settingsFile());
        this.models = new ModelFolders(environment, variables, this::settings, new ModelLocator(environment, err,
                ModelLocator.offline(variables)), err);
    }

    @Override
    public synchronized Settings settings() {
        if (settings == null) {
            try {
                settings = settingsStore.load();
                if (!Files.exists(settingsStore.file())) {
                    trySaveDefaults();
                }
            } catch (SettingsException e) {
                err.println("warning: " + e.getMessage() + " Using the default settings; the file is left as it is.");
                settings = Settings.defaults();
            }
        }
        return settings;
    }

    private void trySaveDefaults() {
        try {
            settingsStore.save(settings);
        } catch (SettingsException e) {
            err.println("warning: " + e.getMessage());
        }
    }

    /** The H2 file given, or the default place: the environment's server, the settings' file, the per-user file. */
    Library openLibrary(Path database) {
        return openLibrary(database == null ? DatabaseLocation.DEFAULT : DatabaseLocation.file(database));
    }

    @Override
    public OpenedLibrary openLibrary(DatabaseLocation location, ClusterSettings clustering) {
        Library library = openLibrary(location);
        try {
            return new StoreLibrary(library, clusterer(library, clustering), storage(),
                    new ThumbnailCache(environment.thumbnailCacheDir(), new Thumbnailer(new SafeImageDecoder())));
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    /** The library's database where the location says (see {@link #openLibrary(DatabaseLocation, ClusterSettings)}). */
    Library openLibrary(DatabaseLocation location) {
        if (location.jdbcUrl() != null) {
            return Library.connect(location.jdbcUrl(), nullToEmpty(location.user()),
                    location.password() != null ? location.password() : environmentPassword());
        }
        if (location.file() != null) {
            return Library.open(location.file());
        }
        if (notBlank(variables.get(DB_URL_VARIABLE))) {
            return Library.connect(variables.get(DB_URL_VARIABLE), nullToEmpty(variables.get(DB_USER_VARIABLE)),
                    environmentPassword());
        }
        return Library.open(settings().database() != null ? Path.of(settings().database()) : environment.defaultDatabase());
    }

    /** IMAGE_ORGANIZER_DB_PASSWORD, or the first line of the file IMAGE_ORGANIZER_DB_PASSWORD_FILE names. */
    private String environmentPassword() {
        String file = variables.get(DB_PASSWORD_FILE_VARIABLE);
        if (notBlank(file)) {
            try {
                return Files.readAllLines(Path.of(file)).stream().findFirst().orElse("").strip();
            } catch (java.io.IOException e) {
                throw new org.imageorganizer.store.LibraryException("Cannot read the database password file " + file
                        + " (" + e.getMessage() + ").");
            }
        }
        return nullToEmpty(variables.get(DB_PASSWORD_VARIABLE));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public FolderImportSession openImport(OpenedLibrary library, List<Path> modelDirs, String precision, Integer views,
            Boolean adaptive) {
        StoreLibrary opened = StoreLibrary.of(library);
        return new PipelineImport(openImport(opened.library(), modelDirs, precision, views, adaptive, opened.clusterer()));
    }

    /** Loads the model and builds an import pipeline on the library that tells {@code observer} of each change. */
    ImportSession openImport(Library library, List<Path> modelDirs, String precision, Integer views,
            Boolean adaptive, LibraryObserver observer) {
        Settings s = settings();
        ModelFolder folder = chooseModel(library, modelDirs, precision);
        library.info().claimModel(folder.manifest().modelId());
        ClipModel model = ClipModels.load(folder);
        try {
            ImportPipeline pipeline = new PipelineAssembly(environment, s).build(model, library,
                    views != null ? views : s.ttaViews(), observer,
                    ImportOptions.defaults().withAdaptiveTta(adaptive != null ? adaptive : s.adaptiveTta()));
            return new ImportSession(model, pipeline);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The model folders and the variant choice. */
    ModelFolders models() {
        return models;
    }

    /** Saves changed settings (atomically) and uses them from now on. */
    synchronized void saveSettings(Settings changed) {
        settingsStore.save(changed);
        settings = changed;
    }

    @Override
    public Map<Path, String> downloadModels(String precision) {
        Map<Path, String> folders = new java.util.LinkedHashMap<>();
        models.download(precision).forEach(f -> folders.put(f.directory(), f.manifest().modelId()));
        return folders;
    }

    /** For tests: calibration with another CPU check or time budget. */
    void useVariantChooser(VariantChooser chooser) {
        models.useChooser(chooser);
    }

    /** The candidate model folders for a command (see {@link ModelFolders#forCommand}). */
    List<ModelFolder> modelFolders(List<Path> modelDirs) {
        return models.forCommand(modelDirs, null);
    }

    /** The variant for the library among the command's candidate folders (see {@link ModelFolders#choose}). */
    ModelFolder chooseModel(Library library, List<Path> modelDirs, String precision) {
        return models.choose(library, models.forCommand(modelDirs, precision), precision);
    }

    @Override
    public RunningServer startServer(ServerOptions options, DatabaseLocation database, Path storage,
            List<Path> modelDirs, String precision) {
        Path storageDir = storage != null ? storage : environment.managedStorageDir();
        Optional<CloudinaryConfig> cloud = cloudinary();
        new EphemeralDiskWarning(variables, err).warnIfLost(database, environment, settings(), storageDir, cloud.isPresent());
        Library library = openLibrary(database);
        try {
            return new ServerWiring(environment, settings(), library, chooseModel(library, modelDirs, precision),
                    storageDir, CLUSTER_DEBOUNCE, cloud).start(options);
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Where the library's image files are. */
    ImageStorage storage() {
        return PipelineAssembly.storage(environment);
    }

    /**
     * Cloudinary as CLOUDINARY_URL (or, without it, the settings' cloudinary.url) and the settings
     * say; empty when neither names an account.
     *
     * @throws UserException when the URL is malformed (the message never shows the secret)
     */
    Optional<CloudinaryConfig> cloudinary() {
        Settings.Cloudinary s = settings().cloudinary();
        boolean fromEnvironment = notBlank(variables.get(CloudinaryConfig.VARIABLE));
        String url = fromEnvironment ? variables.get(CloudinaryConfig.VARIABLE).strip() : s.url();
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CloudinaryConfig.of(url)
                    .withDelivery(CloudinaryConfig.Delivery.parse(s.delivery()))
                    .withFolder(s.folder())
                    .withConnections(Math.max(s.concurrency(), SyncService.DEFAULT_CONCURRENCY) * 2)
                    .withAuthTokenKey(variables.get(CloudinaryConfig.AUTH_TOKEN_KEY_VARIABLE)));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + (fromEnvironment ? " (environment variable " + CloudinaryConfig.VARIABLE + ")"
                    : " (cloudinary.url in " + settingsStore.file() + ")"));
        }
    }

    @Override
    public CloudSync openSync(DatabaseLocation location, Integer concurrency) {
        Library library = openLibrary(location);
        try {
            return openSync(library, concurrency);
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    /** A sync of the library to Cloudinary; closing it frees the cloud client, then the library. */
    private CloudSync openSync(Library library, Integer concurrency) {
        CloudinaryConfig config = cloudinary().orElseThrow(() -> new UserException("Cloudinary is not configured: set "
                + CloudinaryConfig.VARIABLE + "=cloudinary://API_KEY:API_SECRET@CLOUD_NAME, or cloudinary.url in "
                + settingsStore.file() + "."));
        int uploads = concurrency != null ? concurrency : settings().cloudinary().concurrency();
        if (uploads < 1 || uploads > SyncService.MAX_CONCURRENCY) {
            throw new UserException("--concurrency must be from 1 to " + SyncService.MAX_CONCURRENCY + ".");
        }
        CloudinaryStorage cloud = new CloudinaryStorage(config.withConnections(uploads + 1));
        CloudBackup backup = new CloudSyncBackup(
                new SyncService(library.images(), library.remoteCopies(), storage(), cloud, uploads));
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


    /** The clustering of a library, with the command line's and the server's debounce. */
    LibraryClusterer clusterer(Library library, ClusterSettings clusterSettings) {
        return new LibraryClusterer(library.images(), library.clusters(), library.info(), clusterSettings, CLUSTER_DEBOUNCE);
    }
}
