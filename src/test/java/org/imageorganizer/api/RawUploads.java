package org.imageorganizer.api;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Uploads written by hand on a socket (to stop, stall or trickle mid-body), and a look into the server's spool. */
final class RawUploads {
    private RawUploads() {
    }

    /**
     * Opens a connection and sends the head of {@code POST /images} for a {@link Multipart} body, with
     * the given header lines (Content-Length or Transfer-Encoding among them); the body is the caller's.
     */
    static Socket start(int port, byte[] body, String... headers) throws IOException {
        String opening = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        String boundary = opening.substring(2, opening.indexOf("\r\n"));
        StringBuilder head = new StringBuilder("POST /images HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Content-Type: multipart/form-data; boundary=").append(boundary).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Everything under the spool folder (request folders and parts). */
    static List<Path> spooled(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> entries = Files.walk(folder)) {
                return entries.filter(p -> !p.equals(folder)).toList();
            } catch (java.io.UncheckedIOException e) {
                // the server removed an entry while it was walked (a request's spool going): look again
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 20) {
                    throw e;
                }
            }
        }
    }

    /** What the spool folder holds once {@code condition} is met, or after 20 s (requests end on the server's threads). */
    static List<Path> awaitSpool(Path folder, Predicate<List<Path>> condition) throws IOException, InterruptedException {
        List<Path> held = spooled(folder);
        for (int i = 0; i < 200 && !condition.test(held); i++) {
            Thread.sleep(100);
            held = spooled(folder);
        }
        return held;
    }
}
