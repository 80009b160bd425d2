package org.imageorganizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadSpoolTest {
    @TempDir
    Path root;

    @Test
    void aServerStartingBesideARunningOneLeavesItsSpoolAloneAndClearsAGoneOnes() throws Exception {
        Path gone = Files.createDirectories(root.resolve("gone").resolve("3"));
        Files.write(gone.resolve("MultiPart1.tmp"), new byte[10]);
        Files.write(root.resolve("gone.lock"), new byte[0]); // nobody holds it: its server is gone
        try (UploadSpool running = UploadSpool.open(root)) {
            Path request = Files.createDirectories(running.newRequestFolder());
            Files.write(request.resolve("MultiPart2.tmp"), new byte[10]);
            assertThat(root.resolve("gone")).doesNotExist();
            assertThat(root.resolve("gone.lock")).doesNotExist();

            try (UploadSpool beside = UploadSpool.open(root)) {
                assertThat(request.resolve("MultiPart2.tmp")).as("the running server's part").exists();
                assertThat(beside.folder()).isNotEqualTo(running.folder()).isEmptyDirectory();
            }
            assertThat(request.resolve("MultiPart2.tmp")).exists();
        }
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void eachRequestHasAFolderOfItsOwn() throws Exception {
        try (UploadSpool spool = UploadSpool.open(root)) {
            Path a = spool.newRequestFolder();
            Path b = spool.newRequestFolder();
            assertThat(a).isNotEqualTo(b);
            assertThat(a.getParent()).isEqualTo(spool.folder()).isEqualTo(b.getParent());
            assertThat(a).doesNotExist();
        }
    }
}
