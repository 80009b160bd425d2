package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.error;
import static org.imageorganizer.api.RestServerTest.jpeg;
import static org.imageorganizer.api.RestServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The list's paging at its edges, and the managed storage folder serving regular files only. */
@Tag("model")
@Tag("database")
class ListingAndStoredFilesTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = SERVERS.start(dir, ServerOptions.local(0));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long upload(byte[] photo) throws Exception {
        HttpResponse<String> created = http.send(new Multipart().file("files", "a.jpg", "image/jpeg", photo)
                .post(server.url("/images")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("files").get(0).get("id").asLong();
    }

    @Test
    void theLargestOffsetTheMessageAllowsIsAnEmptyPage() throws Exception {
        upload(jpeg(0, 1));
        HttpResponse<String> far = get("/images?offset=2147483647");
        assertThat(far.statusCode()).as(far.body()).isEqualTo(200);
        JsonNode page = json(far);
        assertThat(page.get("images")).isEmpty();
        assertThat(page.get("offset").asLong()).isEqualTo(2147483647L);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(error(get("/images?offset=2147483648"), 400).get("detail").asText()).contains("2147483647");
        error(get("/images?offset=99999999999999999999"), 400);
        error(get("/images?limit=0501"), 400);
    }

    @Test
    void imagesCarryTheirDateTakenAndAreFilteredByIt() throws Exception {
        byte[] dated;
        try (var in = getClass().getResourceAsStream("/metadata/taken-with-offset.jpg")) {
            dated = in.readAllBytes();
        }
        long withDate = upload(dated);
        long without = upload(jpeg(0, 1)); // an upload has no file time: no date at all
        JsonNode one = json(get("/images/" + withDate));
        assertThat(one.get("taken_at").asText()).isEqualTo("2024-07-14T18:32:05+02:00");
        assertThat(one.get("taken_at_source").asText()).isEqualTo("photo");
        JsonNode other = json(get("/images/" + without));
        assertThat(other.has("taken_at")).as("present, and null").isTrue();
        assertThat(other.get("taken_at").isNull()).isTrue();
        assertThat(other.has("taken_at_source")).isFalse();

        JsonNode july = json(get("/images?taken_after=2024-07&taken_before=2024-08"));
        assertThat(july.get("total").asLong()).isEqualTo(1);
        assertThat(july.get("images").get(0).get("id").asLong()).isEqualTo(withDate);
        assertThat(json(get("/images?taken_before=2024-07-14T18:32")).get("total").asLong()).isZero();
        assertThat(json(get("/images?taken_after=2024-07-14T18:32:05")).get("total").asLong()).isEqualTo(1);
        assertThat(json(get("/images")).get("total").asLong()).isEqualTo(2);
        assertThat(error(get("/images?taken_after=last%20week"), 400).get("detail").asText())
                .startsWith("taken_after must be a date such as 2024-06-01");
        assertThat(error(get("/images?taken_after=2024-08&taken_before=2024-07"), 400).get("detail").asText())
                .contains("must come after its start");
    }

    @Test
    void theLastPageSaysNextOffsetNull() throws Exception {
        upload(jpeg(0, 1));
        upload(jpeg(1, 2));
        JsonNode first = json(get("/images?limit=1"));
        assertThat(first.get("next_offset").asInt()).isEqualTo(1);
        JsonNode last = json(get("/images?limit=1&offset=1"));
        assertThat(last.has("next_offset")).as(last.toString()).isTrue();
        assertThat(last.get("next_offset").isNull()).isTrue();
        JsonNode empty = json(get("/images?object=no-such-label"));
        assertThat(empty.has("next_offset")).isTrue();
        assertThat(empty.get("next_offset").isNull()).isTrue();
    }

    @Test
    void aSymbolicLinkInTheStorageFolderIsNotFollowed() throws Exception {
        long id = upload(jpeg(0, 3));
        Path stored;
        try (Stream<Path> files = Files.list(server.storageDir)) {
            stored = files.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        Path outside = Files.writeString(dir.resolve("outside-secret.jpg"), "not for the web", StandardCharsets.UTF_8);
        Files.delete(stored);
        Files.createSymbolicLink(stored, outside);
        Path planted = server.storageDir.resolve("0123456789abcdef0123456789abcdef.jpg");
        Files.createSymbolicLink(planted, outside);

        for (String path : new String[] {"/images/" + id + "/file", "/images/" + id + "/thumbnail",
            "/storage/" + stored.getFileName(), "/storage/" + planted.getFileName()}) {
            HttpResponse<String> response = get(path);
            assertThat(response.body()).as(path).doesNotContain("not for the web");
            error(response, 404);
        }
        var image = server.library.images().findById(id).orElseThrow();
        assertThat(server.managed.exists(image)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.managed.open(image).close())
                .isInstanceOf(java.io.IOException.class);
    }
}
