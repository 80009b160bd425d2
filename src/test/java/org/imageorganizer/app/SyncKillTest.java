package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.RemoteCopyRepository;
import org.imageorganizer.testing.CloudinaryStandIn;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync} as a user runs it, killed halfway (SIGKILL: no shutdown hook, no clean close) and
 * run again: every image ends uploaded exactly once, in the stand-in's record and in the library.
 */
@Tag("database")
@Tag("slow")
class SyncKillTest {
    private static final int PHOTOS = 30;

    @TempDir
    Path home;

    @Test
    void aSyncKilledHalfwayAndRunAgainUploadsEveryImageExactlyOnce() throws Exception {
        Path database = home.resolve("library.mv.db");
        List<ImageRecord> photos;
        try (LibraryDatabase library = LibraryDatabase.open(database)) {
            photos = PhotoLibrary.fill(library, home.resolve("photos"), PHOTOS);
        }
        try (CloudinaryStandIn standIn = new CloudinaryStandIn()) {
            standIn.fake().uploadDelay(250);

            Run killed = start(standIn, database);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (standIn.fake().createdCounts().size() < 10 && killed.process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(killed.process.isAlive()).as("still syncing when killed; output:%n%s", killed.output).isTrue();
            killed.process.destroyForcibly(); // SIGKILL
            assertThat(killed.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int beforeRerun = standIn.fake().createdCounts().size();
            assertThat(beforeRerun).as("killed halfway").isBetween(10, PHOTOS - 1);

            standIn.fake().uploadDelay(0);
            Run rerun = start(standIn, database);
            assertThat(rerun.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            rerun.reader.join(5_000);
            assertThat(rerun.process.exitValue()).as(rerun.output.toString()).isZero();
            assertThat(rerun.output.toString()).contains("0 failed");

            assertThat(standIn.fake().createdCounts()).hasSize(PHOTOS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(standIn.fake().uploadRequestCounts()).as("upload requests per public id")
                    .hasSize(PHOTOS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));

            Run third = start(standIn, database);
            assertThat(third.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            third.reader.join(5_000);
            assertThat(third.process.exitValue()).isZero();
            assertThat(third.output.toString()).contains("0 images needed a copy");
            assertThat(standIn.fake().uploadRequestCounts().values()).containsOnly(1);
        }
        try (LibraryDatabase library = LibraryDatabase.open(database)) {
            for (ImageRecord photo : photos) {
                assertThat(library.remoteCopies().find(photo.id())).get()
                        .satisfies(s -> assertThat(s.status()).isEqualTo(RemoteCopyRepository.Status.UPLOADED));
                assertThat(Path.of(photo.location())).exists();
            }
        }
    }

    private record Run(Process process, StringBuffer output, Thread reader) {
    }

    private Run start(CloudinaryStandIn standIn, Path database) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                Main.class.getName(), "sync", "--db", database.toString(), "--concurrency", "4"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("IMAGE_ORGANIZER_HOME", home.resolve("app").toString());
        builder.environment().put("CLOUDINARY_URL", standIn.cloudinaryUrl());
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(l -> output.append(l).append('\n'));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // the process ended
            }
        });
        reader.start();
        return new Run(process, output, reader);
    }
}
