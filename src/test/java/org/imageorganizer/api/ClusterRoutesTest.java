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
}
