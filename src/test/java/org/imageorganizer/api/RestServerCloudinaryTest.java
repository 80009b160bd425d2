package org.imageorganizer.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.common.RetryPolicy;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.services.ImageRemover;
import org.imageorganizer.testing.CloudinaryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The server with its uploads going to Cloudinary's stand-in: Cloudinary links, clusters, deletes, a failing cloud. */
@Tag("model")
@Tag("database")
class RestServerCloudinaryTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private CloudinaryStandIn standIn;
    private CloudinaryStorage cloud;
    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() {
        standIn = new CloudinaryStandIn();
        start(ImageRemover.OnDelete.DELETE);
    }

    private void start(ImageRemover.OnDelete onDelete) {
        cloud = new CloudinaryStorage(CloudinaryConfig.of(standIn.cloudinaryUrl())
                .withRetry(new RetryPolicy(2, Duration.ofMillis(20)), Duration.ofSeconds(5)));
        server = SERVERS.start(dir.resolve(onDelete.name()), ServerOptions.local(0), cloud, onDelete);
    }

    @AfterEach
    void stop() {
        server.close();
        cloud.close();
        standIn.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode upload(byte[]... photos) throws Exception {
        Multipart body = new Multipart();
        for (int i = 0; i < photos.length; i++) {
            body.file("files", "photo" + i + ".jpg", "image/jpeg", photos[i]);
        }
        HttpResponse<String> response = send(body.post(server.url("/images")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RestServerTest.json(response).get("files");
    }

    @Test
    void uploadsGoToCloudinaryAndTheLinksAreCloudinarySignedLinks() throws Exception {
        byte[] photo = RestServerTest.jpeg(1, 1);
        JsonNode image = upload(photo).get(0);

        assertThat(image.get("storage").asText()).isEqualTo("cloudinary");
        String imageUrl = image.get("image_url").asText();
        String thumbnailUrl = image.get("thumbnail_url").asText();
        assertThat(imageUrl).startsWith(standIn.base() + "/v1_1/demo/image/download?").contains("expires_at=", "signature=");
        assertThat(thumbnailUrl).startsWith(standIn.base() + "/demo/image/authenticated/s--")
                .contains("/c_limit,h_256,w_256/");
        assertThat(status(imageUrl)).isEqualTo(200);
        assertThat(status(thumbnailUrl)).isEqualTo(200);
        assertThat(standIn.fake().assets()).hasSize(1);
        try (Stream<Path> stored = Files.exists(server.storageDir) ? Files.list(server.storageDir) : Stream.empty()) {
            assertThat(stored.filter(p -> !p.getFileName().toString().startsWith("."))).as("nothing stored locally").isEmpty();
        }

        HttpResponse<String> again = send(new Multipart().file("files", "same.jpg", "image/jpeg", photo).post(server.url("/images")));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(standIn.fake().createdCounts().values()).containsExactly(1);

        HttpResponse<String> one = send(HttpRequest.newBuilder(URI.create(server.url("/images/" + image.get("id").asLong()))));
        assertThat(RestServerTest.json(one).get("image_url").asText()).startsWith(standIn.base());
        HttpResponse<String> file = send(HttpRequest.newBuilder(URI.create(server.url("/images/" + image.get("id").asLong() + "/file"))));
        assertThat(file.statusCode()).isEqualTo(302);
        assertThat(file.headers().firstValue("Location")).get().asString().startsWith(standIn.base());
        HttpResponse<String> small = send(HttpRequest.newBuilder(URI.create(server.url("/images/" + image.get("id").asLong()
                + "/thumbnail?size=128"))));
        assertThat(small.headers().firstValue("Location")).get().asString().contains("c_limit,h_128,w_128");

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(server.url("/"))));
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("the page may show Cloudinary's images")
                .get().asString().contains("img-src 'self' data: blob: " + standIn.base() + ";");
    }

    @Test
    void theGroupedClustersAreServedForImagesInCloudinary() throws Exception {
        byte[][] photos = new byte[9][];
        for (int i = 0; i < photos.length; i++) {
            photos[i] = RestServerTest.jpeg(i % 3, i);
        }
        upload(photos);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode grouped;
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/clusters/grouped"))));
            assertThat(response.statusCode()).isEqualTo(200);
            if (response.headers().firstValue("X-Clusters-Stale").orElse("true").equals("false")) {
                grouped = RestServerTest.json(response);
                break;
            }
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(100);
        }
        int total = 0;
        for (JsonNode object : grouped) {
            total += object.get("total_images").asInt();
        }
        assertThat(total).isEqualTo(9);
        assertThat(standIn.fake().assets()).hasSize(9);
    }

    @Test
    void deletingAnImageDeletesItsCloudinaryCopy() throws Exception {
        long id = upload(RestServerTest.jpeg(2, 2)).get(0).get("id").asLong();

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(server.url("/images/" + id))).DELETE());

        assertThat(RestServerTest.json(deleted).get("remote_copy").asText()).isEqualTo("deleted");
        assertThat(standIn.fake().assets()).isEmpty();
    }

    @Test
    void withKeepADeletedImagesCopyStaysTaggedInCloudinary() throws Exception {
        server.close();
        start(ImageRemover.OnDelete.KEEP);
        long id = upload(RestServerTest.jpeg(2, 3)).get(0).get("id").asLong();

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(server.url("/images/" + id))).DELETE());

        assertThat(RestServerTest.json(deleted).get("remote_copy").asText()).isEqualTo("kept");
        assertThat(standIn.fake().assets().values()).singleElement()
                .satisfies(a -> assertThat(a.tags()).containsExactly(CloudinaryStorage.DELETED_TAG));
        assertThat(send(HttpRequest.newBuilder(URI.create(server.url("/images/" + id)))).statusCode()).isEqualTo(404);
    }

    @Test
    void aCloudThatKeepsFailingIsA503ThatSaysSoAndStoresNothing() throws Exception {
        standIn.server().stubFor(post(urlPathEqualTo("/v1_1/demo/image/upload")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"General Error\"}}")));

        HttpResponse<String> response = send(new Multipart().file("files", "a.jpg", "image/jpeg", RestServerTest.jpeg(0, 5))
                .post(server.url("/images")));

        JsonNode error = RestServerTest.error(response, 503);
        assertThat(error.get("detail").asText()).contains("Cloudinary failed to answer (500");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(server.library.images().count()).isZero();
    }
}
