package org.imageorganizer.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.IncrementalNearDuplicates;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;
import org.imageorganizer.config.SettingsException;
import org.imageorganizer.config.SettingsStore;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageLimits;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.importer.ImportSession;
import org.imageorganizer.importer.ModelOnDemand;
import org.imageorganizer.importer.OpeningLibrary;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.ExplainedException;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.search.EmbeddingSource;
import org.imageorganizer.search.IndexSettings;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.services.IndexedPhotoSearch;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PerceptualHashBackfill;
import org.imageorganizer.services.PhotoMetadataBackfill;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.StoredPhotoDuplicates;
import org.imageorganizer.store.ImageFingerprints;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryInfo;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.store.LocationKey;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.NearDuplicateLinks;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.sync.SyncService;

/**
 * The composition root of the core: the one class that builds the library, storage, clustering,
 * model choice, classifier, embedder, decoder and Cloudinary client from the environment, the
 * process's variables and the settings. The command line, the window, the server and the
 * benchmarks take what they need from it and add only what is rightly their own (the clusterer's
 * debounce, the server's limits).
 */
final class Core {
    private final Environment environment;
    private final PrintWriter err;
    private final SettingsStore settingsStore;
    private final ConfigurationSources sources;
    private final ModelFolders models;
    private final boolean fixedSettings;
    private Settings settings;

    Core(Environment environment, Map<String, String> variables, PrintWriter err) {
        this(environment, variables, err, null);
    }

    /**
     * @param settings the settings to use instead of the user's file (the benchmarks use the defaults,
     *                 so their figures do not depend on anyone's settings), or null for the file
     */
    Core(Environment environment, Map<String, String> variables, PrintWriter err, Settings settings) {
        this.environment = environment;
        this.fixedSettings = settings != null;
        this.settings = settings;
        this.err = err;
        this.settingsStore = new SettingsStore(environment.settingsFile());
        this.sources = new ConfigurationSources(environment, variables, this::settings);
        this.models = new ModelFolders(environment, sources, this::settings,
                new ModelLocator(environment, err, ModelLocator.offline(variables)), err);
    }

    Environment environment() {
        return environment;
    }

    ConfigurationSources sources() {
        return sources;
    }

    /** Where warnings for the user go (stderr for the commands). */
    PrintWriter err() {
        return err;
    }

    /** The user's settings (the defaults, with a warning, when the settings file is unusable). */
    synchronized Settings settings() {
        if (settings == null) {
            try {
                settings = settingsStore.load();
                if (!Files.exists(settingsStore.file())) {
                    trySave(settings);
                }
            } catch (SettingsException e) {
                err.println("warning: " + e.getMessage() + " Using the default settings; the file is left as it is.");
                settings = Settings.defaults();
            }
        }
        return settings;
    }

    private void trySave(Settings defaults) {
        try {
            settingsStore.save(defaults);
        } catch (SettingsException e) {
            err.println("warning: " + e.getMessage());
        }
    }

    /** Saves changed settings (atomically) and uses them from now on. */
    synchronized void saveSettings(Settings changed) {
        if (fixedSettings) {
            throw new IllegalStateException("these settings are fixed; they are not saved");
        }
        settingsStore.save(changed);
        settings = changed;
    }

    /** The model folders and the variant choice. */
    ModelFolders models() {
        return models;
    }

    /** Opens the library where the options say, else where the environment, the settings or the default put it. */
    LibraryDatabase openLibrary(DatabaseLocation asked) {
        return libraryOpener(asked).get();
    }

    /**
     * The library with its near-duplicate linker (docs/decisions/0036): every photo added or hashed through it is
     * linked to its near-duplicates as it is stored, by the default distances (the model's veto applies when stacks
     * are read).
     */
    static LibraryDatabase linked(LibraryDatabase library) {
        library.nearDuplicateLinks().useLinker(new IncrementalNearDuplicates(DuplicateThresholds.withVeto(-1)));
        return library;
    }

    /**
     * Checks at once what opening the library where {@link #openLibrary} would can check without
     * connecting (see {@link LibraryDatabase#opener}), and gives the rest of the open to run later.
     */
    Supplier<LibraryDatabase> libraryOpener(DatabaseLocation asked) {
        DatabaseLocation location = sources.database(asked);
        // a library that gets its categories now takes the settings' lists (ADR 0042): read when it opens
        Supplier<LibraryDatabase> opener = location.jdbcUrl() != null
                ? () -> LibraryDatabase.connect(location.jdbcUrl(), location.user(), location.password(), () -> settings().labels())
                : LibraryDatabase.opener(location.file(), () -> settings().labels());
        return () -> linked(opener.get());
    }

    /** Whether the library where {@link #openLibrary} would open it is an H2 file that does not exist yet. */
    boolean libraryAbsent(DatabaseLocation asked) {
        DatabaseLocation location = sources.database(asked);
        return location.jdbcUrl() == null && !LibraryDatabase.exists(location.file());
    }

    /**
     * Opens the library where {@link #openLibrary} would, for reading only, through plain JDBC (see
     * {@link LibraryReader}); empty when it must be opened with {@link #openLibrary} instead (it does
     * not exist yet, or its schema is not this program's).
     */
    Optional<LibraryReader> openReader(DatabaseLocation asked) {
        DatabaseLocation location = sources.database(asked);
        return location.jdbcUrl() != null ? LibraryReader.connect(location.jdbcUrl(), location.user(), location.password())
                : LibraryReader.open(location.file());
    }

    /** The variant for the library among the command's candidate folders (see {@link ModelFolders#chooseFor}). */
    ModelFolder chooseModel(LibraryDatabase library, List<Path> modelDirs, String precision) {
        return models.chooseFor(library, modelDirs, precision);
    }

    /** The variant for a library that records {@code recorded} (empty: none yet) among the command's candidate folders. */
    ModelFolder chooseModel(Optional<String> recorded, List<Path> modelDirs, String precision) {
        return models.chooseFor(recorded, modelDirs, precision);
    }

    /** Records the model as the library's (refusing another one) and loads it. */
    ClipModel loadModel(LibraryDatabase library, ModelFolder folder) {
        claimModel(library.info(), folder.manifest());
        return ClipModels.load(folder);
    }

    /**
     * The library's embeddings held for search, loading in the background from now on and following
     * the library's changes (see {@link EmbeddingIndex}); {@code libraryName} names its folder for the
     * approximate index of a large library.
     */
    EmbeddingIndex searchIndex(EmbeddingSource source, String libraryName, Duration loadWait) {
        Path folder = environment.searchIndexDir().resolve(Long.toHexString(LocationKey.of(libraryName)));
        EmbeddingIndex index = new EmbeddingIndex(source, IndexSettings.defaults(folder).withLoadWait(loadWait));
        index.start();
        return index;
    }

    /**
     * Search on the index; {@code model} gives the library's model when a text or a file must be
     * embedded (loading it, or saying it is not ready with a {@link org.imageorganizer.services.SearchUnavailableException}).
     */
    PhotoSearch photoSearch(EmbeddingIndex index, LibraryQueries queries, Supplier<ClipModel> model,
            PhotoDuplicates duplicates) {
        SearchEncoders encoders = new SearchEncoders(this, model);
        return new IndexedPhotoSearch(index, queries, encoders.text(), encoders.files(), duplicates::nearDuplicatesOf);
    }

    /**
     * Duplicates and near-duplicates of the library read through {@code fingerprints} and its near-duplicate
     * {@code links}; {@code stamp} changes
     * with every photo added or removed; {@code removal} resolves stacks; {@code veto} gives the library's
     * model's CLIP veto (see {@link #nearDuplicateVeto}), asked for at each pass.
     */
    PhotoDuplicates photoDuplicates(ImageFingerprints fingerprints, NearDuplicateLinks links, LibraryQueries queries,
            ImageRemoval removal, LongSupplier stamp, DoubleSupplier veto) {
        return new StoredPhotoDuplicates(fingerprints, links, queries, removal,
                () -> DuplicateThresholds.withVeto(veto.getAsDouble()), stamp);
    }

    /**
     * The near-duplicate veto of the library's model: from the manifest of the model folder on this computer
     * that holds it (never downloading), else the one the library recorded when the model claimed it
     * ({@code recordedVeto}: the model was given on another command's line, or moved), else the default for
     * CLIP ViT-B/32 (a library claimed before the veto was recorded, moved to a computer without its model).
     */
    double nearDuplicateVeto(Optional<String> recordedModel, List<Path> modelDirs, OptionalDouble recordedVeto) {
        return models.installedManifestOf(recordedModel, modelDirs).map(ModelManifest::nearDuplicateVeto)
                .orElse(recordedVeto.orElse(ModelManifest.DEFAULT_NEAR_DUPLICATE_MIN_COSINE));
    }

    /**
     * The background pass that hashes the photos imported before perceptual hashes existed and builds the library's
     * near-duplicate links once (docs/decisions/0036), reading files through {@code storage} and decoding them as the
     * library's model's imports do: {@code recordedModel}'s input size, found without opening the model, else the
     * size the library recorded, else 224.
     */
    PerceptualHashBackfill nearDuplicateBackfill(LibraryDatabase library, ImageStorage storage,
            Optional<String> recordedModel, List<Path> modelDirs) {
        int size = models.installedManifestOf(recordedModel, modelDirs).map(ModelManifest::imageSize)
                .orElseGet(() -> library.info().modelImageSize().orElse(224));
        return new PerceptualHashBackfill(library.fingerprints(), library.nearDuplicateLinks(), library.images(), storage,
                decoder(ImageLimits.DEFAULT_MAX_FILE_BYTES), size);
    }

    /**
     * The background pass that reads the date taken and camera of the photos imported before they were read (schema
     * version 10), from their files through {@code storage}; file times in this computer's zone.
     */
    PhotoMetadataBackfill metadataBackfill(LibraryDatabase library, ImageStorage storage) {
        return new PhotoMetadataBackfill(library.photoMetadata(), library.images(), storage,
                decoder(ImageLimits.DEFAULT_MAX_FILE_BYTES), java.time.ZoneId.systemDefault());
    }

    /** Records the model in {@code manifest} as the library's (refusing another one), with its veto and image size. */
    static void claimModel(LibraryInfo info, ModelManifest manifest) {
        info.claimModel(manifest.modelId(), manifest.nearDuplicateVeto(), manifest.imageSize());
    }

    /** The library's clustering; {@code debounce} is the front end's: how long it waits after a change. */
    LibraryClusterer clusterer(LibraryDatabase library, ClusterSettings clusterSettings, Duration debounce) {
        return new LibraryClusterer(library.images(), library.clusters(), library.info(), clusterSettings, debounce);
    }

    /** The application's own folder of image files (uploads). */
    ManagedFolder managedFolder(Path folder) {
        return new ManagedFolder(folder != null ? folder : environment.managedStorageDir());
    }

    /** Where the library's image files are on this computer: originals in place, uploads in the managed folder. */
    StorageRouter localStorage() {
        return storage(managedFolder(null), Optional.empty());
    }

    /** Where the library's image files are: originals in place, uploads in {@code managed} or the cloud store. */
    StorageRouter storage(ManagedFolder managed, Optional<? extends ImageStorage> cloud) {
        return new StorageRouter(new IndexedFiles(), managed, cloud.map(c -> (ImageStorage) c));
    }

    /** The decoder, with the settings' pixel limit and the given file-size limit. */
    SafeImageDecoder decoder(long maxFileBytes) {
        return new SafeImageDecoder(new ImageLimits(settings().maxMegapixels() * 1_000_000L, maxFileBytes));
    }

    /** Thumbnails, cached on disk, decoded within the default limits (the decoder is made on the first one not cached). */
    ThumbnailCache thumbnails() {
        return new ThumbnailCache(environment.thumbnailCacheDir(), () -> new Thumbnailer(new SafeImageDecoder()));
    }

    /** Thumbnails, cached on disk. */
    ThumbnailCache thumbnails(ImageDecoder decoder) {
        return new ThumbnailCache(environment.thumbnailCacheDir(), new Thumbnailer(decoder));
    }

    /** Zero-shot classification by a library's categories (their text embeddings cached on disk). */
    SortingClassifiers classifiers() {
        return new SortingClassifiers(() -> settings().labels(), environment.labelEmbeddingCacheDir());
    }

    /** Image embeddings averaged over {@code views} test-time augmentations. */
    ImageEmbedder embedder(ClipModel model, int views) {
        return new ImageEmbedder(model, new TestTimeAugmenter(views));
    }

    /**
     * An import pipeline on a model loaded already and the library, as {@code bench} uses it.
     *
     * @param observer told when images were added (the clusterer, the window)
     */
    ImportPipeline pipeline(ClipModel model, LibraryDatabase library, int views, LibraryObserver observer, ImportOptions options) {
        claimModel(library.info(), model.manifest());
        return new ImportPipeline(decoder(ImageLimits.DEFAULT_MAX_FILE_BYTES), embedder(model, views), classifiers().of(model, library),
                library, localStorage(), observer, options);
    }

    /**
     * An import pipeline on the model chosen that loads it only when a file must be embedded, in the
     * background while files are read and decoded (see {@link ModelOnDemand}), on a library that may
     * still be opening; closing the session frees the model if it was loaded. Views and adaptive TTA
     * default to the settings'. The caller has the library claim the model before the first commit.
     */
    ImportSession importSession(OpeningLibrary library, ModelOnDemand model, Integer views, Boolean adaptive,
            LibraryObserver observer) {
        return new ImportSession(model, pipeline(model, library, views, adaptive, observer));
    }

    /** The model in {@code folder}, recorded as the library's now (refusing another one), loaded when an import needs it. */
    ModelOnDemand modelOnDemand(LibraryDatabase library, ModelFolder folder) {
        claimModel(library.info(), folder.manifest());
        return modelOnDemand(folder, () -> library);
    }

    /**
     * The model in {@code folder}, loaded when an import needs it (or when {@link ModelOnDemand#load} is called),
     * classifying by the categories of the library {@code library} gives (waited for, when it is still opening).
     */
    ModelOnDemand modelOnDemand(ModelFolder folder, Supplier<LibraryDatabase> library) {
        SortingClassifiers classifiers = classifiers();
        return new ModelOnDemand(folder.manifest(), () -> ClipModels.load(folder), model -> classifiers.of(model, library.get()));
    }

    /**
     * An import pipeline on a model loaded on demand, as {@code organize} and the window use it; views
     * and adaptive TTA default to the settings' (null).
     */
    ImportPipeline pipeline(ModelOnDemand model, OpeningLibrary library, Integer views, Boolean adaptive,
            LibraryObserver observer) {
        Settings s = settings();
        ImportOptions options = ImportOptions.defaults().withAdaptiveTta(adaptive != null ? adaptive : s.adaptiveTta());
        return new ImportPipeline(decoder(ImageLimits.DEFAULT_MAX_FILE_BYTES),
                embedder(model.model(), views != null ? views : s.ttaViews()), model, library, localStorage(),
                observer, options);
    }

    /**
     * The one way images leave the library (see {@link ImageRemover}): the row, the managed copy, the
     * cloud copy as {@code cloudinary.on_delete} says; {@code observer} is told.
     */
    ImageRemover remover(LibraryDatabase library, ManagedFolder managed, Optional<? extends RemoteStore> cloud,
            LibraryObserver observer) {
        return new ImageRemover(library.images(), library.remoteCopies(), managed, cloud.map(c -> (RemoteStore) c),
                ImageRemover.OnDelete.parse(settings().cloudinary().onDelete()), observer);
    }

    /** Copies the library's images to the cloud store, {@code concurrency} at once. */
    SyncService cloudSync(LibraryDatabase library, CloudinaryStorage cloud, int concurrency) {
        return new SyncService(library.images(), library.remoteCopies(), localStorage(), cloud, concurrency);
    }

    /**
     * Cloudinary as CLOUDINARY_URL (or, without it, the settings' cloudinary.url) and the settings
     * say; empty when neither names an account.
     *
     * @throws ExplainedException when the URL is malformed (the message never shows the secret)
     */
    Optional<CloudinaryConfig> cloudinary() {
        return sources.cloudinary().map(choice -> {
            Settings.Cloudinary s = choice.settings();
            try {
                return CloudinaryConfig.of(choice.url())
                        .withDelivery(CloudinaryConfig.Delivery.parse(s.delivery()))
                        .withFolder(s.folder())
                        .withConnections(Math.max(s.concurrency(), SyncService.DEFAULT_CONCURRENCY) * 2)
                        .withAuthTokenKey(choice.authTokenKey());
            } catch (IllegalArgumentException e) {
                throw new ExplainedException(e.getMessage() + " (" + choice.source() + ")");
            }
        });
    }

    /** A Cloudinary client on the account; close it when done. */
    CloudinaryStorage cloudStore(CloudinaryConfig config) {
        return new CloudinaryStorage(config);
    }
}
