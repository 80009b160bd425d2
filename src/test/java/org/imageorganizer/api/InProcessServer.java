package org.imageorganizer.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.Settings;
import org.imageorganizer.imaging.ImageLimits;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.importer.UploadService;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.Library;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.StorageRouter;

/**
 * The REST server as {@code serve} wires it (see app.ServerWiring), on an H2 library in a
 * folder, the tiny test model and a short clustering debounce, listening on a free port.
 */
final class InProcessServer implements AutoCloseable {
    private static final Duration CLUSTER_DEBOUNCE = Duration.ofMillis(200);

    private final Library library;
    private final DjlClipModel model;
    private final LibraryClusterer clusterer;
    private final UploadService uploads;
    private final RestServer server;
    private final String apiKey;
    private final int port;

    InProcessServer(Path folder, ServerOptions options) {
        Settings settings = Settings.defaults();
        library = Library.open(folder.resolve("library"));
        library.info().claimModel(ModelFolder.open(TinyModel.DIR).manifest().modelId());
        model = TinyModel.load();
        SafeImageDecoder decoder = new SafeImageDecoder(
                new ImageLimits(settings.maxMegapixels() * 1_000_000L, options.maxFileBytes()));
        ImageClassifier classifier = ImageClassifier.create(model, settings.labels(),
                new LabelEmbeddingCache(folder.resolve("label-cache")));
        ImageEmbedder embedder = new ImageEmbedder(model, new TestTimeAugmenter(settings.ttaViews()));
        ManagedFolder managed = new ManagedFolder(folder.resolve("storage"));
        clusterer = new LibraryClusterer(library.images(), library.clusters(), library.info(),
                settings.clustering().toClusterSettings(), CLUSTER_DEBOUNCE);
        uploads = new UploadService(decoder, embedder, classifier, library.images(), managed, clusterer, 2, 16);
        ThumbnailCache thumbnails = new ThumbnailCache(folder.resolve("thumbnails"), new Thumbnailer(decoder));
        server = new RestServer(options, new ServerServices(library.images(), uploads, clusterer,
                new StorageRouter(new IndexedFiles(), managed), thumbnails, BuildInfo.load()), managed);
        port = server.start();
        apiKey = options.apiKey().orElse(null);
    }

    /** http://127.0.0.1:port/ */
    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    long imageCount() {
        return library.images().count();
    }

    /** GET path (with the key, if any) and its body, for checks beside the browser's view. */
    String get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path.replaceFirst("^/", "")))
                .timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(5));
        uploads.close();
        clusterer.close();
        model.close();
        library.close();
    }
}
