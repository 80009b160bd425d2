package org.imageorganizer.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.model.SyncFailure;
import org.imageorganizer.model.SyncSummary;
import java.util.function.BooleanSupplier;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncProgress;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

/** The backup as the window shows it, over a fake cloud backup. */
class SyncViewModelTest {
    private final Notices notices = new Notices();

    /** A backup that is configured or not, and uploads what it is given to report. */
    private static final class FakeBackup implements CloudBackup {
        boolean configured;
        RuntimeException failure;
        SyncSummary summary = new SyncSummary(2, 2, 0, List.of(), false, Optional.empty(), Duration.ZERO);
        final List<SyncFailure> failures = new java.util.ArrayList<>();

        @Override
        public boolean configured() {
            if (failure != null) {
                throw failure;
            }
            return configured;
        }

        @Override
        public String destination() {
            return "cloudinary://demo";
        }

        @Override
        public long pending() {
            return summary.total();
        }

        @Override
        public SyncSummary run(SyncListener listener, BooleanSupplier cancelled) {
            listener.progress(new SyncProgress(summary.total(), summary.total(), summary.uploaded(), summary.alreadyThere(), 0, null));
            failures.forEach(listener::failed);
            return summary;
        }
    }

    @Test
    void withoutCloudinaryTheBackupIsUnavailableAndSaysWhy() {
        SyncViewModel model = new SyncViewModel(new FakeBackup(), new SameThreadTaskExecutor(), notices);
        model.checkAvailable();
        assertThat(model.availableProperty().get()).isFalse();
        model.start();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("Cloudinary is not configured");
    }

    @Test
    void aBackupRunsAndReportsEachFailure() {
        FakeBackup backup = new FakeBackup();
        backup.configured = true;
        SyncFailure failure = new SyncFailure(3, "a.jpg", "/photos/a.jpg", "timed out");
        backup.failures.add(failure);
        List<SyncFailure> reported = new java.util.ArrayList<>();
        SyncViewModel model = new SyncViewModel(backup, new SameThreadTaskExecutor(), notices);
        model.setOnFailure(reported::add);

        model.checkAvailable();
        model.start();

        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.statusProperty().get()).isEqualTo("Backup done: 2 uploaded.");
        assertThat(reported).containsExactly(failure);
    }

    @Test
    void aCheckThatFailsIsShownInTheNoticeLine() {
        FakeBackup backup = new FakeBackup();
        backup.failure = new IllegalStateException("settings.json is unreadable");
        SyncViewModel model = new SyncViewModel(backup, new SameThreadTaskExecutor(), notices);

        model.checkAvailable();

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(notices.messageProperty().get()).startsWith("Could not tell whether the backup to Cloudinary is set up: "
                + "settings.json is unreadable");
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
