package org.imageorganizer.bench.startup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a starting {@code serve} child for {@code GET /health} every 20 ms from its launch: when it
 * first answered at all (any HTTP status: a 503 "loading" counts) and when it first answered 200
 * (ready), in seconds after the launch.
 */
public final class HealthProbe {
    private static final long POLL_MILLIS = 20;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();

    /**
     * @param answered seconds to the first HTTP answer, NaN if none came
     * @param ready    seconds to the first 200, NaN if none came
     */
    public record Result(double answered, double ready) {
    }

    /** A TCP port free on 127.0.0.1 now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls until the child answers 200, exits, or {@code timeout} passes. */
    public Result watch(Child child, int port, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        double answered = Double.NaN;
        while (child.isAlive() && child.secondsNow() < timeout.toSeconds()) {
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                double at = child.secondsNow();
                if (Double.isNaN(answered)) {
                    answered = at;
                }
                if (response.statusCode() == 200) {
                    return new Result(answered, at);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(POLL_MILLIS);
        }
        return new Result(answered, Double.NaN);
    }
}
