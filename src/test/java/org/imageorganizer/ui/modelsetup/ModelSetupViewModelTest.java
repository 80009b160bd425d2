package org.imageorganizer.ui.modelsetup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.ui.DialogTaskQueue;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.modelsetup.ModelSetupViewModel.State;
import org.junit.jupiter.api.Test;

class ModelSetupViewModelTest {

    /** A model setup whose download reports the given steps, then fails with {@code failure} if set. */
    private static final class FakeSetup implements ModelSetup {
        final List<Double> steps = new ArrayList<>(List.of(0.0, 0.5, 1.0));
        Exception failure;
        RuntimeException folderFailure;
        final List<Path> folders = new ArrayList<>();
        DoubleConsumer progress;
        long size = 155_845_549L;

        @Override
        public boolean modelAvailable() {
            return !folders.isEmpty();
        }

        @Override
        public long downloadBytes() {
            return size;
        }

        @Override
        public void download(DoubleConsumer progress) throws Exception {
            this.progress = progress;
            for (double step : steps) {
                progress.accept(step);
            }
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void useFolder(Path folder) {
            folders.add(folder);
            if (folderFailure != null) {
                throw folderFailure;
            }
        }
    }

    private final FakeSetup setup = new FakeSetup();

    @Test
    void startsByOfferingTheChoice() {
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new SameThreadTaskExecutor());

        assertThat(model.stateProperty().get()).isEqualTo(State.CHOOSING);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.ready()).isFalse();
    }

    @Test
    void aDownloadReportsProgressThenIsReady() {
        DialogTaskQueue queue = new DialogTaskQueue();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, queue);
        List<Number> seen = new ArrayList<>();
        model.progressProperty().addListener((o, old, now) -> seen.add(now));

        model.download();
        assertThat(model.stateProperty().get()).isEqualTo(State.DOWNLOADING);
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(-1.0);

        queue.runAll();
        assertThat(seen).containsSubsequence(-1.0, 0.0, 0.5, 1.0);
        assertThat(model.stateProperty().get()).isEqualTo(State.READY);
        assertThat(model.ready()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("downloaded");
    }

    @Test
    void progressShowsAsAPercentage() {
        setup.steps.clear();
        setup.steps.add(0.425);
        setup.failure = new ModelException("stop here");
        DialogTaskQueue queue = new DialogTaskQueue();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, queue);
        List<String> messages = new ArrayList<>();
        model.messageProperty().addListener((o, old, now) -> messages.add(now));

        model.readDownloadSize();
        model.download();
        queue.runAll();

        assertThat(messages).contains("Downloading the model… 66 MB of 156 MB (43%)");
    }

    @Test
    void withoutAKnownSizeProgressIsAPercentage() {
        setup.size = -1;
        setup.steps.clear();
        setup.steps.add(0.425);
        setup.failure = new ModelException("stop here");
        DialogTaskQueue queue = new DialogTaskQueue();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, queue);
        List<String> messages = new ArrayList<>();
        model.messageProperty().addListener((o, old, now) -> messages.add(now));

        model.readDownloadSize();
        model.download();
        queue.runAll();

        assertThat(model.downloadSizeProperty().get()).isEmpty();
        assertThat(messages).contains("Downloading the model… 43%");
    }

    @Test
    void theSizeOfTheDownloadIsReadInTheBackground() {
        DialogTaskQueue queue = new DialogTaskQueue();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, queue);

        model.readDownloadSize();
        assertThat(model.downloadSizeProperty().get()).isEmpty();
        queue.runAll();

        assertThat(model.downloadSizeProperty().get()).isEqualTo("156 MB");
    }

    @Test
    void aFloodOfProgressReachesTheScreenOnlyAsVisibleSteps() {
        setup.steps.clear();
        for (int i = 0; i <= 100_000; i++) {
            setup.steps.add(i / 100_000.0);
        }
        List<Runnable> posted = new ArrayList<>();
        DialogTaskQueue background = new DialogTaskQueue();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new org.imageorganizer.ui.TaskExecutor() {
            @Override
            public <T> Cancellable submit(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                    java.util.function.Consumer<? super Throwable> failed) {
                return background.submit(work, ok, failed);
            }

            @Override
            public void onUi(Runnable action) {
                posted.add(action);
                action.run();
            }
        });

        model.download();
        background.runAll();

        assertThat(posted).hasSizeBetween(400, 600);
        assertThat(model.ready()).isTrue();
    }

    @Test
    void beingOfflineIsSaidPlainlyWithTheWayByHand() {
        setup.failure = new ModelException("Cannot download the CLIP model: no network connection (could not reach"
                + " resources.djl.ai: the host name cannot be resolved). Download clip.zip from https://x on another computer.",
                new UnknownHostException("resources.djl.ai"));
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new SameThreadTaskExecutor());

        model.download();

        assertThat(model.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(model.offlineProperty().get()).isTrue();
        // plain words for the user; the addresses only behind Details
        assertThat(model.messageProperty().get()).isEqualTo(ModelSetupViewModel.OFFLINE)
                .doesNotContain("http").doesNotContain("README").doesNotContain("CLIP");
        assertThat(model.detailsProperty().get()).startsWith("Cannot download the CLIP model: no network connection")
                .contains("https://x");
        assertThat(model.progressProperty().get()).isZero();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void otherFailuresArePlainWithTheTechnicalReasonBehindDetails() {
        setup.failure = new ModelException("Refusing to download clip.zip: it has no pinned SHA-256 checksum"
                + " (variant fp32, see docs/decisions/0005-model-download.md).");
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new SameThreadTaskExecutor());

        model.download();

        assertThat(model.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(model.offlineProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(ModelSetupViewModel.DOWNLOAD_FAILED)
                .doesNotContain("SHA-256").doesNotContain("variant").doesNotContain("docs/");
        assertThat(model.detailsProperty().get()).isEqualTo("Refusing to download clip.zip: it has no pinned SHA-256 checksum"
                + " (variant fp32, see docs/decisions/0005-model-download.md).");
    }

    @Test
    void aFailureWithoutWordsPointsToTheLogBehindDetails() {
        setup.failure = new IllegalStateException();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new SameThreadTaskExecutor());

        model.download();

        assertThat(model.messageProperty().get()).isEqualTo(ModelSetupViewModel.DOWNLOAD_FAILED);
        assertThat(model.detailsProperty().get()).isEqualTo("IllegalStateException (more in the log file)");
    }

    @Test
    void aFailedDownloadCanBeTriedAgain() {
        setup.failure = new ModelException("temporary trouble");
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new SameThreadTaskExecutor());
        model.download();
        assertThat(model.stateProperty().get()).isEqualTo(State.FAILED);

        setup.failure = null;
        model.download();

        assertThat(model.stateProperty().get()).isEqualTo(State.READY);
        assertThat(model.offlineProperty().get()).isFalse();
    }

    @Test
    void cancellingStopsTheDownloadAndIgnoresWhatItStillReports() {
        setup.failure = new ModelException("The download of clip.zip was interrupted.");
        DialogTaskQueue queue = new DialogTaskQueue();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, queue);
        model.download();

        model.cancel();
        assertThat(queue.cancelled()).isEqualTo(1);
        assertThat(model.stateProperty().get()).isEqualTo(State.CHOOSING);
        assertThat(model.messageProperty().get()).isEqualTo(ModelSetupViewModel.CANCELLED);

        queue.runAll(); // the interrupted download still reports progress and its failure
        assertThat(model.stateProperty().get()).isEqualTo(State.CHOOSING);
        assertThat(model.progressProperty().get()).isZero();
        assertThat(model.messageProperty().get()).isEqualTo(ModelSetupViewModel.CANCELLED);
    }

    @Test
    void cancelDoesNothingWhenNotDownloading() {
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new SameThreadTaskExecutor());

        model.cancel();

        assertThat(model.stateProperty().get()).isEqualTo(State.CHOOSING);
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void aGoodFolderIsAdopted() {
        DialogTaskQueue queue = new DialogTaskQueue();
        ModelSetupViewModel model = new ModelSetupViewModel(setup, queue);

        model.useFolder(Path.of("/models/clip"));
        assertThat(model.stateProperty().get()).isEqualTo(State.CHECKING);
        assertThat(model.busyProperty().get()).isTrue();
        model.download(); // ignored while busy
        assertThat(queue.pending()).isEqualTo(1);

        queue.runAll();
        assertThat(setup.folders).containsExactly(Path.of("/models/clip"));
        assertThat(model.ready()).isTrue();
    }

    @Test
    void aBadFolderSaysWhatIsWrong() {
        setup.folderFailure = new ModelException("/tmp/x has no manifest.json: it is not a model folder");
        ModelSetupViewModel model = new ModelSetupViewModel(setup, new SameThreadTaskExecutor());

        model.useFolder(Path.of("/tmp/x"));

        assertThat(model.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(model.offlineProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(ModelSetupViewModel.NOT_A_MODEL);
        assertThat(model.detailsProperty().get()).isEqualTo("/tmp/x has no manifest.json: it is not a model folder");
    }

    @Test
    void recognisesOfflineFailures() {
        assertThat(ModelSetupViewModel.isOffline(new ModelException("x", new ConnectException("refused")))).isTrue();
        assertThat(ModelSetupViewModel.isOffline(new RuntimeException(new UnknownHostException("h")))).isTrue();
        assertThat(ModelSetupViewModel.isOffline(new ModelException("Cannot download: no network connection"))).isTrue();
        assertThat(ModelSetupViewModel.isOffline(new ModelException("unknown host huggingface.co"))).isTrue();
        assertThat(ModelSetupViewModel.isOffline(new ModelException("checksum mismatch for clip.zip"))).isFalse();
        assertThat(ModelSetupViewModel.isOffline(new IllegalStateException())).isFalse();
    }
}
