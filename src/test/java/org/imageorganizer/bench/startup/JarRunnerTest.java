package org.imageorganizer.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jar the start-up part times: --jar, else the running jar, else target/image-organizer.jar. */
class JarRunnerTest {
    @TempDir
    Path dir;

    @Test
    void theGivenJarFirstThenTheRunningOneThenTheBuiltOne() throws IOException {
        Path given = Files.createFile(dir.resolve("given.jar"));
        Path running = Files.createFile(dir.resolve("running.jar"));
        Files.createDirectories(dir.resolve("target"));
        Path built = Files.createFile(dir.resolve("target").resolve("image-organizer.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(JarRunner.locate(given, running, dir)).contains(given.toAbsolutePath());
        assertThat(JarRunner.locate(null, running, dir)).contains(running.toAbsolutePath());
        assertThat(JarRunner.locate(null, classes, dir)).contains(built.toAbsolutePath());
    }

    @Test
    void nothingWhenNoJarIsThere() {
        assertThat(JarRunner.locate(dir.resolve("missing.jar"), null, dir)).isEmpty();
        assertThat(JarRunner.locate(null, dir, dir)).isEmpty();
    }
}
