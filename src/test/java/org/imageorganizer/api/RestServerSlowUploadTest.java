package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and stalled request bodies: they are cut off with 408, and uploads read at once are bounded
 * per client and in total (503 with Retry-After beyond), so reads keep answering meanwhile. The
 * tests hold uploads open with {@code Expect: 100-continue}: the server sends "100 Continue" when it
 * starts reading the body, that is once it has admitted the upload.
 */
@Tag("model")
@Tag("database")
class RestServerSlowUploadTest {
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final List<Socket> held = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void aStalledBodyIsCutOffWith408AfterTheIdleTimeout() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0).withSlowBodyLimits(0, Duration.ofSeconds(2)));
        byte[] body = upload();
        try (Socket socket = RawUploads.start(server.port, body, "Content-Length: " + body.length)) {
            socket.getOutputStream().write(body, 0, body.length / 2); // then nothing more
            socket.getOutputStream().flush();
            String answer = RestServerTest.readUntil(socket.getInputStream(), "}");
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"request_timeout\"").contains("2 s");
        }
        assertSpoolEmpties();
    }

    @Test
    void aTricklingBodyIsCutOffWith408BelowTheMinimumRate() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0).withSlowBodyLimits(1000, Duration.ofSeconds(30)));
        byte[] body = upload();
        try (Socket socket = RawUploads.start(server.port, body, "Content-Length: " + body.length)) {
            OutputStream out = socket.getOutputStream();
            // 10 bytes every 100 ms: 100 bytes a second, a tenth of the minimum
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                try {
                    for (int offset = 0; offset < body.length; offset += 10) {
                        out.write(body, offset, Math.min(10, body.length - offset));
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server has closed the connection
                }
            });
            String answer = RestServerTest.readUntil(socket.getInputStream(), "}");
            trickle.cancel(true);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"request_timeout\"")
                    .contains("1000 bytes a second");
        }
        assertSpoolEmpties();
    }

    @Test
    void uploadsOverTheClientsBoundGet503WithRetryAfterAndReadsStillAnswer() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0).withUploadsAtOnce(8, 2));
        hold("127.0.0.1");
        hold("127.0.0.1");

        HttpResponse<String> third = send(new Multipart().file("files", "a.jpg", "image/jpeg", RestServerTest.jpeg(0, 0))
                .post(server.url("/images")));
        JsonNode refused = error(third, 503);
        assertThat(refused.get("detail").asText()).contains("2 uploads in progress");
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
        assertThat(send(HttpRequest.newBuilder(URI.create(server.url("/health")))).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create(server.url("/images")))).statusCode()).isEqualTo(200);

        for (Socket socket : held) {
            socket.close(); // the server's reads fail, and the places are given back
        }
        int status = 503;
        for (int i = 0; i < 100 && status == 503; i++) {
            Thread.sleep(100);
            status = send(new Multipart().file("files", "a.jpg", "image/jpeg", RestServerTest.jpeg(0, 0))
                    .post(server.url("/images"))).statusCode();
        }
        assertThat(status).isEqualTo(201);
        assertSpoolEmpties();
    }

    @Test
    void healthAnswersWhileTheServerReadsAsManyUploadsAsItMay() throws Exception {
        server = SERVERS.start(dir, ServerOptions.local(0).withTrustedProxies(List.of("127.0.0.1"))
                .withUploadsAtOnce(2, 2));
        hold("203.0.113.1");
        hold("203.0.113.2");

        HttpResponse<String> third = send(new Multipart().file("files", "a.jpg", "image/jpeg", RestServerTest.jpeg(0, 0))
                .post(server.url("/images")).header("X-Forwarded-For", "203.0.113.3"));
        assertThat(error(third, 503).get("detail").asText()).contains("as many uploads as it can");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(server.url("/health"))));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
    }

    /** Starts an upload from {@code client} and returns once the server reads its body; it is never finished. */
    private void hold(String client) throws IOException {
        byte[] body = upload();
        Socket socket = RawUploads.start(server.port, body, "Content-Length: " + body.length,
                "X-Forwarded-For: " + client, "Expect: 100-continue");
        held.add(socket);
        String interim = readLine(socket.getInputStream());
        assertThat(interim).as("the server starts reading the upload").startsWith("HTTP/1.1 100");
    }

    private static byte[] upload() {
        byte[] content = new byte[600 * 1024]; // spooled to disk (over 256 KiB)
        return new Multipart().file("files", "slow.jpg", "image/jpeg", content).body();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertSpoolEmpties() throws Exception {
        assertThat(RawUploads.awaitSpool(server.server.spoolFolder(), List::isEmpty)).as("left in the spool").isEmpty();
    }
}
