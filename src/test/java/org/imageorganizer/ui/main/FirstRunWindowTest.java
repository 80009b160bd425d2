package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.FxTaskExecutor;
import org.imageorganizer.ui.modelsetup.ModelSetupDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start without a recognition model, driven as a user would, headless: the real first-run dialog shows at
 * start (not at the first drop), "Later" keeps what is dropped, and the model's arrival imports it.
 */
@Tag("ui")
@Tag("model")
@Tag("database")
class FirstRunWindowTest {
    static final String TITLE = "Set Up Photo Recognition";

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private WindowFixture fx;
    private final FxTaskExecutor dialogTasks = new FxTaskExecutor(1);

    @BeforeEach
    void openWindowWithoutAModel() {
        TestDesktopServices services = new TestDesktopServices(home).withoutModel();
        fx = new WindowFixture(services, new RecordingDialogs().showingModelSetup(
                new ModelSetupDialog(services.windowServices().model(), dialogTasks)));
    }

    @AfterEach
    void closeWindow() {
        WindowFixture.runFx(() -> setupDialogs().forEach(Stage::close));
        fx.close();
        dialogTasks.close();
    }

    private static java.util.List<Stage> setupDialogs() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && TITLE.equals(s.getTitle()))
                .map(w -> (Stage) w).toList();
    }

    private boolean setupDialogShowing() {
        return onFx(() -> setupDialogs().stream().anyMatch(Stage::isShowing));
    }

    @Test
    void theFirstRunDialogAppearsAtStartWithoutAModel() {
        fx.waitUntil("the first-run dialog", this::setupDialogShowing);

        assertThat(fx.dialogs.calls()).containsExactly("modelSetup"); // asked at start: nothing was dropped
        fx.waitUntil("the size of the download on its button", () -> fx.hasLabelled("Download the Model (156 MB)"));
        assertThat(fx.hasLabelled("Use a Model Folder…")).isTrue();
        assertThat(fx.hasLabelled("Later")).isTrue();
        // plain words: no addresses, checksums or README pointers on the dialog
        String words = onFx(() -> fx.robot.lookup(n -> n instanceof Label l && l.isVisible() && l.getText() != null)
                .queryAllAs(Label.class).stream().map(Label::getText).reduce("", (a, b) -> a + "\n" + b));
        assertThat(words).contains("the one with the file manifest.json in it")
                .doesNotContain("http").doesNotContain("README").doesNotContain("SHA-256").doesNotContain("variant");
        assertThat(fx.status()).isEqualTo("The recognition model is not set up yet: photos you add wait for it.");
        assertThat(fx.hasLabelled("Set Up Photo Recognition…")).isTrue();
    }

    @Test
    void laterKeepsDroppedPhotosQueuedAndTheModelsArrivalImportsThem() {
        fx.waitUntil("the first-run dialog", this::setupDialogShowing);
        fx.robot.clickOn(fx.labelled("Later"));
        fx.waitUntil("the dialog to close", () -> !setupDialogShowing());
        TestDesktopServices.photos(photos, 3);

        fx.importPaths(photos);

        fx.waitUntil("the status to say what waits", () -> fx.statusLabel.getText()
                .equals("1 folder waits for the recognition model: they are sorted once it is set up."));
        assertThat(fx.running()).isFalse();
        assertThat(fx.services.library().images().count()).isZero();

        // the import bar offers the dialog again; downloading the model imports what waited
        fx.robot.clickOn(fx.labelled("Set Up Photo Recognition…"));
        fx.waitUntil("the first-run dialog again", this::setupDialogShowing);
        fx.waitUntil("the download button", () -> fx.hasLabelled("Download the Model (156 MB)"));
        fx.robot.clickOn(fx.labelled("Download the Model (156 MB)"));

        fx.waitUntil("the dialog to close once the model is there", () -> !setupDialogShowing());
        fx.waitForImport();
        assertThat(fx.status()).startsWith("Done: 3 added");
        assertThat(fx.services.library().images().count()).isEqualTo(3);
        assertThat(fx.hasLabelled("Set Up Photo Recognition…")).isFalse();
    }

    @Test
    void photosDroppedWhileTheDialogIsOpenWaitToo() {
        fx.waitUntil("the first-run dialog", this::setupDialogShowing);
        TestDesktopServices.photos(photos, 2);

        fx.importPaths(photos.resolve("photo-0000.jpg"), photos.resolve("photo-0001.png"));

        fx.waitUntil("the status to count the waiting photos", () -> fx.statusLabel.getText()
                .equals("2 photos wait for the recognition model: they are sorted once it is set up."));
        assertThat(setupDialogShowing()).isTrue(); // the dialog does not block the window
        Button download = (Button) fx.labelled("Download the Model (156 MB)");
        fx.robot.clickOn(download);
        fx.waitForImport();
        assertThat(fx.status()).startsWith("Done: 2 added");
    }
}
