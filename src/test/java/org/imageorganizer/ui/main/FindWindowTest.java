package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.input.KeyCode;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding in the main window, driven as a user would, headless: selection, context menus, the search box, Show Similar. */
@Tag("ui")
@Tag("model")
@Tag("database")
class FindWindowTest {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @TempDir
    Path home;
    @TempDir
    Path photos;

    private WindowFixture fx;

    @BeforeEach
    void openWindow() {
        fx = new WindowFixture(new TestDesktopServices(home));
    }

    @AfterEach
    void closeWindow() {
        fx.close();
    }

    private List<ImageRecord> importPhotos(int count) {
        TestDesktopServices.photos(photos, count);
        fx.importPaths(photos);
        fx.waitForImport();
        fx.waitUntil("the grid to list the " + count + " photos", () -> fx.grid.getItems().size() == count);
        return fx.gridItems();
    }

    /** The file names of the cells on screen marked selected. */
    private Set<String> selectedOnScreen() {
        return onFx(() -> fx.visibleCells().stream().filter(c -> c.getPseudoClassStates().contains(SELECTED))
                .map(c -> c.getItem().fileName()).collect(Collectors.toSet()));
    }

    private static Set<String> names(List<ImageRecord> images, int... indexes) {
        return java.util.Arrays.stream(indexes).mapToObj(i -> images.get(i).fileName()).collect(Collectors.toSet());
    }

    @Test
    void clicksWithCtrlAndShiftAndCtrlASelectAndDeleteRemovesTheSelection() {
        List<ImageRecord> shown = importPhotos(6);

        fx.robot.clickOn(fx.labelled(shown.get(0).fileName()));
        assertThat(selectedOnScreen()).isEqualTo(names(shown, 0));
        fx.robot.press(KeyCode.CONTROL).clickOn(fx.labelled(shown.get(2).fileName())).release(KeyCode.CONTROL);
        assertThat(selectedOnScreen()).isEqualTo(names(shown, 0, 2));
        fx.robot.press(KeyCode.SHIFT).clickOn(fx.labelled(shown.get(4).fileName())).release(KeyCode.SHIFT);
        assertThat(selectedOnScreen()).isEqualTo(names(shown, 2, 3, 4)); // from the anchor, the last Ctrl-click
        fx.robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(selectedOnScreen()).isEqualTo(names(shown, 2, 3, 4, 5));

        fx.robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(selectedOnScreen()).isEqualTo(names(shown, 0, 1, 2, 3, 4, 5));
        fx.robot.type(KeyCode.ESCAPE);
        assertThat(selectedOnScreen()).isEmpty();

        fx.robot.clickOn(fx.labelled(shown.get(1).fileName()));
        fx.robot.press(KeyCode.CONTROL).clickOn(fx.labelled(shown.get(3).fileName())).release(KeyCode.CONTROL);
        fx.robot.type(KeyCode.DELETE);

        fx.waitUntil("the tree to show 4 photos", () -> fx.tree.getRoot().getValue().count() == 4);
        assertThat(fx.dialogs.calls()).contains("confirmRemove: 2");
        assertThat(fx.gridItems()).hasSize(4).doesNotContain(shown.get(1), shown.get(3));
        assertThat(fx.services.library().images().findById(shown.get(1).id())).isEmpty();
        assertThat(photos.resolve(shown.get(1).fileName())).exists(); // never from disk
    }

    @Test
    void aRubberBandSelectsTheThumbnailsItTouches() {
        List<ImageRecord> shown = importPhotos(3);
        ThumbnailCell first = cellOf(shown.get(0));
        ThumbnailCell second = cellOf(shown.get(1));
        javafx.geometry.Bounds a = onFx(() -> first.localToScreen(first.getBoundsInLocal()));
        javafx.geometry.Bounds b = onFx(() -> second.localToScreen(second.getBoundsInLocal()));
        javafx.geometry.Bounds grid = onFx(() -> fx.grid.localToScreen(fx.grid.getBoundsInLocal()));

        // from the empty space below the first row, up across the first two thumbnails
        fx.robot.moveTo(new javafx.geometry.Point2D(a.getMinX() + 10, grid.getMaxY() - 10));
        fx.robot.press(javafx.scene.input.MouseButton.PRIMARY);
        fx.robot.moveTo(new javafx.geometry.Point2D((a.getCenterX() + b.getCenterX()) / 2, a.getCenterY()));
        fx.robot.moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()));
        fx.robot.release(javafx.scene.input.MouseButton.PRIMARY);

        assertThat(selectedOnScreen()).isEqualTo(names(shown, 0, 1));
    }

    private ThumbnailCell cellOf(ImageRecord image) {
        return fx.visibleCells().stream().filter(c -> c.getItem().id() == image.id()).findFirst().orElseThrow();
    }
}
