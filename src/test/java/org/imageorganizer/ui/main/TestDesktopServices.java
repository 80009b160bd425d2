package org.imageorganizer.ui.main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncSummary;
import org.imageorganizer.ml.CategoryLessons;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.services.BackgroundResort;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.services.StoredClusterNaming;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.DeferredLibraryQueries;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryEvents;
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.services.LibraryObservers;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.services.StoredLibraryQueries;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoTrash;
import org.imageorganizer.services.StoredPhotoDuplicates;
import org.imageorganizer.services.TrashingPhotos;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.trash.FreedesktopTrash;
import org.imageorganizer.trash.Volumes;
import java.time.Clock;
import org.imageorganizer.ui.DesktopFiles;
import org.imageorganizer.ui.EmbeddedServer;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.WindowServices;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.Settings;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.importer.ImportPipeline;
import org.imageorganizer.importer.ModelOnDemand;
import org.imageorganizer.importer.OpeningLibrary;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.testing.TestImages;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.ml.QueryEncoder;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.search.IndexSettings;
import org.imageorganizer.services.IndexedPhotoSearch;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.StoredEmbeddingSource;
import org.imageorganizer.services.StoredPhotoDuplicates;

/**
 * The services of the real window in {@link MainWindowTest}, over a fresh library in a folder, wired from the core classes as
 * {@code app.DesktopWiring} wires them: the tiny test model (loaded when the first import needs it,
 * while it reads files), clustering with a short debounce, thumbnails cached in the folder, and a
 * {@link FakeEmbeddedServer}. {@link #windowServices()} hands them to the window; imports and removals
 * tell the clustering and the window's observers, and the clustering tells them when it recomputed.
 * View-model tests use the fakes instead ({@code FakeLibrary}, {@code FakeFolderImport}, {@code FakeImageFiles}).
 */
final class TestDesktopServices implements AutoCloseable {
    private static final Duration CLUSTER_DEBOUNCE = Duration.ofMillis(200);

    private final Path dir;
    private final LibraryDatabase library;
    private final LibraryClusterer clusterer;
    private final StorageRouter storage;
    private final ThumbnailCache thumbnails;
    private final FakeEmbeddedServer server = new FakeEmbeddedServer();
    private volatile Settings settings = Settings.defaults().withTtaViews(1);
    private volatile boolean modelPresent = true;
    private volatile CountDownLatch decodeGate = new CountDownLatch(0);
    private volatile CountDownLatch libraryGate = new CountDownLatch(0);
    private volatile CountDownLatch modelGate = new CountDownLatch(0);
    private volatile RuntimeException removeFailure;
    private final LibraryObservers observers = new LibraryObservers();
    /** Told of each import and removal: tells the clustering and the window. */
    private final LibraryObserver changes;
    private ModelOnDemand model;
    private EmbeddingIndex searchIndex;
    private volatile PhotoSearch search;
    private LibrarySorting sorting;

    public TestDesktopServices(Path dir) {
        this.dir = dir;
        this.library = LibraryDatabase.open(dir.resolve("data/library"));
        this.clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(),
                settings.clustering().toClusterSettings(), CLUSTER_DEBOUNCE);
        this.storage = new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("data/storage")));
        this.thumbnails = new ThumbnailCache(dir.resolve("cache/thumbnails"), new Thumbnailer(new SafeImageDecoder()));
        this.changes = () -> {
            clusterer.libraryChanged();
            observers.libraryChanged();
        };
        clusterer.addRecomputedListener(observers::libraryChanged);
    }

    /** What the window is given, over this library. */
    public WindowServices windowServices() {
        DesktopFiles paths = new DesktopFiles() {
            @Override
            public Path logFile() {
                return dir.resolve("logs/image-organizer.log");
            }

            @Override
            public Path windowStateFile() {
                return dir.resolve("config/window.json");
            }

            @Override
            public Path problemsFile() {
                return dir.resolve("data/problems.json");
            }
        };
        SettingsStore store = new SettingsStore() {
            @Override
            public Settings load() {
                return settings;
            }

            @Override
            public void save(Settings changed) {
                settings = changed;
            }
        };
        // the window's reads wait while the library is "opening" (holdLibrary), as the application's first read opens it
        StoredLibraryQueries queries = new StoredLibraryQueries(library.images(), clusterer);
        PhotoDuplicates duplicates = duplicates(queries);
        return new WindowServices(new DeferredLibraryQueries(() -> {
            await(libraryGate);
            return queries;
        }), observers,
                new StoredImageFiles(storage, thumbnails), this::remove, this::organize, new NoBackup(), modelSetup(),
                store, server, paths, BuildInfo.load(), duplicates, trash(queries), search(queries, duplicates),
                this::sorting, new StoredClusterNaming(library.clusters()));
    }

    /**
     * Moving photos, the categories and the background re-sort, as {@code app.DesktopWiring} makes them: the re-sort
     * classifies with the tiny model's text embeddings of the categories (loaded as for an import).
     */
    public synchronized LibrarySorting sorting() {
        if (sorting == null) {
            LabelSettings labels = settings.labels();
            LibraryResort resort = new LibraryResort(library, categories -> ImageClassifier.create(model().model(), categories,
                    labels.objectTemplates(), labels.backgroundTemplates(), new LabelEmbeddingCache(dir.resolve("cache/labels")),
                    CategoryLessons.NONE), changes);
            sorting = new LibrarySorting(new LabelCorrecting(library, changes), new LibraryCategories(library),
                    new BackgroundResort(resort, () -> { }));
        }
        return sorting;
    }

    /** Search on the library's embeddings held in memory, texts encoded by the tiny model (loaded as for an import). */
    private synchronized PhotoSearch search(LibraryQueries queries, PhotoDuplicates duplicates) {
        if (searchIndex == null) {
            searchIndex = new EmbeddingIndex(StoredEmbeddingSource.of(library),
                    IndexSettings.defaults(dir.resolve("cache/search")).withPollInterval(Duration.ofMillis(100)));
            searchIndex.start();
        }
        search = new IndexedPhotoSearch(searchIndex, queries, text -> new QueryEncoder(model().model()).encode(text),
                file -> {
                    throw new IllegalArgumentException("no files in the window's tests");
                }, duplicates::nearDuplicatesOf);
        return search;
    }

    /** The search the window was given (to compare the window's results with the service's). */
    public PhotoSearch search() {
        return search;
    }

    /** Organizes folders as the window's import does, building a pipeline each time. */
    private ImportSummary organize(List<Path> roots, ImportListener listener, java.util.function.BooleanSupplier cancelled) {
        return importPipeline().run(roots, listener, cancelled);
    }

    /** Removes as the application does ({@link ImageRemover}), unless told to fail. */
    private Optional<ImageRemoval.Removed> remove(long id) throws InterruptedException {
        if (removeFailure != null) {
            throw removeFailure;
        }
        return ImageRemover.local(library.images(), storage.managed(), changes).remove(id);
    }

    /** Duplicates as the application finds them, over this library (the veto off, as the tiny model's manifest says). */
    private PhotoDuplicates duplicates(LibraryQueries queries) {
        return new StoredPhotoDuplicates(library.fingerprints(), library.nearDuplicateLinks(), queries, this::remove, () -> DuplicateThresholds.withVeto(-1),
                library.embeddings()::stamp);
    }

    /** Move to Trash into a freedesktop.org trash in the test's folder, never the user's. */
    private PhotoTrash trash(LibraryQueries queries) {
        return new TrashingPhotos(queries, id -> library.locations().locationsOf(id), this::remove,
                Optional.of(new FreedesktopTrash(trashFolder(), 1000, Clock.systemDefaultZone(), Volumes.UNIX)));
    }

    /** Where Move to Trash puts files in the window's tests. */
    public Path trashFolder() {
        return dir.resolve("home/.local/share/Trash");
    }

    /** Cloudinary is not configured in the window's tests. */
    private static final class NoBackup implements CloudBackup {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public String destination() {
            return "nowhere";
        }

        @Override
        public long pending() {
            return 0;
        }

        @Override
        public SyncSummary run(SyncListener listener, java.util.function.BooleanSupplier cancelled) {
            throw new IllegalStateException("Cloudinary is not configured: set CLOUDINARY_URL or add it to the settings.");
        }
    }

    /** Behaves as a first run without a model: an import throws {@link ModelException}. */
    public TestDesktopServices withoutModel() {
        modelPresent = false;
        return this;
    }

    /** Makes every removal fail with this (a read-only library, say). */
    public TestDesktopServices withRemoveFailure(RuntimeException failure) {
        removeFailure = failure;
        return this;
    }

    /** Holds every decode until {@link #releaseDecodes()}: an import is found and under way, and stays there. */
    public TestDesktopServices holdDecodes() {
        decodeGate = new CountDownLatch(1);
        return this;
    }

    /** Lets the held decodes go on (and every later one). */
    public void releaseDecodes() {
        decodeGate.countDown();
    }

    /** Holds the window's reads of the library until {@link #releaseLibrary()}, as while the application opens it. */
    public TestDesktopServices holdLibrary() {
        libraryGate = new CountDownLatch(1);
        return this;
    }

    public void releaseLibrary() {
        libraryGate.countDown();
    }

    /** Holds the model's load (on the first file the import needs it for) until {@link #releaseModelLoad()}. */
    public TestDesktopServices holdModelLoad() {
        modelGate = new CountDownLatch(1);
        return this;
    }

    public void releaseModelLoad() {
        modelGate.countDown();
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public LibraryDatabase library() {
        return library;
    }


    /** The tiny model, loaded on demand as the application's window loads its model (see {@code app.DesktopWiring}). */
    private synchronized ModelOnDemand model() {
        if (!modelPresent) {
            throw new ModelException("there is no CLIP model on this computer yet.");
        }
        if (model == null) {
            ModelManifest manifest = ModelFolder.open(TinyModel.DIR).manifest();
            library.info().claimModel(manifest.modelId());
            model = new ModelOnDemand(manifest, () -> {
                await(modelGate);
                return TinyModel.load();
            }, clip -> ImageClassifier.create(clip, settings.labels(), new LabelEmbeddingCache(dir.resolve("cache/labels"))));
        }
        return model;
    }

    private ImportPipeline importPipeline() {
        ModelOnDemand clip = model().withNewClassifier();
        ImageEmbedder embedder = new ImageEmbedder(clip.model(), new TestTimeAugmenter(settings.ttaViews()));
        return new ImportPipeline(new GatedDecoder(new SafeImageDecoder()), embedder, clip, OpeningLibrary.open(library),
                storage, changes, new ImportOptions(2, 4, 8));
    }

    public Settings settings() {
        return settings;
    }

    public void saveSettings(Settings changed) {
        settings = changed;
    }

    private ModelSetup modelSetup() {
        return new ModelSetup() {
            @Override
            public boolean modelAvailable() {
                return modelPresent;
            }

            @Override
            public long downloadBytes() {
                return 155_845_549L; // the published int8 variant's files
            }

            /** Nothing is fetched: the progress goes to the end and the test model is "there" (as {@link #useFolder}). */
            @Override
            public void download(java.util.function.DoubleConsumer progress) {
                progress.accept(0.5);
                progress.accept(1.0);
                modelPresent = true;
            }

            @Override
            public void useFolder(Path folder) {
                modelPresent = true;
            }
        };
    }

    public FakeEmbeddedServer embeddedServer() {
        return server;
    }

    @Override
    public synchronized void close() {
        releaseDecodes();
        releaseLibrary();
        releaseModelLoad();
        if (sorting != null) {
            sorting.resort().close();
        }
        clusterer.close();
        if (searchIndex != null) {
            searchIndex.close();
        }
        if (model != null) {
            model.close();
        }
        library.close();
    }

    /**
     * Writes {@code count} distinct pictures (JPEG and PNG, a few visual families) into a folder: distinct
     * to the near-duplicate detector too, so the grid shows each as a tile of its own.
     */
    public static List<Path> photos(Path folder, int count) {
        return photos(folder, 0, count);
    }

    /** As {@link #photos(Path, int)}, numbered from {@code first} so several calls give distinct pictures. */
    public static List<Path> photos(Path folder, int first, int count) {
        List<Path> files = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String format = i % 2 == 0 ? "jpg" : "png";
            files.add(TestImages.write(marked(TestImages.picture(i % 3, i, 96 + i % 50, 80 + i % 40), i), format,
                    folder.resolve(String.format("photo-%04d.%s", i, format))));
        }
        return files;
    }

    /**
     * The gradients of the first family differ only in tint and size, which makes them the same picture
     * resized and lightly edited to the near-duplicate detector: each gets dark blocks of its own.
     */
    private static java.awt.image.BufferedImage marked(java.awt.image.BufferedImage picture, int number) {
        if (number % 3 != 0) {
            return picture;
        }
        java.awt.Graphics2D g = picture.createGraphics();
        java.util.Random random = new java.util.Random(number);
        g.setColor(new java.awt.Color(30, 30, 60));
        for (int block = 0; block < 4; block++) {
            g.fillRect(random.nextInt(picture.getWidth() * 3 / 4), random.nextInt(picture.getHeight() * 3 / 4),
                    picture.getWidth() / 4, picture.getHeight() / 4);
        }
        g.dispose();
        return picture;
    }

    /** A text file named like a photo; its reason mentions text. */
    public static Path textNamedJpeg(Path folder) {
        return write(folder.resolve("notes.jpg"), "These are not pixels.\n".repeat(20).getBytes());
    }

    /** The first half of a real JPEG; its reason says truncated. */
    public static Path truncatedJpeg(Path folder) {
        byte[] whole = TestImages.encode(TestImages.picture(0, 99, 200, 160), "jpg");
        return write(folder.resolve("cut-off.jpg"), Arrays.copyOf(whole, whole.length / 2));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real decoder, each decode waiting for the gate to be open. */
    private final class GatedDecoder implements ImageDecoder {
        private final ImageDecoder decoder;

        GatedDecoder(ImageDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public byte[] read(Path file) throws ImageRejectedException {
            return decoder.read(file);
        }

        @Override
        public DecodedImage decode(byte[] content, int minShortSide) throws ImageRejectedException {
            try {
                decodeGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return decoder.decode(content, minShortSide);
        }
    }
}
