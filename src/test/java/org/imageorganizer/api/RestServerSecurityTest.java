package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.error;
import static org.imageorganizer.api.RestServerTest.jpeg;
import static org.imageorganizer.api.RestServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The server with an API key, a low upload rate and one allowed CORS origin. */
@Tag("model")
@Tag("database")
class RestServerSecurityTest {
    private static final String KEY = "test-key-0123456789abcdef";
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(int uploadsPerMinute) {
        server = SERVERS.start(dir, ServerOptions.local(0).withApiKey(KEY)
                .withLimits(ServerOptions.DEFAULT_MAX_FILE_BYTES, ServerOptions.DEFAULT_MAX_REQUEST_BYTES, 10, uploadsPerMinute)
                .withCors(List.of("https://app.example.org")));
        return server;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path)));
    }

    private JsonNode upload(byte[] photo) throws IOException, InterruptedException {
        HttpResponse<String> response = send(new Multipart().file("files", "a.jpg", "image/jpeg", photo)
                .post(server.url("/images")).header("X-API-Key", KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("files").get(0);
    }

    @Test
    void everyApiEndpointButHealthNeedsTheKey() throws Exception {
        start(100);
        for (String path : new String[] {"/images", "/images/1", "/images/1/file", "/images/1/thumbnail", "/clusters",
                "/clusters/grouped", "/storage/0123456789abcdef0123456789abcdef.jpg"}) {
            HttpResponse<String> response = send(get(path));
            error(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            error(send(get(path).header("X-API-Key", "wrong-key-0123456789abcdef")), 401);
            error(send(get(path).header("Authorization", "Bearer " + KEY.substring(1))), 401);
        }
        error(send(new Multipart().file("files", "a.jpg", "image/jpeg", jpeg(0, 1)).post(server.url("/images"))), 401);
        error(send(get("/images/1").DELETE()), 401);
        assertThat(send(get("/images").header("X-API-Key", KEY)).statusCode()).isEqualTo(200);
        assertThat(send(get("/images").header("Authorization", "Bearer " + KEY)).statusCode()).isEqualTo(200);
        assertThat(send(get("/health")).statusCode()).isEqualTo(200);
        HttpResponse<String> page = send(get("/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(send(get("/static/app.js")).statusCode()).isEqualTo(200);
    }

    @Test
    void imageLinksAreSignedAndExpireOrBreakWhenTamperedWith() throws Exception {
        start(100);
        JsonNode image = upload(jpeg(1, 3));
        String link = image.get("image_url").asText();
        assertThat(link).contains("expires=").contains("signature=");
        HttpResponse<byte[]> bytes = http.send(HttpRequest.newBuilder(URI.create(server.url(link))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(jpeg(1, 3));
        assertThat(send(get(image.get("thumbnail_url").asText())).statusCode()).isEqualTo(200);

        long id = image.get("id").asLong();
        String tampered = link.replaceFirst("signature=.", "signature=" + (link.contains("signature=0") ? "1" : "0"));
        error(send(get(tampered)), 401);
        String otherImage = link.replace("/images/" + id + "/", "/images/" + (id + 1) + "/");
        error(send(get(otherImage)), 401);
        String query = link.substring(link.indexOf('?'));
        error(send(get("/images/" + id + query)), 401); // a file link does not open the JSON API

        SignedUrls signer = new SignedUrls(KEY, Duration.ofSeconds(-5), java.time.Clock.systemUTC());
        error(send(get("/images/" + id + "/file?" + signer.query("/images/" + id + "/file"))), 401);
        SignedUrls fresh = new SignedUrls(KEY, Duration.ofMinutes(5), java.time.Clock.systemUTC());
        assertThat(send(get("/images/" + id + "/file?" + fresh.query("/images/" + id + "/file"))).statusCode()).isEqualTo(200);
        String key;
        try (Stream<Path> stored = Files.list(server.storageDir)) {
            key = stored.findFirst().orElseThrow().getFileName().toString();
        }
        assertThat(send(get("/storage/" + key + "?" + fresh.query("/storage/" + key))).statusCode()).isEqualTo(200);
        error(send(get("/storage/" + key)), 401);
    }

    @Test
    void uploadsBeyondTheRateGet429WithRetryAfter() throws Exception {
        start(2);
        upload(jpeg(0, 1));
        upload(jpeg(0, 2));
        HttpResponse<String> third = send(new Multipart().file("files", "c.jpg", "image/jpeg", jpeg(0, 3))
                .post(server.url("/images")).header("X-API-Key", KEY));
        error(third, 429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
        assertThat(send(get("/images").header("X-API-Key", KEY)).statusCode()).as("reads are not limited").isEqualTo(200);
    }

    @Test
    void corsIsOpenToTheConfiguredOriginOnly() throws Exception {
        start(100);
        HttpResponse<String> allowed = send(get("/images").header("X-API-Key", KEY).header("Origin", "https://app.example.org"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.org");
        HttpResponse<String> other = send(get("/images").header("X-API-Key", KEY).header("Origin", "https://evil.example.com"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = send(get("/images").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(h -> assertThat(h).contains("X-API-Key"));
    }

    @Test
    void forwardedHeadersAreIgnoredFromUntrustedPeers() throws Exception {
        start(100);
        HttpResponse<String> response = send(get("/images").header("X-API-Key", KEY)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example.com"));
        upload(jpeg(2, 2));
        JsonNode list = json(send(get("/images").header("X-API-Key", KEY).header("X-Forwarded-Host", "evil.example.com")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(list.get("images").get(0).get("image_url").asText()).startsWith("/images/").doesNotContain("evil");
    }

    @Test
    void aTrustedProxyNamesTheClientAndTheOutsideAddress() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0).withApiKey(KEY)
                .withLimits(ServerOptions.DEFAULT_MAX_FILE_BYTES, ServerOptions.DEFAULT_MAX_REQUEST_BYTES, 10, 1)
                .withTrustedProxies(List.of("127.0.0.1", "::1")));
        HttpResponse<String> first = send(new Multipart().file("files", "a.jpg", "image/jpeg", jpeg(0, 1))
                .post(server.url("/images")).header("X-API-Key", KEY).header("X-Forwarded-For", "203.0.113.1")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "photos.example.org"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("files").get(0).get("image_url").asText()).startsWith("https://photos.example.org/images/");
        HttpResponse<String> otherClient = send(new Multipart().file("files", "b.jpg", "image/jpeg", jpeg(0, 2))
                .post(server.url("/images")).header("X-API-Key", KEY).header("X-Forwarded-For", "203.0.113.2"));
        assertThat(otherClient.statusCode()).as("a different client behind the proxy has its own rate").isEqualTo(201);
        error(send(new Multipart().file("files", "c.jpg", "image/jpeg", jpeg(0, 3))
                .post(server.url("/images")).header("X-API-Key", KEY).header("X-Forwarded-For", "203.0.113.1")), 429);
    }

    @Test
    void aLostDatabaseIs500ForRequestsAnd503ForHealth() throws Exception {
        start(100);
        server.library.close();
        error(send(get("/images").header("X-API-Key", KEY)), 500);
        HttpResponse<String> health = send(get("/health"));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).get("database_reachable").asBoolean()).isFalse();
        assertThat(health.body()).doesNotContain("Exception");
    }

    @Test
    void aPublicAddressWithoutAKeyIsRefused() {
        ServerOptions open = new ServerOptions("0.0.0.0", 0, java.util.Optional.empty(), false, List.of(), List.of(),
                1024, 1024, 1, 1, "https://example.org/source", java.util.Optional.empty(),
                1, 1, 0, java.time.Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RestServer(open, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
    }
}
