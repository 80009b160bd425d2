package org.imageorganizer.api;

import org.imageorganizer.services.BackgroundResort;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.LibrarySorting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.QueryEncoder;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.search.IndexSettings;
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.services.ImporterUploads;
import org.imageorganizer.services.IndexedPhotoSearch;
import org.imageorganizer.services.ManagedUploadFolder;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.RemoteCloudLinks;
import org.imageorganizer.services.StoredEmbeddingSource;
import org.imageorganizer.services.StoredImageFiles;
import org.imageorganizer.services.StoredClusterNaming;
import org.imageorganizer.services.StoredLibraryQueries;
import org.imageorganizer.services.StoredPhotoDuplicates;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.RemoteStore;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.store.TestDatabase;
import org.imageorganizer.store.UploadStore;
import org.imageorganizer.store.cloud.CloudinaryStorage;

/**
 * One REST server started by {@link RestServerFixture}: a fresh library in a folder, the fixture's
 * model, the use-case services as the application wires them. Closing is safe more than once.
 */
final class TestServer implements AutoCloseable {
    final LibraryDatabase library;
    private final Path folder;
    final LibraryClusterer clusterer;
    final ImporterUploads uploads;
    final ManagedFolder managed;
    final Path storageDir;
    final RestServer server;
    final LibrarySorting sorting;
    final EmbeddingIndex searchIndex;
    final int port;
    private final String apiKey;
    private boolean closed;

    /**
     * @param cloud    where uploads go when present (Cloudinary's stand-in), else the managed folder
     * @param onDelete what removing an image does to its cloud copy
     */
    TestServer(Path dir, DjlClipModel model, ServerOptions options, TestDatabase database,
            Optional<CloudinaryStorage> cloud, ImageRemover.OnDelete onDelete) {
        folder = dir;
        apiKey = options.apiKey().orElse(null);
        library = database.open();
        library.info().claimModel(model.manifest().modelId());
        SafeImageDecoder decoder = new SafeImageDecoder();
        ImageClassifier classifier = ImageClassifier.create(model, LabelSettings.defaults(),
                new LabelEmbeddingCache(dir.resolve("label-cache")));
        ImageEmbedder embedder = new ImageEmbedder(model, new TestTimeAugmenter(1));
        storageDir = dir.resolve("storage");
        managed = new ManagedFolder(storageDir);
        clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(), ClusterSettings.defaults(),
                Duration.ofMillis(200));
        uploads = ImporterUploads.start(decoder, embedder, classifier, library.images(),
                cloud.<UploadStore>map(c -> c).orElse(managed), clusterer, 2, 16);
        ImageRemover remover = new ImageRemover(library.images(), library.remoteCopies(), managed,
                cloud.map(c -> (RemoteStore) c), onDelete, clusterer);
        ThumbnailCache thumbnails = new ThumbnailCache(dir.resolve("thumbnails"), new Thumbnailer(decoder));
        StoredLibraryQueries queries = new StoredLibraryQueries(library.images(), clusterer);
        // the embeddings followed every 100 ms, so that a test sees its uploads without waiting long
        searchIndex = new EmbeddingIndex(StoredEmbeddingSource.of(library), IndexSettings.defaults(null)
                .withPollInterval(Duration.ofMillis(100)).withLoadWait(Duration.ofSeconds(30)));
        searchIndex.start();
        QueryEncoder queryEncoder = new QueryEncoder(model);
        PhotoDuplicates duplicates = new StoredPhotoDuplicates(library.fingerprints(), library.nearDuplicateLinks(), queries, remover,
                () -> DuplicateThresholds.withVeto(model.manifest().nearDuplicateVeto()), library.embeddings()::stamp);
        PhotoSearch search = new IndexedPhotoSearch(searchIndex, queries, queryEncoder::encode, file -> {
            throw new IllegalArgumentException("files are not compared through the server");
        }, duplicates::nearDuplicatesOf);
        LabelEmbeddingCache labelCache = new LabelEmbeddingCache(dir.resolve("label-cache"));
        LabelSettings templates = LabelSettings.defaults();
        LibraryResort resort = new LibraryResort(library, categories -> ImageClassifier.create(model, categories,
                templates.objectTemplates(), templates.backgroundTemplates(), labelCache), clusterer);
        sorting = new LibrarySorting(new LabelCorrecting(library, clusterer), new LibraryCategories(library),
                new BackgroundResort(resort, () -> classifier.follow(ImageClassifier.create(model, resort.categories(),
                        templates.objectTemplates(), templates.backgroundTemplates(), labelCache))));
        ServerServices services = new ServerServices(queries,
                new StoredImageFiles(new StorageRouter(new IndexedFiles(), managed, cloud.map(c -> (ImageStorage) c)),
                        thumbnails),
                remover, uploads, RemoteCloudLinks.of(cloud), new ManagedUploadFolder(managed), BuildInfo.load(), search,
                duplicates, new StoredClusterNaming(library.clusters()), sorting);
        server = new RestServer(options, services, dir.resolve("upload-spool"));
        port = server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** http://127.0.0.1:port/ */
    String url() {
        return url("/");
    }

    /** Stops the background clustering: from now on new images stay pending in the tree. */
    void holdClustering() {
        clusterer.close();
    }

    long imageCount() {
        return library.images().count();
    }

    /** GET path (with the key, if any) and its body; anything but 200 fails. */
    String get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(Duration.ofSeconds(10));
        sorting.resort().close();
        uploads.close();
        searchIndex.close();
        clusterer.close();
        library.close();
        awaitLockRelease();
    }

    /**
     * H2 removes its lock file from a watchdog thread shortly after the library closes; waiting for
     * that keeps the test's temporary folder from changing while JUnit deletes it.
     */
    private void awaitLockRelease() {
        Path lock = folder.resolve("library.lock.db");
        for (int i = 0; i < 40 && Files.exists(lock); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
