package org.imageorganizer.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the class-data training run asks its server (ADR 0030): what the web page asks (the page, a
 * script, /health, the images, an image, its thumbnail and file, the clusters) and one upload. The
 * answers are only logged: a server still loading its model answers 503, which is a path of its own.
 */
final class TrainingRequests {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRequests.class);
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String BOUNDARY = "image-organizer-training-boundary";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** @param base the server's address, ending in a slash */
    TrainingRequests(String base) {
        this.base = base;
    }

    /** Asks everything once; {@code upload} is sent as a multipart upload. */
    void askAll(Path upload) throws IOException, InterruptedException {
        for (String path : List.of("", "static/app.js", "health", "clusters", "clusters/grouped")) {
            get(path);
        }
        Matcher first = FIRST_ID.matcher(get("images?limit=50"));
        if (first.find()) {
            String id = first.group(1);
            for (String path : List.of("images/" + id, "images/" + id + "/thumbnail", "images/" + id + "/file")) {
                get(path);
            }
        }
        send(HttpRequest.newBuilder(URI.create(base + "images"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(upload))));
        get("health");
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        LOG.info("Training run: {} {} answered {}", built.method(), built.uri().getPath(), response.statusCode());
        return response.body();
    }

    private static byte[] multipart(Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
