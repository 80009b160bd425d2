package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import org.imageorganizer.model.ImageRecord;
import org.junit.jupiter.api.Test;

/** The grid with the viewer and the removal question, driven as a user would, headless (dialogs only record). */
class ViewerWindowTest extends WindowTestCase {
    @Test
    void afterTheViewerClosesTheGridSelectsThePhotoShownLast() {
        List<ImageRecord> shown = importPhotos(5);

        fx.robot.doubleClickOn(fx.labelled(shown.get(0).fileName()));
        fx.waitUntil("the viewer", () -> fx.dialogs.calls().contains("preview: " + shown.get(0).fileName()));
        Consumer<ImageRecord> closed = fx.dialogs.previewClosed();
        assertThat(closed).isNotNull();

        WindowFixture.runFx(() -> closed.accept(shown.get(3))); // the user went on to the fourth photo, then closed

        assertThat(selectedOnScreen()).containsExactly(shown.get(3).fileName());
        fx.robot.type(KeyCode.ENTER); // the grid has the keyboard, on the photo shown last
        fx.waitUntil("the viewer on the fourth photo", () -> fx.dialogs.calls().contains("preview: " + shown.get(3).fileName()));
    }

    @Test
    void deleteOnASelectionAsksNamingThePhotosAndCancelKeepsThem() {
        List<ImageRecord> shown = importPhotos(4);
        fx.dialogs.confirm(false);
        fx.robot.clickOn(fx.labelled(shown.get(0).fileName()));
        fx.robot.press(KeyCode.CONTROL).clickOn(fx.labelled(shown.get(2).fileName()))
                .clickOn(fx.labelled(shown.get(3).fileName())).release(KeyCode.CONTROL);

        fx.robot.type(KeyCode.DELETE);

        fx.waitUntil("the question", () -> fx.dialogs.calls().contains("confirmRemove: 3"));
        assertThat(fx.dialogs.removeAsked()).containsExactlyInAnyOrder(shown.get(0), shown.get(2), shown.get(3));
        assertThat(fx.gridItems()).hasSize(4);
        assertThat(fx.services.library().images().findById(shown.get(2).id())).isPresent();

        fx.robot.rightClickOn(fx.labelled(shown.get(2).fileName())); // in the selection: the menu acts on all three
        fx.waitUntil("the menu", () -> fx.hasLabelled("Remove 3 Photos from Library…"));
        fx.robot.clickOn(fx.labelled("Remove 3 Photos from Library…"));
        fx.waitUntil("the question again", () -> fx.dialogs.calls().stream()
                .filter(c -> c.equals("confirmRemove: 3")).count() == 2);
        assertThat(fx.gridItems()).hasSize(4);
    }
}
