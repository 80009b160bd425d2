package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * /clusters and /clusters/grouped right after uploads: every image is in the answer at once, the
 * ones the clustering has not reached in a pending entry of their group, and the ETag follows.
 */
@Tag("model")
@Tag("database")
class ClusterRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int photos;

    @BeforeEach
    void start() {
        server = SERVERS.start(dir, ServerOptions.local(0).withLimits(2L * 1024 * 1024, 4L * 1024 * 1024, 12, 1000));
    }

    /** Uploads {@code count} new photos in one request; their ids. */
    private List<Long> upload(int count) throws Exception {
        Multipart body = new Multipart();
        for (int i = 0; i < count; i++) {
            int n = photos++;
            body.file("files", "photo" + n + ".jpg", "image/jpeg",
                    TestImages.encode(TestImages.picture(n % 3, n, 320, 240), "jpg"));
        }
        HttpResponse<String> created = send(body.post(server.url("/images")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        JSON.readTree(created.body()).get("files").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static boolean stale(HttpResponse<String> response) {
        return Boolean.parseBoolean(response.headers().firstValue("X-Clusters-Stale").orElseThrow());
    }

    /** Every image id in the grouped tree, each group's clusters checked to hold exactly its images. */
    private static List<Long> groupedIds(JsonNode grouped) {
        List<Long> all = new ArrayList<>();
        for (JsonNode object : grouped) {
            int total = 0;
            for (JsonNode background : object.get("subgroups")) {
                List<Long> ids = longs(background.get("image_ids"));
                List<Long> inClusters = new ArrayList<>();
                background.get("clusters").forEach(c -> inClusters.addAll(longs(c.get("image_ids"))));
                assertThat(inClusters).as(background.toString()).containsExactlyInAnyOrderElementsOf(ids);
                total += ids.size();
                all.addAll(ids);
            }
            assertThat(object.get("total_images").asInt()).isEqualTo(total);
        }
        return all;
    }

    private static List<JsonNode> pendingEntries(JsonNode clusters) {
        List<JsonNode> pending = new ArrayList<>();
        clusters.forEach(c -> {
            if (c.path("pending").asBoolean()) {
                pending.add(c);
            }
        });
        return pending;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    @Test
    void theTreeReadRightAfterAnUploadHoldsEveryUploadedImage() throws Exception {
        List<Long> ids = upload(6);

        HttpResponse<String> grouped = get("/clusters/grouped", null); // no waiting for the debounced clustering
        assertThat(grouped.statusCode()).isEqualTo(200);
        assertThat(groupedIds(JSON.readTree(grouped.body()))).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        HttpResponse<String> flat = get("/clusters", null);
        List<Long> inFlat = new ArrayList<>();
        JSON.readTree(flat.body()).get("clusters").forEach(c -> inFlat.addAll(longs(c.get("image_ids"))));
        assertThat(inFlat).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);

        List<Long> more = upload(2);
        List<Long> all = new ArrayList<>(ids);
        all.addAll(more);
        assertThat(groupedIds(JSON.readTree(get("/clusters/grouped", null).body()))).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void imagesTheClusteringHasNotReachedAreOnePendingEntryPerGroup() throws Exception {
        server.clusterer.close(); // no recomputation will land: what the answer says until it does
        List<Long> ids = upload(5);

        HttpResponse<String> grouped = get("/clusters/grouped", null);
        assertThat(stale(grouped)).isTrue();
        JsonNode tree = JSON.readTree(grouped.body());
        assertThat(groupedIds(tree)).containsExactlyInAnyOrderElementsOf(ids);
        for (JsonNode object : tree) {
            for (JsonNode background : object.get("subgroups")) {
                JsonNode clusters = background.get("clusters");
                assertThat(clusters).hasSize(1);
                JsonNode entry = clusters.get(0);
                assertThat(entry.has("cluster_id")).as(entry.toString()).isTrue();
                assertThat(entry.get("cluster_id").isNull()).as(entry.toString()).isTrue();
                assertThat(entry.get("pending").asBoolean()).isTrue();
                assertThat(entry.has("noise")).isFalse();
                assertThat(longs(entry.get("image_ids"))).isEqualTo(longs(background.get("image_ids")));
            }
        }

        JsonNode flat = JSON.readTree(get("/clusters", null).body());
        assertThat(flat.get("stale").asBoolean()).isTrue();
        List<JsonNode> pending = pendingEntries(flat.get("clusters"));
        assertThat(pending).hasSameSizeAs(flat.get("clusters"));
        List<Long> inFlat = new ArrayList<>();
        for (JsonNode entry : pending) {
            assertThat(entry.get("cluster_id").isNull()).isTrue();
            assertThat(entry.get("object_category").asText()).isNotBlank();
            assertThat(entry.get("background_category").asText()).isNotBlank();
            inFlat.addAll(longs(entry.get("image_ids")));
        }
        assertThat(inFlat).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void theEtagChangesWithThePendingImagesAndAnUnchangedAnswerIsA304() throws Exception {
        upload(3);
        server.clusterer.refreshNow();
        HttpResponse<String> fresh = get("/clusters/grouped", null);
        assertThat(stale(fresh)).isFalse();
        assertThat(fresh.body()).doesNotContain("\"pending\"");
        assertThat(get("/clusters/grouped", etag(fresh)).statusCode()).isEqualTo(304);

        server.clusterer.close(); // the new image stays pending
        List<Long> added = upload(1);
        HttpResponse<String> withPending = get("/clusters/grouped", etag(fresh));
        assertThat(withPending.statusCode()).isEqualTo(200);
        assertThat(etag(withPending)).isNotEqualTo(etag(fresh));
        assertThat(groupedIds(JSON.readTree(withPending.body()))).contains(added.get(0));
        assertThat(get("/clusters/grouped", etag(withPending)).statusCode()).as("the same pending images").isEqualTo(304);
        HttpResponse<String> flat = get("/clusters", null);
        assertThat(etag(flat)).isNotEqualTo(etag(withPending));
        assertThat(get("/clusters", etag(flat)).statusCode()).isEqualTo(304);

        List<Long> another = upload(1);
        HttpResponse<String> morePending = get("/clusters/grouped", etag(withPending));
        assertThat(morePending.statusCode()).isEqualTo(200);
        assertThat(groupedIds(JSON.readTree(morePending.body()))).contains(another.get(0));
        assertThat(etag(morePending)).isNotEqualTo(etag(withPending)).isNotEqualTo(etag(fresh));
    }

    private HttpResponse<String> putName(String key, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.url("/clusters/" + key + "/name")))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The cluster with this key in the grouped answer. */
    private JsonNode grouped(String key) throws IOException, InterruptedException {
        for (JsonNode object : JSON.readTree(get("/clusters/grouped", null).body())) {
            for (JsonNode background : object.get("subgroups")) {
                for (JsonNode cluster : background.get("clusters")) {
                    if (key.equals(cluster.path("cluster_key").asText())) {
                        return cluster;
                    }
                }
            }
        }
        throw new AssertionError("no cluster " + key);
    }

    @Test
    void aClusterIsNamedByItsKeyAndBothAnswersCarryTheName() throws Exception {
        upload(4);
        server.clusterer.refreshNow();
        HttpResponse<String> before = get("/clusters/grouped", null);
        JsonNode first = null;
        for (JsonNode cluster : JSON.readTree(get("/clusters", null).body()).get("clusters")) {
            if (!cluster.path("noise").asBoolean()) {
                first = cluster;
                break;
            }
        }
        assertThat(first).isNotNull();
        String key = first.get("cluster_key").asText();
        assertThat(first.has("name")).as("the API leaves nulls out: no name yet").isFalse();
        assertThat(longs(first.get("image_ids"))).contains(first.get("cover_image_id").asLong());

        HttpResponse<String> named = putName(key, "{\"name\": \" Ski trip \"}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(named.body());
        assertThat(answer.get("cluster_key").asText()).isEqualTo(key);
        assertThat(answer.get("name").asText()).isEqualTo("Ski trip");
        assertThat(answer.get("cluster_id").asInt()).isEqualTo(first.get("cluster_id").asInt());
        assertThat(answer.get("object_category").asText()).isEqualTo(first.get("object_category").asText());
        assertThat(grouped(key).get("name").asText()).isEqualTo("Ski trip");
        assertThat(get("/clusters/grouped", etag(before)).statusCode()).as("a new name is a new answer").isEqualTo(200);
        assertThat(get("/clusters", null).body()).contains("\"name\":\"Ski trip\"");

        HttpResponse<String> cleared = putName(key, "{\"name\": null}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cleared.body()).get("name").isNull()).isTrue();
        assertThat(grouped(key).has("name")).isFalse();

        HttpResponse<String> unknown = putName("no-such-key", "{\"name\": \"Trip\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("not_found");
        for (String bad : List.of("{\"name\": \"  \"}", "{\"name\": \"" + "x".repeat(201) + "\"}",
                "{\"name\": \"bell\\u0007\"}", "{}", "{\"name\": 5}", "[\"Trip\"]")) {
            HttpResponse<String> refused = putName(key, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("bad_request");
        }
        assertThat(putName(key, "{\"name\": \"" + "y".repeat(200) + "\"}").statusCode()).isEqualTo(200);
        assertThat(get("/clusters/" + key + "/name", null).statusCode()).isEqualTo(405);
    }
}
