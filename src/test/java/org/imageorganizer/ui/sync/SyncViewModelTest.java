package org.imageorganizer.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.model.SyncFailure;
import org.imageorganizer.model.SyncSummary;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.TestDesktopServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class SyncViewModelTest {
    @TempDir
    Path dir;

    @Test
    void withoutCloudinaryTheBackupIsUnavailableAndSaysWhy() throws Exception {
        try (TestDesktopServices services = new TestDesktopServices(dir)) {
            SyncViewModel model = new SyncViewModel(services, new SameThreadTaskExecutor());
            model.checkAvailable();
            assertThat(model.availableProperty().get()).isFalse();
            model.start();
            assertThat(model.runningProperty().get()).isFalse();
            assertThat(model.statusProperty().get()).contains("Cloudinary is not configured");
        }
    }

    @Test
    void theSummarySaysWhatHappened() {
        SyncFailure failure = new SyncFailure(3, "a.jpg", "/photos/a.jpg", "timed out");
        assertThat(SyncViewModel.describe(new SyncSummary(5, 3, 1, List.of(failure), false, Optional.empty(), Duration.ZERO)))
                .isEqualTo("Backup done: 3 uploaded, 1 already in Cloudinary, 1 failed (they stay local; see Problems).");
        assertThat(SyncViewModel.describe(new SyncSummary(0, 0, 0, List.of(), false, Optional.empty(), Duration.ZERO)))
                .contains("every photo already has a copy");
        assertThat(SyncViewModel.describe(new SyncSummary(5, 0, 0, List.of(), false,
                Optional.of("Cloudinary refused the credentials"), Duration.ZERO)))
                .isEqualTo("Backup stopped: Cloudinary refused the credentials");
        assertThat(SyncViewModel.describe(new SyncSummary(5, 2, 0, List.of(), true, Optional.empty(), Duration.ZERO)))
                .startsWith("Backup stopped: 2 uploaded");
    }
}
