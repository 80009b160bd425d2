package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.jpeg;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.imageorganizer.store.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two server instances on one PostgreSQL library, as behind a load balancer. */
@Tag("model")
@Tag("database")
class TwoServersOnePostgresTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();
    @TempDir
    Path dir;

    @Test
    void theSameFileSentToBothAtOnceEndsAsOneImage() throws Exception {
        TestDatabase database = TestDatabase.postgres();
        HttpClient http = HttpClient.newHttpClient();
        try (TestServer a = SERVERS.start(Files.createDirectories(dir.resolve("a")), ServerOptions.local(0), database);
             TestServer b = SERVERS.start(Files.createDirectories(dir.resolve("b")), ServerOptions.local(0), database)) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                byte[] photo = jpeg(round % 3, 900 + round);
                CountDownLatch go = new CountDownLatch(1);
                for (TestServer server : List.of(a, b, a, b)) {
                    HttpRequest request = new Multipart().file("files", "same.jpg", "image/jpeg", photo)
                            .post(server.url("/images")).timeout(Duration.ofSeconds(60)).build();
                    answers.add(clients.submit(() -> {
                        go.await();
                        return http.send(request, HttpResponse.BodyHandlers.ofString());
                    }));
                }
                go.countDown();
            }
            Set<Long> ids = new HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                JsonNode file = RestServerTest.JSON.readTree(response.body()).get("files").get(0);
                ids.add(file.get("id").asLong());
                created += file.get("duplicate").asBoolean() ? 0 : 1;
            }
            clients.shutdown();
            assertThat(ids).as("four different photos, each sent four times to two servers").hasSize(4);
            assertThat(created).isEqualTo(4);
            assertThat(a.library.images().count()).isEqualTo(4);
            assertThat(storedFiles(a.storageDir) + storedFiles(b.storageDir)).as("the losers removed their copies").isEqualTo(4);
        }
    }

    private static long storedFiles(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
