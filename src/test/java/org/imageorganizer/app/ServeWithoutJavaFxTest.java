package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on a machine without JavaFX: the server is started in a JVM whose class path has no
 * JavaFX or ControlsFX jar and no display, answers /health, and stops on SIGTERM with exit code 0.
 */
@Tag("model")
@Tag("slow")
class ServeWithoutJavaFxTest {
    private static final Pattern URL = Pattern.compile("Serving on (http://\\S+)");

    @TempDir
    Path home;

    @Test
    void servesWithNoJavaFxOnTheClassPathAndStopsOnSigterm() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("javafx") && !entry.contains("controlsfx") && !entry.contains("openjfx"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).doesNotContain("javafx");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "org.imageorganizer.app.Main", "serve", "--port", "0",
                "--model-dir", Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("IMAGE_ORGANIZER_HOME", home.toString());
        builder.environment().remove("DISPLAY");
        Process server = builder.start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(l -> output.append(l).append('\n'));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            String url = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (url == null && server.isAlive() && System.nanoTime() < deadline) {
                Matcher m = URL.matcher(output);
                url = m.find() ? m.group(1) : null;
                Thread.sleep(50);
            }
            assertThat(url).as(output.toString()).isNotNull();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        } finally {
            server.destroyForcibly();
        }
        assertThat(server.exitValue()).as(output.toString()).isZero();
        assertThat(output.toString()).doesNotContain("Exception", "javafx");
    }
}
