package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.jpeg;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The links the API hands out: relative to the server unless a public address is configured, never
 * taken from the Host header, from X-Forwarded-Host only when a trusted proxy sends it; and the
 * bytes behind a signed link are cacheable no longer than the link lives.
 */
@Tag("model")
@Tag("database")
class ImageLinksTest {
    private static final String KEY = "test-key-0123456789abcdef";
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode uploadAndList(ServerOptions options, String... listHeaders) throws Exception {
        server = SERVERS.start(java.nio.file.Files.createTempDirectory(dir, "server"), options);
        HttpResponse<String> created = http.send(new Multipart().file("files", "a.jpg", "image/jpeg", jpeg(0, 4))
                .post(server.url("/images")).header("X-API-Key", KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try (RawHttp raw = new RawHttp(server.port)) {
            List<String> headers = new java.util.ArrayList<>(List.of(listHeaders));
            headers.add("X-API-Key: " + KEY);
            if (headers.stream().noneMatch(h -> h.startsWith("Host:"))) {
                headers.add("Host: 127.0.0.1");
            }
            RawHttp.Answer list = raw.sendRaw("GET /images HTTP/1.1\r\n" + String.join("\r\n", headers) + "\r\n\r\n");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            return RestServerTest.JSON.readTree(list.body()).get("images").get(0);
        }
    }

    private HttpResponse<byte[]> fetch(String link, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/")).resolve(link));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theHostHeaderNeverMakesTheLinks() throws Exception {
        JsonNode image = uploadAndList(ServerOptions.local(0).withApiKey(KEY), "Host: evil.example.com");
        for (String field : List.of("image_url", "thumbnail_url")) {
            String link = image.get(field).asText();
            assertThat(link).as(field).startsWith("/images/" + image.get("id").asLong() + "/").contains("signature=")
                    .doesNotContain("evil", "//");
            assertThat(fetch(link).statusCode()).as("the relative link works against the server").isEqualTo(200);
        }
    }

    @Test
    void aConfiguredPublicUrlMakesTheLinksAndForwardedHostIsThenIgnored() throws Exception {
        JsonNode image = uploadAndList(ServerOptions.local(0).withApiKey(KEY).withTrustedProxies(List.of("127.0.0.1", "::1"))
                .withPublicUrl("https://photos.example.org/organizer/"),
                "Host: evil.example.com", "X-Forwarded-Host: other.example.net", "X-Forwarded-Proto: http");
        assertThat(image.get("image_url").asText())
                .startsWith("https://photos.example.org/organizer/images/" + image.get("id").asLong() + "/file?expires=");
        assertThat(image.get("thumbnail_url").asText()).startsWith("https://photos.example.org/organizer/images/");
    }

    @Test
    void forwardedHostIsBelievedFromATrustedProxyOnly() throws Exception {
        JsonNode untrusted = uploadAndList(ServerOptions.local(0).withApiKey(KEY).withTrustedProxies(List.of("10.0.0.0/8")),
                "Host: 127.0.0.1", "X-Forwarded-Host: evil.example.com", "X-Forwarded-Proto: https");
        assertThat(untrusted.get("image_url").asText()).startsWith("/images/");

        JsonNode trusted = uploadAndList(ServerOptions.local(0).withApiKey(KEY).withTrustedProxies(List.of("127.0.0.1", "::1")),
                "Host: 127.0.0.1", "X-Forwarded-Host: photos.example.org", "X-Forwarded-Proto: https");
        assertThat(trusted.get("image_url").asText()).startsWith("https://photos.example.org/images/");

        JsonNode garbled = uploadAndList(ServerOptions.local(0).withApiKey(KEY).withTrustedProxies(List.of("127.0.0.1", "::1")),
                "Host: 127.0.0.1", "X-Forwarded-Host: evil.example.com/x?y", "X-Forwarded-Proto: https");
        assertThat(garbled.get("image_url").asText()).as("not a host name").startsWith("/images/");
    }

    @Test
    void whatASignedLinkServesIsCacheableUntilTheLinkExpiresAtMost() throws Exception {
        JsonNode image = uploadAndList(ServerOptions.local(0).withApiKey(KEY));
        long id = image.get("id").asLong();
        SignedUrls fiveMinutes = new SignedUrls(KEY, Duration.ofMinutes(5), java.time.Clock.systemUTC());
        for (String path : List.of("/images/" + id + "/file", "/images/" + id + "/thumbnail")) {
            HttpResponse<byte[]> response = fetch(path + "?" + fiveMinutes.query(path));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(maxAge(response)).as(path).isBetween(1L, 300L);
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
        }
        for (String field : List.of("image_url", "thumbnail_url")) {
            String link = image.get(field).asText();
            long expires = Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1"));
            HttpResponse<byte[]> response = fetch(link);
            assertThat(maxAge(response)).as(field).isLessThanOrEqualTo(expires - Instant.now().getEpochSecond() + 1)
                    .isPositive();
        }
        String key = storedKey();
        HttpResponse<byte[]> stored = fetch("/storage/" + key + "?" + fiveMinutes.query("/storage/" + key));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(maxAge(stored)).isBetween(1L, 300L);

        HttpResponse<byte[]> withKey = fetch("/images/" + id + "/file", "X-API-Key", KEY);
        assertThat(withKey.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
    }

    private String storedKey() throws Exception {
        try (var files = java.nio.file.Files.list(server.storageDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).findFirst().orElseThrow();
        }
    }

    private static long maxAge(HttpResponse<?> response) {
        Matcher m = MAX_AGE.matcher(response.headers().firstValue("Cache-Control").orElse(""));
        assertThat(m.find()).as(response.headers().toString()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
