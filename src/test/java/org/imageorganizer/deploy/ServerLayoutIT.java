package org.imageorganizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server folder that package lays out (the tarball's content, the container image's
 * /opt/image-organizer): its files, no JavaFX, exactly the jars of image-organizer.jar's Class-Path;
 * and the README's serve command run from it through the container's entry point, as the image runs
 * it: /health answers, the API wants the key, an ephemeral disk is warned about, SIGTERM stops it with 0.
 */
class ServerLayoutIT {
    private static final Pattern SERVING = Pattern.compile("Serving on http://[^:/]+:(\\d+)/");

    @TempDir
    Path temp;

    private static Path serverDir() {
        String dir = System.getProperty("imageorganizer.server.dir");
        assertThat(dir).as("system property imageorganizer.server.dir (set by the pom)").isNotBlank();
        return Path.of(dir);
    }

    @Test
    void holdsTheLauncherTheJarsAndTheLicenceWithoutJavaFx() throws IOException {
        Path server = serverDir();
        assertThat(server.resolve("bin/image-organizer-cli")).isExecutable();
        assertThat(server.resolve("LICENSE")).isRegularFile();
        assertThat(server.resolve("README.md")).isRegularFile();
        Set<String> jars;
        try (Stream<Path> lib = Files.list(server.resolve("lib"))) {
            jars = lib.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(jars).contains("image-organizer.jar").noneMatch(j -> j.contains("javafx") || j.contains("controlsfx") || j.contains("ikonli"));

        Set<String> classPath;
        try (JarFile jar = new JarFile(server.resolve("lib/image-organizer.jar").toFile())) {
            classPath = Arrays.stream(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "))
                    .map(entry -> entry.substring(entry.lastIndexOf('/') + 1))
                    .filter(j -> !j.startsWith("javafx-") && !j.startsWith("controlsfx-") && !j.startsWith("ikonli-"))
                    .collect(Collectors.toSet());
        }
        assertThat(jars).as("lib/ holds image-organizer.jar and its Class-Path but JavaFX and the window's libraries, nothing else")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(classPath.stream(), Stream.of("image-organizer.jar")).toList());
    }

    @Tag("model")
    @Tag("slow")
    @Test
    void servesTheReadmesCommandThroughTheContainersEntryPoint() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("opt/bin"));
        Path entrypoint = Files.copy(Path.of("installer/container/entrypoint.sh"), bin.resolve("container-entrypoint"));
        Files.setPosixFilePermissions(entrypoint, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        Files.createSymbolicLink(bin.resolve("image-organizer-cli"), serverDir().resolve("bin/image-organizer-cli").toAbsolutePath());

        ServeCommandConsistencyTest.DocumentedCommand documented = ServeCommandConsistencyTest.readmeCommand();
        String key = HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        ProcessBuilder builder = new ProcessBuilder(entrypoint.toString(), documented.command().get(1)).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("IMAGE_ORGANIZER_") || k.equals("CLOUDINARY_URL") || k.startsWith("ECS_"));
        env.putAll(documented.environment());
        env.put("IMAGE_ORGANIZER_HOME", temp.resolve("home").toString());
        env.put("PORT", "0");
        env.put("IMAGE_ORGANIZER_API_KEY", key);
        env.put("IMAGE_ORGANIZER_MODEL_DIR", Path.of("src/test/resources/models/tiny-clip").toAbsolutePath().toString());
        env.put("IMAGE_ORGANIZER_EPHEMERAL_DISK", "true");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS", "-Xshare:auto -XX:TieredStopAtLevel=1");
        assertThat(env).containsEntry("IMAGE_ORGANIZER_HOST", "0.0.0.0");

        Process server = builder.start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(l -> output.append(l).append('\n'));
            } catch (IOException | java.io.UncheckedIOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            String port = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (port == null && server.isAlive() && System.nanoTime() < deadline) {
                Matcher serving = SERVING.matcher(output);
                port = serving.find() ? serving.group(1) : null;
                Thread.sleep(100);
            }
            assertThat(port).as(output.toString()).isNotNull();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            HttpResponse<String> withoutKey = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/images"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withoutKey.statusCode()).isEqualTo(401);
            HttpResponse<String> withKey = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/images"))
                    .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withKey.statusCode()).isEqualTo(200);
            assertThat(output.toString()).contains("warning: Running on a platform whose disk does not survive a deployment")
                    .contains("IMAGE_ORGANIZER_DB_URL").contains("CLOUDINARY_URL");

            server.destroy(); // SIGTERM, straight to the JVM: the entry point exec'd it
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as(output.toString()).isZero();
        } finally {
            server.destroyForcibly();
            reader.join(5_000);
        }
    }

    @Test
    void theLauncherSaysWhenThereIsNoJava() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(serverDir().resolve("bin/image-organizer-cli").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", temp.resolve("no-java").toString());
        Process launcher = builder.start();
        String said = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(127);
        assertThat(said).contains("no Java runtime found").doesNotContain("Exception");
        assertThat(List.of(said.split("\n"))).hasSize(1);
    }
}
