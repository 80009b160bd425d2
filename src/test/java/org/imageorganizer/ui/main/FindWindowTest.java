package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCode;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.junit.jupiter.api.Test;

/** Finding in the main window, driven as a user would, headless: selection, context menus, the search box, Show Similar. */
class FindWindowTest extends WindowTestCase {
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

    @Test
    void theContextMenuCopiesThePathsOfTheSelection() {
        List<ImageRecord> shown = importPhotos(4);
        fx.robot.clickOn(fx.labelled(shown.get(1).fileName()));
        fx.robot.press(KeyCode.CONTROL).clickOn(fx.labelled(shown.get(3).fileName())).release(KeyCode.CONTROL);

        fx.robot.rightClickOn(fx.labelled(shown.get(3).fileName())); // in the selection: the menu acts on both
        fx.waitUntil("the menu", () -> fx.hasLabelled("Copy 2 Paths"));
        assertThat(fx.hasLabelled("Show Similar")).isTrue();
        fx.robot.clickOn(fx.labelled("Copy 2 Paths"));

        String expected = photos.resolve(shown.get(1).fileName()).toAbsolutePath() + "\n"
                + photos.resolve(shown.get(3).fileName()).toAbsolutePath();
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).isEqualTo(expected);

        fx.robot.rightClickOn(fx.labelled(shown.get(0).fileName())); // not in the selection: the menu acts on it alone
        fx.waitUntil("the menu for one photo", () -> fx.hasLabelled("Copy Path"));
        fx.robot.clickOn(fx.labelled("Copy Path"));
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))
                .isEqualTo(photos.resolve(shown.get(0).fileName()).toAbsolutePath().toString());
        assertThat(selectedOnScreen()).isEqualTo(names(shown, 0));
    }

    @Test
    void moveToTrashListsTheFilesThenTrashesThemAndTheirPhotosLeaveTheGrid() throws Exception {
        List<ImageRecord> shown = importPhotos(3);
        ImageRecord photo = shown.get(1);
        Path file = photos.resolve(photo.fileName()).toAbsolutePath();

        fx.dialogs.confirm(false); // Cancel: nothing moves
        fx.robot.rightClickOn(fx.labelled(photo.fileName()));
        fx.waitUntil("the menu", () -> fx.hasLabelled("Move to Trash…"));
        fx.robot.clickOn(fx.labelled("Move to Trash…"));
        fx.waitUntil("the question", () -> fx.dialogs.calls().stream().anyMatch(c -> c.startsWith("confirmTrash")));
        assertThat(fx.dialogs.calls()).contains("confirmTrash: Move 1 file to the trash? [" + file + "]");
        assertThat(file).exists();

        fx.dialogs.confirm(true);
        fx.robot.rightClickOn(fx.labelled(photo.fileName()));
        fx.waitUntil("the menu", () -> fx.hasLabelled("Move to Trash…"));
        fx.robot.clickOn(fx.labelled("Move to Trash…"));
        fx.waitUntil("the grid without the photo", () -> fx.grid.getItems().size() == 2);
        assertThat(file).doesNotExist();
        assertThat(fx.services.trashFolder().resolve("files").resolve(photo.fileName())).exists();
        assertThat(fx.services.library().images().count()).isEqualTo(2);
        assertThat(onFx(() -> fx.controller.notice.getText())).isEqualTo("1 file was moved to the trash; 1 photo left the library.");
    }

    @Test
    void typingInTheSearchBoxShowsTheBestMatchesOfTheRowAndClearingItGoesBack() {
        importPhotos(6);
        org.imageorganizer.ui.library.TreeNode object = fx.objectRows().get(0);
        fx.robot.clickOn(fx.labelled(object.label() + "  (" + object.count() + ")"));
        fx.waitUntil("the grid to show " + object, () -> fx.grid.getItems().size() == object.count());
        javafx.scene.control.TextField box = onFx(() -> (javafx.scene.control.TextField) fx.stage.getScene().lookup("#findBox"));
        javafx.scene.control.Label caption = onFx(() -> (javafx.scene.control.Label) fx.stage.getScene().lookup("#captionLabel"));

        fx.robot.clickOn(box).write("a red square");

        String expected = (object.count() == 1 ? "1 photo matches" : object.count() + " photos match") + " “a red square” in "
                + object.label() + ", best first";
        fx.waitUntil("the results", () -> caption.getText().equals(expected));
        List<Long> ranked = fx.services.search().byText("a red square",
                new org.imageorganizer.services.PhotoSearch.SearchFilter(object.object(), null, null), 0, 300)
                .images().stream().map(f -> f.image().id()).toList();
        assertThat(fx.gridItems()).extracting(ImageRecord::id).isEqualTo(ranked); // best first, only the row's photos
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(object.imageIds());

        fx.robot.type(KeyCode.ESCAPE);
        fx.waitUntil("the row again", () -> caption.getText().isEmpty() && box.getText().isEmpty());
        fx.robot.clickOn(fx.labelled("All photos  (6)"));
        fx.waitUntil("all photos", () -> fx.grid.getItems().size() == 6);
    }

    @Test
    void showSimilarShowsThePhotosLikeOneAndBackReturnsToTheRow() {
        List<ImageRecord> shown = importPhotos(6);
        ImageRecord photo = shown.get(2);
        javafx.scene.control.Label caption = onFx(() -> (javafx.scene.control.Label) fx.stage.getScene().lookup("#captionLabel"));

        fx.robot.rightClickOn(fx.labelled(photo.fileName()));
        fx.waitUntil("the menu", () -> fx.hasLabelled("Show Similar"));
        fx.robot.clickOn(fx.labelled("Show Similar"));

        fx.waitUntil("the similar photos", () -> caption.getText().endsWith(" like " + photo.fileName() + ", most alike first"));
        org.imageorganizer.services.PhotoSearch.SearchPage page = fx.services.search().similarTo(photo.id(),
                org.imageorganizer.services.PhotoSearch.SearchFilter.NONE, 0, 300);
        assertThat(fx.gridItems()).extracting(ImageRecord::id)
                .isEqualTo(page.images().stream().map(f -> f.image().id()).toList())
                .doesNotContain(photo.id());
        assertThat(fx.gridItems().size() + page.duplicates().size()).isEqualTo(5);

        fx.robot.clickOn(fx.labelled("Back to All photos"));
        fx.waitUntil("the row again", () -> caption.getText().isEmpty() && fx.grid.getItems().size() == 6);
    }

    private ThumbnailCell cellOf(ImageRecord image) {
        return fx.visibleCells().stream().filter(c -> c.getItem().id() == image.id()).findFirst().orElseThrow();
    }
}
