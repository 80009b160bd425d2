package org.imageorganizer.api;

import java.nio.file.Path;
import java.time.Duration;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.importer.UploadService;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.Library;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.store.TestDatabase;

/** The REST server over a fresh library in a folder, with a model the caller owns; as the application wires it. */
final class TestServer implements AutoCloseable {
    final Library library;
    private final Path folder;
    final LibraryClusterer clusterer;
    final UploadService uploads;
    final ManagedFolder managed;
    final Path storageDir;
    final RestServer server;
    final int port;

    TestServer(Path dir, DjlClipModel model, ServerOptions options) {
        this(dir, model, options, TestDatabase.h2(dir), java.util.Optional.empty(),
                org.imageorganizer.sync.ImageRemover.OnDelete.DELETE);
    }

    /** The same on a library in the given database (PostgreSQL, say, shared with another server). */
    TestServer(Path dir, DjlClipModel model, ServerOptions options, TestDatabase database) {
        this(dir, model, options, database, java.util.Optional.empty(), org.imageorganizer.sync.ImageRemover.OnDelete.DELETE);
    }

    /** With uploads going to Cloudinary (its stand-in), as the application wires it when CLOUDINARY_URL is set. */
    TestServer(Path dir, DjlClipModel model, ServerOptions options,
            java.util.Optional<org.imageorganizer.store.cloud.CloudinaryStorage> cloud,
            org.imageorganizer.sync.ImageRemover.OnDelete onDelete) {
        this(dir, model, options, TestDatabase.h2(dir), cloud, onDelete);
    }

    private TestServer(Path dir, DjlClipModel model, ServerOptions options, TestDatabase database,
            java.util.Optional<org.imageorganizer.store.cloud.CloudinaryStorage> cloud,
            org.imageorganizer.sync.ImageRemover.OnDelete onDelete) {
        folder = dir;
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
        uploads = new UploadService(decoder, embedder, classifier, library.images(),
                cloud.<org.imageorganizer.store.UploadStore>map(c -> c).orElse(managed),
                new org.imageorganizer.sync.ImageRemover(library.images(), library.remoteCopies(), managed,
                        cloud.map(c -> (org.imageorganizer.store.RemoteStore) c), onDelete),
                clusterer, 2, 16);
        ThumbnailCache thumbnails = new ThumbnailCache(dir.resolve("thumbnails"), new Thumbnailer(decoder));
        server = new RestServer(options, new ServerServices(library.images(), uploads, clusterer,
                new StorageRouter(new IndexedFiles(), managed, cloud.map(c -> (org.imageorganizer.store.ImageStorage) c)),
                thumbnails, BuildInfo.load(), cloud.map(c -> (org.imageorganizer.store.RemoteLinks) c)), managed,
                dir.resolve("upload-spool"));
        port = server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(10));
        uploads.close();
        clusterer.close();
        library.close();
        awaitLockRelease();
    }

    /**
     * H2 removes its lock file from a watchdog thread shortly after the library closes; waiting for
     * that keeps the test's temporary folder from changing while JUnit deletes it.
     */
    private void awaitLockRelease() {
        java.nio.file.Path lock = folder.resolve("library.lock.db");
        for (int i = 0; i < 40 && java.nio.file.Files.exists(lock); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
