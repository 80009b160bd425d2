package org.imageorganizer.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.TinyModel;

/** A {@link TestServer} with its own tiny model, and a key-aware GET for checks beside the browser's view. */
final class InProcessServer implements AutoCloseable {
    private final DjlClipModel model;
    private final TestServer server;
    private final String apiKey;

    InProcessServer(Path folder, ServerOptions options) {
        model = TinyModel.load();
        server = new TestServer(folder, model, options);
        apiKey = options.apiKey().orElse(null);
    }

    /** http://127.0.0.1:port/ */
    String url() {
        return server.url("/");
    }

    /** Stops the background clustering: from now on new images stay pending in the tree. */
    void holdClustering() {
        server.clusterer.close();
    }

    long imageCount() {
        return server.library.images().count();
    }

    /** GET path (with the key, if any) and its body. */
    String get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30));
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
    public void close() {
        server.close();
        model.close();
    }
}
