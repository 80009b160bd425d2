package org.imageorganizer.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Clients uploading photos to a server as fast as it takes them, one photo per request, until
 * closed. Every upload is a distinct file (the photos cycle, each copy made unique by eight bytes
 * appended after its end, as in {@link RssBench}), so each one goes through decoding, the model and
 * the database, and changes the library. Each client names its own address in X-Forwarded-For (the
 * bench's server trusts the loopback address as a proxy), so that per-client limits see 16 clients,
 * not one; an upload the server asks to retry later (429, 503) is retried after a short pause.
 */
final class UploadLoad implements AutoCloseable {
    private static final String BOUNDARY = "----image-organizer-bench";
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final URI images;
    private final List<Photo> photos;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ExecutorService pool;
    private volatile boolean stopping;

    private record Photo(String name, byte[] bytes) {
    }

    private UploadLoad(URI images, List<Photo> photos, int clients) {
        this.images = images;
        this.photos = photos;
        this.pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-uploader");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code clients} clients uploading to {@code images} (the server's POST /images).
     *
     * @param photoDir the benchmark photos (JPEG and PNG; other files are left out)
     */
    static UploadLoad start(URI images, Path photoDir, int clients) {
        List<Photo> photos = readPhotos(photoDir);
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no JPEG or PNG photos in " + photoDir);
        }
        UploadLoad load = new UploadLoad(images, photos, clients);
        for (int c = 0; c < clients; c++) {
            String address = "198.51.100." + (c + 1);
            load.pool.execute(() -> load.uploadUntilStopped(address));
        }
        return load;
    }

    /** Uploads the library has taken so far (answers 201). */
    int created() {
        return created.get();
    }

    /** Uploads the server asked to retry later (429 or 503) so far. */
    int retried() {
        return retried.get();
    }

    /** Waits until {@code count} uploads were created (the model is busy by then). */
    void awaitCreated(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (created.get() < count) {
            rethrow();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + created.get() + " of " + count + " uploads were created after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private void uploadUntilStopped(String address) {
        while (!stopping) {
            int n = next.getAndIncrement();
            Photo photo = photos.get(n % photos.size());
            try {
                HttpResponse<String> response = client.send(request(n, photo, address), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 || response.statusCode() == 503) {
                    retried.incrementAndGet();
                    Thread.sleep(RETRY_PAUSE.toMillis());
                    continue;
                }
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("an upload answered " + response.statusCode() + ": "
                            + response.body().substring(0, Math.min(200, response.body().length())));
                }
                created.incrementAndGet();
            } catch (IOException e) {
                if (!stopping) {
                    fail(new UncheckedIOException("an upload failed: " + e.getMessage(), e));
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
        }
    }

    private void fail(RuntimeException e) {
        failure.compareAndSet(null, e);
        stopping = true;
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private HttpRequest request(int n, Photo photo, String address) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(photo.bytes().length + 512);
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + n + "-"
                + photo.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo.bytes());
        for (int b = 0; b < 8; b++) {
            body.write(n >>> (8 * b)); // after the image's end: a new file for the library, the same picture
        }
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.newBuilder(images).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static List<Photo> readPhotos(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Photo> photos = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.matches("(?i).*\\.(jpe?g|png)")) {
                    photos.add(new Photo(name, Files.readAllBytes(file)));
                }
            }
            return photos;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the photos in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Stops the clients (uploads in flight finish) and reports the first failure, if any. */
    @Override
    public void close() {
        stopping = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(3, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        rethrow();
    }
}
