package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.jpeg;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.model.ImageRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once, and a stop in the middle of uploads. */
@Tag("model")
@Tag("database")
class RestServerConcurrencyTest {
    private static final int CLIENTS = 8;
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void simultaneousUploadsAllLandExactlyOnce() throws Exception {
        byte[] shared = jpeg(2, 99);
        try (TestServer server = SERVERS.start(dir, ServerOptions.local(0))) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Multipart body = new Multipart().file("files", "shared.jpg", "image/jpeg", shared);
                for (int i = 0; i < 3; i++) {
                    body.file("files", "client" + c + "-" + i + ".jpg", "image/jpeg", unique(c, i));
                }
                HttpRequest request = body.post(server.url("/images")).timeout(Duration.ofSeconds(120)).build();
                responses.add(clients.submit(() -> {
                    go.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            Set<Long> sharedIds = new HashSet<>();
            int sharedCreated = 0;
            Set<Long> ownIds = new HashSet<>();
            for (Future<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                JsonNode files = RestServerTest.JSON.readTree(response.body()).get("files");
                assertThat(files).hasSize(4);
                sharedIds.add(files.get(0).get("id").asLong());
                sharedCreated += files.get(0).get("duplicate").asBoolean() ? 0 : 1;
                for (int i = 1; i < 4; i++) {
                    assertThat(files.get(i).get("duplicate").asBoolean()).isFalse();
                    ownIds.add(files.get(i).get("id").asLong());
                }
            }
            clients.shutdown();
            assertThat(sharedIds).as("the same file from 8 clients is one image").hasSize(1);
            assertThat(sharedCreated).isEqualTo(1);
            assertThat(ownIds).hasSize(CLIENTS * 3).doesNotContainAnyElementsOf(sharedIds);
            assertThat(server.library.images().count()).isEqualTo(CLIENTS * 3 + 1);
            assertStorageMatchesRows(server);
        }
    }

    @Test
    void stoppingLetsUploadsInProgressFinishAndLeavesNothingHalfWritten() throws Exception {
        TestServer server = SERVERS.start(dir, ServerOptions.local(0));
        List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < 4; c++) {
                Multipart body = new Multipart();
                for (int i = 0; i < 6; i++) {
                    body.file("files", "p" + c + i + ".jpg", "image/jpeg", unique(c, 10 + i));
                }
                HttpRequest request = body.post(server.url("/images")).timeout(Duration.ofSeconds(120)).build();
                uploads.add(clients.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
            }
            Thread.sleep(150); // some are being processed
            server.server.stop(Duration.ofSeconds(60));
            for (Future<HttpResponse<String>> upload : uploads) {
                try {
                    HttpResponse<String> response = upload.get();
                    assertThat(response.statusCode()).as(response.body()).isIn(201, 503);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).as("only refused before it was taken").isInstanceOf(java.io.IOException.class);
                }
            }
            HttpResponse<String> after;
            try {
                after = http.send(HttpRequest.newBuilder(URI.create(server.url("/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(after.statusCode()).isEqualTo(503);
            } catch (java.io.IOException e) {
                // the port is closed: as good
            }
            assertStorageMatchesRows(server);
        } finally {
            clients.shutdownNow();
            server.close();
        }
    }

    /** A picture no other (client, index) pair gets: the size differs. */
    private static byte[] unique(int client, int index) {
        return org.imageorganizer.testing.TestImages.encode(
                org.imageorganizer.testing.TestImages.picture(client % 3, index, 300 + client, 200 + index), "jpg");
    }

    /** Every stored file has its row and every managed row its file; no temporary file is left. */
    private static void assertStorageMatchesRows(TestServer server) throws Exception {
        Set<String> files = new HashSet<>();
        if (Files.isDirectory(server.storageDir)) {
            try (Stream<Path> stored = Files.list(server.storageDir)) {
                stored.forEach(p -> files.add(p.getFileName().toString()));
            }
        }
        Set<String> keys = new HashSet<>();
        for (ImageRecord image : server.library.images().list(0, 10_000)) {
            keys.add(image.location());
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(keys);
    }
}
