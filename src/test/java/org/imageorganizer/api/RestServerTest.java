package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The server without an API key, driven over real HTTP: every endpoint and the hostile requests. */
@Tag("model")
@Tag("database")
class RestServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() {
        server = SERVERS.start(dir, ServerOptions.local(0).withLimits(2L * 1024 * 1024, 4L * 1024 * 1024, 12, 1000));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] jpeg(int family, int variant) {
        return TestImages.encode(TestImages.picture(family, variant, 320, 240), "jpg");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    /** Every error is {"error", "detail"}, with no trace of Java in it. */
    static JsonNode error(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.", "\tat ");
        return body;
    }

    @Test
    void uploadsListsServesAndDeletesImages() throws Exception {
        HttpResponse<String> created = send(new Multipart()
                .file("files", "red.jpg", "image/jpeg", jpeg(0, 1))
                .file("files", "blue.jpg", "image/jpeg", jpeg(1, 2))
                .file("other-field-name", "green.jpg", "image/jpeg", jpeg(2, 3))
                .field("note", "a form field is not a file")
                .post(server.url("/images")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode files = json(created).get("files");
        assertThat(files).hasSize(3);
        for (JsonNode file : files) {
            assertThat(file.get("id").asLong()).isPositive();
            assertThat(file.get("width").asInt()).isEqualTo(320);
            assertThat(file.get("height").asInt()).isEqualTo(240);
            assertThat(file.get("size").asLong()).isPositive();
            assertThat(file.get("object_category").asText()).isNotBlank();
            assertThat(file.get("object_confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(file.get("background_category").asText()).isNotBlank();
            assertThat(file.get("background_confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(file.get("image_url").asText()).as("relative to the server").startsWith("/images/");
            assertThat(file.get("duplicate").asBoolean()).isFalse();
        }
        assertThat(files.findValuesAsText("filename")).containsExactly("red.jpg", "blue.jpg", "green.jpg");
        long firstId = files.get(0).get("id").asLong();
        // the files of one request are stored as each is ready, so the last one named need not be the newest
        long newestId = Math.max(firstId, Math.max(files.get(1).get("id").asLong(), files.get(2).get("id").asLong()));

        JsonNode list = json(get("/images?limit=2"));
        assertThat(list.get("total").asLong()).isEqualTo(3);
        assertThat(list.get("images")).hasSize(2);
        assertThat(list.get("images").get(0).get("id").asLong()).as("newest first").isEqualTo(newestId);
        assertThat(list.get("images").get(0).get("id").asLong()).isGreaterThan(list.get("images").get(1).get("id").asLong());
        assertThat(list.get("next_offset").asInt()).isEqualTo(2);
        JsonNode rest = json(get("/images?limit=2&offset=2"));
        assertThat(rest.get("images")).hasSize(1);
        assertThat(rest.hasNonNull("next_offset")).isFalse();
        String object = files.get(0).get("object_category").asText();
        JsonNode filtered = json(get("/images?object=" + object));
        assertThat(filtered.get("images")).allSatisfy(i -> assertThat(i.get("object_category").asText()).isEqualTo(object));
        assertThat(json(get("/images?object=no-such-label")).get("total").asLong()).isZero();

        JsonNode one = json(get("/images/" + firstId));
        assertThat(one.get("filename").asText()).isEqualTo("red.jpg");
        HttpResponse<byte[]> bytes = http.send(HttpRequest.newBuilder(URI.create(server.url(one.get("image_url").asText()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(bytes.body()).isEqualTo(jpeg(0, 1));
        HttpResponse<byte[]> thumb = http.send(HttpRequest.newBuilder(URI.create(server.url("/images/" + firstId + "/thumbnail?size=128"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body()));
        assertThat(small.getWidth()).isEqualTo(128);
        assertThat(small.getHeight()).isEqualTo(96);

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(server.url("/images/" + firstId))).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(200);
        error(get("/images/" + firstId), 404);
        error(send(HttpRequest.newBuilder(URI.create(server.url("/images/" + firstId))).DELETE()), 404);
        try (Stream<Path> stored = Files.list(server.storageDir)) {
            assertThat(stored.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(2);
        }
    }

    @Test
    void groupsUploadsIntoObjectsBackgroundsAndClusters() throws Exception {
        Multipart body = new Multipart();
        for (int i = 0; i < 12; i++) {
            body.file("files", "photo" + i + ".jpg", "image/jpeg", jpeg(i % 3, i));
        }
        assertThat(send(body.post(server.url("/images"))).statusCode()).isEqualTo(201);
        JsonNode grouped = waitForFreshClusters("/clusters/grouped");
        List<Long> ids = new ArrayList<>();
        int total = 0;
        for (JsonNode object : grouped) {
            total += object.get("total_images").asInt();
            for (JsonNode background : object.get("subgroups")) {
                background.get("image_ids").forEach(id -> ids.add(id.asLong()));
                assertThat(background.get("clusters")).isNotEmpty();
            }
        }
        assertThat(total).isEqualTo(12);
        assertThat(ids).doesNotHaveDuplicates().hasSize(12);

        HttpResponse<String> flat = get("/clusters");
        List<Long> clustered = new ArrayList<>();
        for (JsonNode cluster : json(flat).get("clusters")) {
            assertThat(cluster.get("object_category").asText()).isNotBlank();
            assertThat(cluster.get("background_category").asText()).isNotBlank();
            cluster.get("image_ids").forEach(id -> clustered.add(id.asLong()));
        }
        assertThat(clustered).containsExactlyInAnyOrderElementsOf(ids);

        String etag = get("/clusters/grouped").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = send(HttpRequest.newBuilder(URI.create(server.url("/clusters/grouped")))
                .header("If-None-Match", etag));
        assertThat(unchanged.statusCode()).isEqualTo(304);
    }

    JsonNode waitForFreshClusters(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            if (response.headers().firstValue("X-Clusters-Stale").orElse("true").equals("false")) {
                return json(response);
            }
            assertThat(System.nanoTime()).as("clusters still stale after 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void theSameFileTwiceIsOneImage() throws Exception {
        byte[] photo = jpeg(1, 7);
        HttpResponse<String> first = send(new Multipart().file("files", "a.jpg", "image/jpeg", photo).post(server.url("/images")));
        HttpResponse<String> second = send(new Multipart().file("files", "b.jpg", "image/jpeg", photo).post(server.url("/images")));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).as("nothing created").isEqualTo(200);
        JsonNode again = json(second).get("files").get(0);
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("id").asLong()).isEqualTo(json(first).get("files").get(0).get("id").asLong());
        assertThat(json(get("/images")).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aTraversalFileNameIsOnlyADisplayName() throws Exception {
        HttpResponse<String> response = send(new Multipart()
                .file("files", "../../x.jpg", "image/jpeg", jpeg(0, 9)).post(server.url("/images")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("files").get(0).get("filename").asText()).isEqualTo("x.jpg");
        assertThat(dir.resolve("x.jpg")).doesNotExist();
        assertThat(dir.getParent().resolve("x.jpg")).doesNotExist();
        try (Stream<Path> stored = Files.list(server.storageDir)) {
            assertThat(stored.map(p -> p.getFileName().toString())).singleElement().satisfies(name ->
                    assertThat(name).matches("[0-9a-f]{32}\\.jpg"));
        }
    }

    @Test
    void theTypeComesFromTheContentNotTheNameOrHeader() throws Exception {
        HttpResponse<String> lying = send(new Multipart()
                .file("files", "photo.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .post(server.url("/images")));
        JsonNode body = error(lying, 415);
        assertThat(body.get("files").get(0).get("filename").asText()).isEqualTo("photo.jpg");

        HttpResponse<String> mixed = send(new Multipart()
                .file("files", "notes.txt", "text/plain", jpeg(2, 4))
                .file("files", "fake.png", "image/png", "plain text".getBytes(StandardCharsets.UTF_8))
                .post(server.url("/images")));
        assertThat(mixed.statusCode()).as("the real JPEG named .txt is taken").isEqualTo(201);
        JsonNode files = json(mixed).get("files");
        assertThat(files.get(0).get("format").asText()).isEqualTo("jpeg");
        assertThat(files.get(1).get("status").asInt()).isEqualTo(415);

        HttpResponse<String> bomb = send(new Multipart()
                .file("files", "bomb.png", "image/png", TestImages.pngHeaderClaiming(30_000, 30_000)).post(server.url("/images")));
        assertThat(error(bomb, 413).get("detail").asText()).contains("megapixel");

        HttpResponse<String> notMultipart = send(HttpRequest.newBuilder(URI.create(server.url("/images")))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg(0, 0))));
        error(notMultipart, 415);
        error(send(new Multipart().field("files", "no file here").post(server.url("/images"))), 400);
        HttpResponse<String> garbage = send(HttpRequest.newBuilder(URI.create(server.url("/images")))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\nabc")));
        assertThat(garbage.statusCode()).isIn(400, 415);
        error(garbage, garbage.statusCode());
        assertThat(json(get("/images")).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void oversizedUploadsAreRefusedWith413() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024]; // over the 2 MiB per-file limit, under the 4 MiB request limit
        System.arraycopy(jpeg(0, 0), 0, big, 0, 100);
        error(send(new Multipart().file("files", "big.jpg", "image/jpeg", big).post(server.url("/images"))), 413);

        // over the request limit: answered from the headers alone, before any of the body is sent
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /images HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 5000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readUntil(socket.getInputStream(), "}");
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"payload_too_large\"");
        }

        Multipart many = new Multipart();
        for (int i = 0; i < 13; i++) {
            many.file("files", "p" + i + ".jpg", "image/jpeg", jpeg(0, i));
        }
        assertThat(error(send(many.post(server.url("/images"))), 413).get("detail").asText()).contains("13 files");
        assertThat(json(get("/health")).get("status").asText()).as("still serving").isEqualTo("ok");
    }

    /** Reads what the server sends until {@code end} appears (the server may keep the connection open). */
    static String readUntil(java.io.InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!text.toString().contains(end)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Test
    void unknownPathsMethodsAndParametersGetJsonErrors() throws Exception {
        error(get("/nothing-here"), 404);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(server.url("/images")))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        error(put, 405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        error(send(HttpRequest.newBuilder(URI.create(server.url("/clusters"))).DELETE()), 405);
        error(get("/images/abc"), 400);
        error(get("/images/99999"), 404);
        error(get("/images/99999/file"), 404);
        error(get("/images?limit=0"), 400);
        error(get("/images?limit=abc"), 400);
        error(get("/images?offset=-1"), 400);
        error(get("/images/1/thumbnail?size=77"), 404);
        error(get("/storage/..%2F..%2Fetc%2Fpasswd"), get("/storage/..%2F..%2Fetc%2Fpasswd").statusCode());
        assertThat(get("/storage/..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);
        error(get("/storage/"), 404);
        error(get("/storage/library.mv.db"), 404);
    }

    @Test
    void healthSaysWhatRunsAndWhereItsSourceIs() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("model_loaded").asBoolean()).isTrue();
        assertThat(health.get("database_reachable").asBoolean()).isTrue();
        assertThat(health.get("image_count").asLong()).isZero();
        assertThat(health.get("license").asText()).isEqualTo("AGPL-3.0-or-later");
        assertThat(health.get("source").asText()).startsWith("https://");
        assertThat(health.get("version").asText()).isNotBlank();
    }

    @Test
    void theStorageFolderServesItsOwnFilesOnly() throws Exception {
        send(new Multipart().file("files", "a.jpg", "image/jpeg", jpeg(0, 5)).post(server.url("/images")));
        String key;
        try (Stream<Path> stored = Files.list(server.storageDir)) {
            key = stored.findFirst().orElseThrow().getFileName().toString();
        }
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(server.url("/storage/" + key))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(file.body()).isEqualTo(jpeg(0, 5));
        Files.writeString(server.storageDir.resolve("secret.txt"), "not an upload");
        error(get("/storage/secret.txt"), 404);
    }
}
