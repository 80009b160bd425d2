package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one library file at once: this JVM and a child JVM. The child can only reach
 * the file through the AUTO_SERVER socket, since this JVM holds the file lock.
 */
@Tag("database")
class TwoProcessTest {

    private static final int OWN = 25;
    private static final int SHARED = 10;

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @Test
    void twoProcessesWriteTheSameLibrary() throws Exception {
        Path file = dir.resolve("library.mv.db");
        int inserted = 0;
        Process child;
        try (LibraryDatabase library = LibraryDatabase.open(file)) {
            library.info().claimModel(TestRecords.MODEL);
            library.images().insert(TestRecords.image("first", "dog", "beach"));
            inserted++;
            Path ready = dir.resolve("ready");
            Path go = dir.resolve("go");
            child = startChild(file, ready, go);
            for (int wait = 0; !Files.exists(ready) && child.isAlive() && wait < 3000; wait++) {
                Thread.sleep(10);
            }
            assertThat(ready).as("child opened the library").exists();
            Files.createFile(go);
            // own images first, then the shared ones, which the child inserts too (in reverse order)
            for (int i = 0; i < OWN; i++) {
                library.images().insert(TestRecords.image("parent-" + i, "dog", "park"));
                inserted++;
            }
            for (int i = 0; i < SHARED; i++) {
                try {
                    library.images().insert(TestRecords.image("shared-" + i, "cat", "sofa"));
                    inserted++;
                } catch (DuplicateImageException e) {
                    assertThat(e.existing().sha256()).isEqualTo(TestRecords.sha("shared-" + i));
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
            String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(child.exitValue()).as("child exit, stderr: %s", err).isZero();
            String[] counts = out.split(" ");
            assertThat(counts).as("child stdout: %s", out).hasSize(2);
            int childInserted = Integer.parseInt(counts[0]);
            assertThat(childInserted + Integer.parseInt(counts[1])).isEqualTo(OWN + SHARED);
            inserted += childInserted;

            assertThat(library.images().count()).isEqualTo(1 + 2 * OWN + SHARED).isEqualTo(inserted);
            assertThat(library.info().libraryVersion()).isEqualTo(inserted);
        }
        try (LibraryDatabase reopened = LibraryDatabase.open(file)) {
            assertThat(reopened.images().count()).isEqualTo(inserted);
            assertThat(reopened.info().libraryVersion()).isEqualTo(inserted);
            assertThat(reopened.images().groupMembership().values().stream().mapToInt(List::size).sum())
                    .isEqualTo(inserted);
            assertThat(reopened.images().findBySha256(TestRecords.sha("child-" + (OWN - 1)))).isPresent();
            assertThat(reopened.images().embeddingOf(
                    reopened.images().findBySha256(TestRecords.sha("child-0")).orElseThrow().id()))
                    .get().satisfies(v -> assertThat(v).containsExactly(TestRecords.vector("child-0".hashCode())));
        }
    }

    private static Process startChild(Path file, Path ready, Path go) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                SecondProcess.class.getName(), file.toString(), String.valueOf(OWN), String.valueOf(SHARED),
                ready.toString(), go.toString())
                .start();
    }
}
