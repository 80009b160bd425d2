package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.model.UploadOutcome;
import org.imageorganizer.services.CloudLinks;
import org.imageorganizer.services.UploadFolder;
import org.imageorganizer.ui.FakeImageFiles;
import org.imageorganizer.ui.FakeLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server listens before the library and the model are there (ADR 0027): /health says "loading"
 * (503), uploads are refused with 503 and Retry-After before their body is read, a read waits for the
 * library; once the model is loaded everything answers; a failed start-up is shown with its reason.
 */
class ServerStartupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    private StartingServices services;
    private RestServer server;
    private FakeLibrary library;
    private long firstId;

    @BeforeEach
    void listenWithoutLibraryOrModel() {
        services = new StartingServices(new FakeImageFiles(), CloudLinks.NONE, new UploadFolder() {
            @Override
            public Optional<Path> fileOf(String key) {
                return Optional.empty();
            }

            @Override
            public void removeLeftovers(java.time.Instant writtenBefore) {
            }
        }, BuildInfo.load());
        server = RestServer.starting(ServerOptions.local(0), services, dir.resolve("spool"));
        server.start();
        library = new FakeLibrary();
        firstId = library.add("dog", "park", 2).get(0).id();
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(5));
    }

    @Test
    void healthSaysLoadingUntilTheModelIsLoaded() throws Exception {
        HttpResponse<String> opening = get("/health");
        assertThat(opening.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(opening.body());
        assertThat(body.get("status").asText()).isEqualTo("loading");
        assertThat(body.get("model_loaded").asBoolean()).isFalse();
        assertThat(body.get("database_reachable").asBoolean()).isFalse();
        assertThat(opening.headers().firstValue("Retry-After")).isPresent();

        services.libraryOpened(library, library);
        JsonNode loading = JSON.readTree(get("/health").body());
        assertThat(loading.get("status").asText()).isEqualTo("loading");
        assertThat(loading.get("database_reachable").asBoolean()).isTrue();
        assertThat(loading.get("image_count").asLong()).isEqualTo(2);

        services.modelLoaded((name, content) -> new UploadOutcome.Rejected(name, UploadOutcome.RejectionKind.DAMAGED, "x"));
        HttpResponse<String> ready = get("/health");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("ok");
        assertThat(JSON.readTree(ready.body()).get("model_loaded").asBoolean()).isTrue();
    }

    @Test
    void searchesAreAnsweredRetryAfterUntilTheyCanBeAnswered() throws Exception {
        services.libraryOpened(library, library);
        HttpResponse<String> preparing = get("/search?q=dog");
        assertThat(preparing.statusCode()).isEqualTo(503);
        assertThat(preparing.headers().firstValue("Retry-After")).isPresent();

        services.searchReady(new org.imageorganizer.services.PhotoSearch() {
            @Override
            public SearchPage byText(String text, SearchFilter filter, int offset, int limit) {
                throw new org.imageorganizer.services.SearchUnavailableException(
                        "The server is still loading the recognition model; try again in a few seconds.", true, null);
            }

            @Override
            public SearchPage similarTo(long imageId, SearchFilter filter, int offset, int limit) {
                return new SearchPage(java.util.List.of(), offset, limit, null, 0, java.util.List.of(), java.util.List.of(), false);
            }

            @Override
            public SearchPage similarToFile(Path file, SearchFilter filter, int limit) {
                throw new UnsupportedOperationException();
            }
        });
        HttpResponse<String> loading = get("/search?q=dog");
        assertThat(loading.statusCode()).isEqualTo(503);
        assertThat(loading.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(loading.body()).get("error").asText()).isEqualTo("loading");
        assertThat(JSON.readTree(loading.body()).get("detail").asText()).contains("loading the recognition model");
        assertThat(get("/images/1/similar").statusCode()).as("photos like a photo need no model").isEqualTo(200);
    }

    @Test
    void uploadsAreRefusedWithRetryAfterWhileTheModelLoadsAndReadsWork() throws Exception {
        services.libraryOpened(library, library);
        HttpResponse<String> upload = http.send(new Multipart().file("files", "a.jpg", "image/jpeg", new byte[] {1, 2, 3})
                .post(url("/images")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(503);
        assertThat(upload.headers().firstValue("Retry-After")).isPresent();
        JsonNode error = JSON.readTree(upload.body());
        assertThat(error.get("error").asText()).isEqualTo("loading");
        assertThat(error.get("detail").asText()).contains("loading the recognition model");

        HttpResponse<String> image = get("/images/" + firstId);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(image.body()).get("id").asLong()).isEqualTo(firstId);
        assertThat(get("/clusters").statusCode()).isEqualTo(200);
    }

    @Test
    void aReadWaitsForTheLibraryToOpen() throws Exception {
        CompletableFuture<HttpResponse<String>> list = http.sendAsync(HttpRequest.newBuilder(URI.create(url("/clusters")))
                .build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200); // the request is (most likely) waiting; it must succeed whenever the library opens
        services.libraryOpened(library, library);
        assertThat(list.get().statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedStartIsShownWithItsReason() throws Exception {
        services.failed("there is no CLIP model on this computer yet.");
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("failed");
        assertThat(body.get("error").asText()).contains("no CLIP model");

        HttpResponse<String> list = get("/clusters");
        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(list.body()).get("detail").asText()).contains("could not start", "no CLIP model");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
