package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.error;
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
import org.imageorganizer.testing.Scenes;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** PATCH /images/ID, POST /images/corrections and /categories (issue 18). */
@Tag("model")
@Tag("database")
class SortingRoutesTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = http.send(new Multipart().file("files", "a.jpg", "image/jpeg",
                    TestImages.encode(Scenes.scene(10 + i * 7, 320, 240), "jpg")).post(server.url("/images")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(json(created).get("files").get(0).get("id").asLong());
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json(response);
    }

    @Test
    void aPhotosCategoryIsTheUsersUntilItIsSetBackToTheModels() throws Exception {
        long id = ids.get(0);
        String predicted = ok("GET", "/images/" + id, null).get("object_category").asText();
        String other = predicted.equals("dog") ? "cat" : "dog";

        JsonNode patched = ok("PATCH", "/images/" + id, "{\"object_category\": \"" + other + "\"}");
        assertThat(patched.get("object_category").asText()).isEqualTo(other);
        assertThat(patched.get("object_by_user").asBoolean()).isTrue();
        assertThat(patched.get("background_by_user").asBoolean()).isFalse();
        assertThat(ok("GET", "/images/" + id, null).get("object_by_user").asBoolean()).isTrue();
        assertThat(ok("GET", "/images?limit=50", null).toString()).contains("\"object_by_user\":true");

        JsonNode back = ok("PATCH", "/images/" + id, "{\"object_category\": null}");
        assertThat(back.get("object_category").asText()).isEqualTo(predicted);
        assertThat(back.get("object_by_user").asBoolean()).isFalse();

        JsonNode many = ok("POST", "/images/corrections", "{\"ids\": [" + ids.get(1) + ", " + ids.get(2)
                + "], \"background_category\": \"beach\"}");
        assertThat(many.get("changed").asInt()).isEqualTo(2);
        assertThat(ok("GET", "/images/" + ids.get(2), null).get("background_category").asText()).isEqualTo("beach");
    }

    @Test
    void mistakesAreAnsweredWithTheirReasonAndChangeNothing() throws Exception {
        long id = ids.get(0);
        JsonNode before = ok("GET", "/images/" + id, null);
        assertThat(error(send("PATCH", "/images/" + id, "{\"object_category\": \"unicorn\"}"), 400).get("detail").asText())
                .startsWith("There is no object category \"unicorn\"");
        error(send("PATCH", "/images/" + id, "{\"object_category\": 5}"), 400);
        error(send("PATCH", "/images/" + id, "{}"), 400);
        error(send("PATCH", "/images/" + id, "not json"), 400);
        error(send("PATCH", "/images/999999", "{\"object_category\": \"dog\"}"), 404);
        error(send("POST", "/images/corrections", "{\"ids\": [], \"object_category\": \"dog\"}"), 400);
        error(send("POST", "/images/corrections", "{\"ids\": [1.5], \"object_category\": \"dog\"}"), 400);
        assertThat(error(send("POST", "/images/corrections", "{\"ids\": [" + id + ", 999999], \"object_category\": \"dog\"}"),
                400).get("detail").asText()).isEqualTo("The library has no photo with id 999999.");
        error(send("PUT", "/images/" + id, "{}"), 405);
        assertThat(ok("GET", "/images/" + id, null)).isEqualTo(before);
    }

    @Test
    void categoriesAreListedAddedRenamedAndRemovedAndTheLibraryIsSortedAgain() throws Exception {
        JsonNode listed = ok("GET", "/categories", null);
        assertThat(listed.get("threshold").asDouble()).isEqualTo(0.2);
        assertThat(listed.get("categories")).extracting(c -> c.get("name").asText()).contains("cat", "dog", "beach");

        JsonNode added = ok("POST", "/categories", "{\"kind\": \"object\", \"name\": \"my bike\", \"words\": \"a red road bike\"}");
        assertThat(added.get("kind").asText()).isEqualTo("object");
        long bike = added.get("id").asLong();
        assertThat(error(send("POST", "/categories", "{\"kind\": \"object\", \"name\": \"My Bike\"}"), 400).get("detail").asText())
                .isEqualTo("There is already an object category \"My Bike\".");
        error(send("POST", "/categories", "{\"kind\": \"animal\", \"name\": \"x\"}"), 400);
        error(send("POST", "/categories", "{\"kind\": \"object\", \"name\": \"other\"}"), 400);

        JsonNode renamed = ok("PATCH", "/categories/" + bike, "{\"name\": \"bike\"}");
        assertThat(renamed.get("name").asText()).isEqualTo("bike");
        assertThat(renamed.get("words").asText()).isEqualTo("a red road bike");
        error(send("PATCH", "/categories/99999", "{\"name\": \"x\"}"), 404);
        error(send("PATCH", "/categories/abc", "{\"name\": \"x\"}"), 400);

        ok("PATCH", "/images/" + ids.get(0), "{\"object_category\": \"bike\"}");
        assertThat(ok("DELETE", "/categories/" + bike, null).get("removed").get("name").asText()).isEqualTo("bike");
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode photo = ok("GET", "/images/" + ids.get(0), null);
        while ((photo.get("object_category").asText().equals("bike") || ok("GET", "/categories", null).get("resorting").asBoolean())
                && System.nanoTime() < deadline) { // the server sorts the library again in the background
            Thread.sleep(100);
            photo = ok("GET", "/images/" + ids.get(0), null);
        }
        assertThat(photo.get("object_category").asText()).as("its next-best category").isNotEqualTo("bike");
        assertThat(photo.get("object_by_user").asBoolean()).isFalse();
        assertThat(ok("GET", "/images?limit=50", null).get("total").asInt()).as("nothing left the library").isEqualTo(3);
    }

    @Test
    void theThresholdIsTheLibrarysAndSendsUnsurePhotosToOther() throws Exception {
        JsonNode set = ok("PUT", "/categories/threshold", "{\"threshold\": 0.999}");
        assertThat(set.get("threshold").asDouble()).isEqualTo(0.999);
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode photo = ok("GET", "/images/" + ids.get(0), null);
        while (!photo.get("object_category").asText().equals("other") && System.nanoTime() < deadline) {
            Thread.sleep(100); // the server sorts the library again in the background
            photo = ok("GET", "/images/" + ids.get(0), null);
        }
        assertThat(photo.get("object_category").asText()).isEqualTo("other");
        error(send("PUT", "/categories/threshold", "{\"threshold\": 1}"), 400);
        error(send("PUT", "/categories/threshold", "{\"threshold\": \"high\"}"), 400);
        assertThat(ok("GET", "/categories", null).get("threshold").asDouble()).isEqualTo(0.999);
    }
}
