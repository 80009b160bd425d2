package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.error;
import static org.imageorganizer.api.RestServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.testing.Scenes;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GET /duplicates and POST /duplicates/resolve: stacks with their keeper, and keeping one. */
@Tag("model")
@Tag("database")
class DuplicateRoutesTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private long large;
    private long small;
    private long other;

    @BeforeEach
    void start() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0));
        BufferedImage picture = Scenes.scene(11, 640, 480);
        BufferedImage half = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.drawImage(picture, 0, 0, 320, 240, null);
        g.dispose();
        large = upload(TestImages.encode(picture, "jpg"));
        small = upload(TestImages.encode(half, "jpg"));
        other = upload(TestImages.encode(Scenes.scene(40, 640, 480), "jpg"));
    }

    private long upload(byte[] photo) throws Exception {
        HttpResponse<String> created = http.send(new Multipart().file("files", "a.jpg", "image/jpeg", photo)
                .post(server.url("/images")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("files").get(0).get("id").asLong();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> resolve(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url("/duplicates/resolve")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The photos like one, once the search index has followed the uploads (it does so in the background). */
    private JsonNode similarOnceIndexed(long id) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        HttpResponse<String> similar = get("/images/" + id + "/similar");
        while (!followed(similar) && System.nanoTime() < deadline) { // 404 or 503 until it has this photo
            Thread.sleep(100);
            similar = get("/images/" + id + "/similar");
        }
        assertThat(similar.statusCode()).as(similar.body()).isEqualTo(200);
        return json(similar);
    }

    private static boolean followed(HttpResponse<String> similar) throws Exception {
        if (similar.statusCode() != 200) {
            return false;
        }
        JsonNode page = json(similar);
        return page.get("images").size() + page.get("duplicates").size() >= 2;
    }

    @Test
    void similarPhotosShowTheNearDuplicatesApartBeforeAnyFullPass() throws Exception {
        JsonNode similar = similarOnceIndexed(small);
        assertThat(similar.get("duplicates")).extracting(d -> d.get("id").asLong()).containsExactly(large);
        assertThat(similar.get("images")).extracting(d -> d.get("id").asLong()).containsExactly(other);
    }

    @Test
    void theStackKeepsTheLargestAndResolvingRemovesTheOthers() throws Exception {
        JsonNode listed = json(get("/duplicates"));
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        JsonNode stack = listed.get("stacks").get(0);
        assertThat(stack.get("keeper").get("id").asLong()).isEqualTo(large);
        assertThat(stack.get("keeper").get("thumbnail_url").asText()).contains("/images/" + large + "/thumbnail");
        assertThat(stack.get("others")).hasSize(1);
        assertThat(stack.get("others").get(0).get("id").asLong()).isEqualTo(small);
        assertThat(stack.get("others").get(0).get("why").asText()).startsWith("Same picture, resized");
        String token = stack.get("token").asText();

        assertThat(similarOnceIndexed(large).get("duplicates")).extracting(d -> d.get("id").asLong())
                .containsExactly(small);

        HttpResponse<String> done = resolve("{\"token\":\"" + token + "\",\"keep\":" + large + ",\"remove\":[" + small + "]}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("kept").asLong()).isEqualTo(large);
        assertThat(json(done).get("removed").get(0).get("id").asLong()).isEqualTo(small);
        assertThat(json(done).get("removed").get(0).get("copy_deleted").asBoolean()).as("the server's own copy").isTrue();
        error(get("/images/" + small), 404);
        assertThat(json(get("/duplicates")).get("total").asInt()).isZero();

        HttpResponse<String> again = resolve("{\"token\":\"" + token + "\",\"keep\":" + large + ",\"remove\":[" + small + "]}");
        assertThat(error(again, 409).get("error").asText()).isEqualTo("stack_changed");
    }

    @Test
    void aResolveThatIsNotTheStacksIsRefused() throws Exception {
        String token = json(get("/duplicates")).get("stacks").get(0).get("token").asText();
        error(resolve("{\"token\":\"" + token + "\",\"keep\":" + large + ",\"remove\":[" + other + "]}"), 400);
        error(resolve("{\"token\":\"" + token + "\",\"keep\":" + large + ",\"remove\":[" + large + "]}"), 400);
        error(resolve("{\"token\":\"" + token + "\",\"keep\":" + large + ",\"remove\":[]}"), 400);
        error(resolve("{\"token\":\"1-2.abc\",\"keep\":1,\"remove\":[2]}"), 400);
        error(resolve("{\"token\":\"" + token + "\",\"keep\":\"x\",\"remove\":[2]}"), 400);
        error(resolve("not json"), 400);
        error(resolve("[1,2]"), 400);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.url("/duplicates/resolve")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=b"))
                .build(), HttpResponse.BodyHandlers.ofString());
        error(form, 415);
        error(resolve("{\"pad\":\"" + "x".repeat(70_000) + "\"}"), 413);
        error(get("/duplicates?exact_only=maybe"), 400);
        assertThat(json(get("/images/" + small)).get("id").asLong()).as("nothing was removed").isEqualTo(small);
    }
}
