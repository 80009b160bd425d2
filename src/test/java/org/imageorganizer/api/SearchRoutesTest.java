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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GET /search and GET /images/ID/similar: ranked, paged, filtered, current with the library, and their mistakes. */
@Tag("model")
@Tag("database")
class SearchRoutesTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Long> uploaded = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0));
        for (int i = 0; i < 6; i++) {
            uploaded.add(upload(jpeg(i % 3, i)));
        }
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

    /** The answer once the index has every uploaded photo (it follows the library every 100 ms here). */
    private JsonNode current(String path, int photos) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = json(response);
            if (answer.get("total").asInt() >= photos || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(100);
        }
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("images").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static List<Double> scores(JsonNode answer) {
        List<Double> scores = new ArrayList<>();
        answer.get("images").forEach(i -> scores.add(i.get("score").asDouble()));
        return scores;
    }

    @Test
    void aTextAnswersEveryPhotoAsListedBestFirstInPages() throws Exception {
        JsonNode all = current("/search?q=a+dog+on+the+beach&limit=10", uploaded.size());
        assertThat(all.get("query").asText()).isEqualTo("a dog on the beach");
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(uploaded);
        assertThat(scores(all)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        JsonNode image = all.get("images").get(0);
        assertThat(image.get("thumbnail_url").asText()).contains("/images/" + image.get("id").asLong() + "/thumbnail");
        assertThat(image.has("object_category")).isTrue();

        JsonNode first = json(get("/search?q=a+dog+on+the+beach&limit=4"));
        JsonNode second = json(get("/search?q=a+dog+on+the+beach&limit=4&offset=4"));
        assertThat(first.get("next_offset").asInt()).isEqualTo(4);
        assertThat(second.get("next_offset").isNull()).isTrue();
        List<Long> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        assertThat(paged).isEqualTo(ids(all));

        String object = image.get("object_category").asText();
        JsonNode filtered = json(get("/search?q=dog&object=" + java.net.URLEncoder.encode(object, "UTF-8")));
        assertThat(filtered.get("images")).allSatisfy(i -> assertThat(i.get("object_category").asText()).isEqualTo(object));
        JsonNode none = json(get("/search?q=dog&object=unicorn"));
        assertThat(none.get("images")).isEmpty();
        assertThat(none.get("suggestions")).extracting(JsonNode::asText).contains(object);
    }

    @Test
    void aDateRangeKeepsOnlyThePhotosTakenInIt() throws Exception {
        long dated;
        try (var in = getClass().getResourceAsStream("/metadata/taken-local.jpg")) {
            dated = upload(in.readAllBytes());
        }
        current("/search?q=a+photo&limit=50", uploaded.size() + 1);
        JsonNode december = json(get("/search?q=a+photo&taken_after=2023-12-31&taken_before=2024"));
        assertThat(ids(december)).containsExactly(dated);
        assertThat(december.get("images").get(0).get("taken_at").asText()).isEqualTo("2023-12-31T23:59:58");
        assertThat(json(get("/search?q=a+photo&taken_before=2023-12-31T23:59:58")).get("images")).isEmpty();
        assertThat(ids(json(get("/images/" + uploaded.get(0) + "/similar?taken_after=2000")))).containsExactly(dated);
        assertThat(error(get("/search?q=a+photo&taken_before=31.12.2023"), 400).get("detail").asText())
                .contains("taken_before must be a date");
    }

    @Test
    void similarPhotosLeaveOutThePhotoAndARemovedPhotoNeverAppears() throws Exception {
        current("/search?q=x", uploaded.size());
        long photo = uploaded.get(0);
        JsonNode similar = json(get("/images/" + photo + "/similar?limit=20"));
        assertThat(ids(similar)).hasSize(uploaded.size() - 1).doesNotContain(photo);
        assertThat(scores(similar)).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        long removed = uploaded.get(1);
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(server.url("/images/" + removed)))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(ids(json(get("/search?q=x&limit=50")))).doesNotContain(removed);
        assertThat(ids(json(get("/images/" + photo + "/similar?limit=50")))).doesNotContain(removed);
        error(get("/images/" + removed + "/similar"), 404);
    }

    @Test
    void mistakesAreAnsweredWithTheirReason() throws Exception {
        assertThat(error(get("/search"), 400).get("detail").asText()).contains("q=");
        error(get("/search?q=+++"), 400);
        assertThat(error(get("/search?q=" + "x".repeat(400)), 400).get("detail").asText()).contains("300");
        error(get("/search?q=dog&limit=0"), 400);
        error(get("/search?q=dog&limit=500&offset=9600"), 400);
        error(get("/images/abc/similar"), 400);
        error(get("/images/999999/similar"), 404);
    }
}
