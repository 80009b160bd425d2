package org.imageorganizer.bench;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the REST server's read endpoints over a library of synthetic images whose clusters
 * are up to date: the real server (started as {@code serve} starts it) on the loopback address,
 * called over HTTP/1.1 with keep-alive, first one request at a time, then from several clients at
 * once. Every request is timed from sending to the last byte of the answer.
 */
final class RestLatencyBench {
    /** The target of the issue: p99 at most this many milliseconds when nothing changed. */
    static final double TARGET_P99_MS = 50;
    /** The offset of the deep, filtered page. */
    static final int DEEP_OFFSET = 5000;
    private static final int PAGE = 50;
    private static final Duration FRESH_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private final BenchServices services;
    private final Path workDir;
    private final Path modelDir;

    RestLatencyBench(BenchServices services, Path workDir, Path modelDir) {
        this.services = services;
        this.workDir = workDir;
        this.modelDir = modelDir;
    }

    /**
     * One request type measured with a number of clients.
     *
     * @param request           method and path, as printed
     * @param clients           clients calling at once
     * @param bodyBytes         size of the answer's body
     * @param latencies         per-request latencies
     * @param requestsPerSecond requests answered per second of wall time
     * @param hasTarget         whether the p99 target applies
     */
    record Row(String request, int clients, int bodyBytes, Latencies latencies, double requestsPerSecond, boolean hasTarget) {
        boolean met() {
            return latencies.p99Ms() <= TARGET_P99_MS;
        }
    }

    /** The library measured on and the rows. */
    record Result(RestLibrary.Built library, int warmUp, List<Row> rows) {
    }

    /**
     * Builds the library, starts the server on it and measures.
     *
     * @param images   images in the library
     * @param warmUp   untimed requests per request type before measuring
     * @param requests timed requests per request type and client count
     * @param clients  clients of the concurrent runs (1 for sequential runs only)
     */
    Result run(int images, int warmUp, int requests, int clients) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(workDir, "rest-");
        RestLibrary.Built library = RestLibrary.build(folder.resolve("library"), images, 7);
        int deepOffset = (int) Math.max(0, Math.min(DEEP_OFFSET, library.largestObjectImages() - PAGE));
        List<String> paths = List.of("/clusters/grouped", "/images",
                "/images?object=" + library.largestObject() + "&offset=" + deepOffset);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<Row> rows = new ArrayList<>();
        try (BenchServices.RunningServer server = services.startServer(library.database(), folder.resolve("storage"), modelDir)) {
            URI base = server.url();
            awaitFreshClusters(client, base.resolve("/clusters/grouped"));
            checkTotal(client, base.resolve("/images"), images);
            for (String path : paths) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).GET().build();
                for (int i = 0; i < warmUp; i++) {
                    send(client, request);
                }
                boolean hasTarget = !path.contains("?");
                int bodyBytes = send(client, request).body().length;
                rows.add(measure(client, request, "GET " + path, 1, requests, bodyBytes, hasTarget));
                if (clients > 1) {
                    rows.add(measure(client, request, "GET " + path, clients, requests, bodyBytes, hasTarget));
                }
            }
        }
        return new Result(library, warmUp, rows);
    }

    private static Row measure(HttpClient client, HttpRequest request, String label, int clients, int requests,
            int bodyBytes, boolean hasTarget) throws InterruptedException {
        long[] nanos = new long[requests];
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> callers = new ArrayList<>(clients);
            for (int c = 0; c < clients; c++) {
                int first = c * requests / clients;
                int end = (c + 1) * requests / clients;
                callers.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < end; i++) {
                        long t0 = System.nanoTime();
                        send(client, request);
                        nanos[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            Stopwatch watch = new Stopwatch();
            start.countDown();
            for (Future<?> caller : callers) {
                caller.get();
            }
            double seconds = watch.seconds();
            return new Row(label, clients, bodyBytes, Latencies.ofNanos(nanos), requests / seconds, hasTarget);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark request failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends a request and reads the whole answer, which must be 200 OK. */
    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                String body = new String(response.body(), StandardCharsets.UTF_8);
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + body.substring(0, Math.min(200, body.length())));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed: " + e.getMessage(), e);
        }
    }

    /** Waits until the server says its clusters are not stale (its start-up check of the library is over). */
    private static void awaitFreshClusters(HttpClient client, URI grouped) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(grouped).GET().build();
        long deadline = System.nanoTime() + FRESH_TIMEOUT.toNanos();
        while (!"false".equals(send(client, request).headers().firstValue("X-Clusters-Stale").orElse(null))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server's clusters were still stale after " + FRESH_TIMEOUT.toMinutes() + " minutes");
            }
            Thread.sleep(100);
        }
    }

    private static void checkTotal(HttpClient client, URI images, int expected) throws InterruptedException {
        String body = new String(send(client, HttpRequest.newBuilder(images).GET().build()).body(), StandardCharsets.UTF_8);
        Matcher total = TOTAL.matcher(body);
        if (!total.find() || Long.parseLong(total.group(1)) != expected) {
            throw new IllegalStateException("GET /images does not count the " + expected + " images: "
                    + body.substring(0, Math.min(200, body.length())));
        }
    }
}
