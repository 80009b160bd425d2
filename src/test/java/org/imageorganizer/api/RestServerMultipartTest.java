package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.api.RestServerTest.error;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.imageorganizer.config.ServerOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart bodies the server refuses or loses halfway: whatever way the request ends, the parts it
 * spooled are gone, and the spool lives in the server's own folder, where a restart clears what a crash left.
 */
@Tag("model")
@Tag("database")
class RestServerMultipartTest {
    private static final int MIB = 1024 * 1024;
    @RegisterExtension
    static final RestServerFixture SERVERS = new RestServerFixture();

    @TempDir
    Path dir;
    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() {
        server = SERVERS.start(dir, ServerOptions.local(0).withLimits(2L * MIB, 4L * MIB, 12, 1000));
    }


    @Test
    void aPartOverTheFileLimitIsRefusedMidBodyAndLeavesNothingSpooled() throws Exception {
        // the first part (512 KiB) is spooled before the parser reaches the second one, over the 2 MiB limit
        Multipart twoParts = new Multipart().file("files", "fits.jpg", "image/jpeg", new byte[MIB / 2])
                .file("files", "big.jpg", "image/jpeg", new byte[3 * MIB]);
        HttpResponse<String> answer = http.send(twoParts.post(server.url("/images")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(error(answer, 413).get("detail").asText()).contains("2097152 bytes per file");
        assertSpoolEmpties();
    }

    @Test
    void aClientThatDisconnectsHalfwayLeavesNothingSpooled() throws Exception {
        byte[] body = new Multipart().file("files", "half.jpg", "image/jpeg", new byte[2 * MIB]).body();
        try (Socket socket = RawUploads.start(server.port, body, "Content-Length: " + body.length)) {
            socket.getOutputStream().write(body, 0, body.length / 2);
            socket.getOutputStream().flush();
            assertThat(RawUploads.awaitSpool(server.server.spoolFolder(), files -> !files.isEmpty()))
                    .as("the server writes the part to disk").isNotEmpty();
        }
        assertSpoolEmpties();
    }

    @Test
    void aChunkedBodyOverTheRequestLimitLeavesNothingSpooled() throws Exception {
        Multipart parts = new Multipart();
        for (int i = 0; i < 3; i++) {
            parts.file("files", "part" + i + ".jpg", "image/jpeg", new byte[3 * MIB / 2]); // 4.5 MiB in all
        }
        byte[] body = parts.body();
        String answer;
        try (Socket socket = RawUploads.start(server.port, body, "Transfer-Encoding: chunked")) {
            OutputStream out = socket.getOutputStream();
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                int length = Math.min(64 * 1024, body.length - offset);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, offset, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush(); // no last chunk: the server answers once it passes the limit
            answer = RestServerTest.readUntil(socket.getInputStream(), "}");
        }
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"payload_too_large\"");
        assertSpoolEmpties();
    }

    @Test
    void theSpoolIsInTheServersOwnFolderAndWhatACrashedServerLeftIsRemovedAtStart() throws Exception {
        assertThat(server.server.spoolFolder()).startsWithRaw(dir.resolve("upload-spool"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Path spoolRoot = other.resolve("upload-spool");
        Path crashed = Files.createDirectories(spoolRoot.resolve("crashed-server").resolve("7"));
        Files.write(crashed.resolve("MultiPart123.tmp"), new byte[4096]);
        Files.write(spoolRoot.resolve("crashed-server.lock"), new byte[0]);
        Files.write(spoolRoot.resolve("MultiPart456.tmp"), new byte[4096]);
        TestServer restarted = SERVERS.start(other, ServerOptions.local(0));
        try (Stream<Path> left = Files.walk(spoolRoot)) {
            assertThat(left.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("MultiPart")))
                    .as("spool files a crashed server left").isEmpty();
        }
        assertThat(spoolRoot.resolve("crashed-server")).doesNotExist();
        assertThat(restarted.server.spoolFolder()).startsWithRaw(spoolRoot);
    }

    @Test
    void aThousandPlainFormFieldsAreRefusedNamingTheFieldLimit() throws Exception {
        Multipart fields = new Multipart();
        for (int i = 0; i < 1000; i++) {
            fields.field("field" + i, "value");
        }
        HttpResponse<String> answer = http.send(fields.post(server.url("/images")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        String detail = error(answer, 413).get("detail").asText();
        assertThat(detail).contains("form fields").doesNotContain("bytes");
        assertSpoolEmpties();
    }

    /** The server's spool folder ends up holding nothing: no part, no request folder. */
    private void assertSpoolEmpties() throws Exception {
        Path folder = server.server.spoolFolder();
        assertThat(RawUploads.awaitSpool(folder, List::isEmpty)).as("left in " + folder).isEmpty();
    }
}
