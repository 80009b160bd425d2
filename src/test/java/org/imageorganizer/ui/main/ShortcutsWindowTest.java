package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's keyboard shortcuts (Ctrl+, for Settings, Ctrl+F for the find box) and Back Up without an account. */
@Tag("ui")
@Tag("model")
@Tag("database")
class ShortcutsWindowTest {
    @TempDir
    Path home;

    private WindowFixture fx;

    @BeforeEach
    void openWindow() {
        fx = new WindowFixture(new TestDesktopServices(home));
        fx.waitUntil("the tree", () -> fx.tree.getRoot() != null);
    }

    @AfterEach
    void closeWindow() {
        fx.close();
    }

    @Test
    void ctrlCommaOpensTheSettings() {
        fx.robot.clickOn(fx.tree);

        fx.robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);

        fx.waitUntil("the settings", () -> fx.dialogs.calls().contains("settings"));
        assertThat(fx.dialogs.calls()).containsExactly("settings");
    }

    @Test
    void ctrlFGoesToTheFindBox() {
        TextField findBox = onFx(() -> (TextField) fx.stage.getScene().lookup("#findBox"));
        fx.robot.clickOn(fx.tree);
        assertThat(onFx(findBox::isFocused)).isFalse();

        fx.robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);

        fx.waitUntil("the find box to have the focus", findBox::isFocused);
    }

    @Test
    void backUpWithoutACloudinaryAccountSaysWhatIsNeeded() {
        fx.robot.clickOn(fx.labelled("File"));
        fx.waitUntil("the File menu", () -> fx.hasLabelled("Back Up to Cloudinary"));

        fx.robot.clickOn(fx.labelled("Back Up to Cloudinary"));

        fx.waitUntil("the explanation", () -> !fx.dialogs.calls().isEmpty());
        assertThat(fx.dialogs.calls()).containsExactly(
                "problem: Back up to Cloudinary: Add your Cloudinary account in Settings → Cloudinary to back up.");
    }
}
