package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;
import static org.imageorganizer.ui.main.WindowFixture.runFx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.categories.CategoriesDialog;
import org.imageorganizer.ui.library.LibraryTreeBuilder;
import org.imageorganizer.ui.sorting.SortingViewModel;
import org.junit.jupiter.api.Test;

/**
 * Sorting by hand in the main window, driven as a user would, headless: Move to ▸ on a selection, Edit → Undo and
 * its shortcut, Settings → Categories and the re-sort that follows. With {@code -Dscreens.dir=DIR} (a real display,
 * Xvfb) the Move to menu and the Categories dialog are also saved as pictures there.
 */
class SortingWindowTest extends WindowTestCase {
    private ImageRecord stored(ImageRecord photo) {
        return fx.services.library().images().findById(photo.id()).orElseThrow();
    }

    /** An object category the photos are not in (the first of the library's list that is not theirs). */
    private String otherObject(List<ImageRecord> photos) {
        return fx.services.library().categories().all().stream().filter(c -> c.kind() == CategoryKind.OBJECT)
                .map(Category::name)
                .filter(name -> photos.stream().noneMatch(p -> p.classification().object().name().equals(name)))
                .findFirst().orElseThrow();
    }

    @Test
    void moveToMovesTheSelectionAndEditUndoPutsItBack() {
        List<ImageRecord> shown = importPhotos(4);
        List<ImageRecord> chosen = List.of(shown.get(0), shown.get(2));
        String target = otherObject(chosen);
        assertThat(onFx(() -> fx.controller.undoItem.isDisable())).as("nothing to undo yet").isTrue();

        fx.robot.clickOn(fx.labelled(chosen.get(0).fileName()));
        fx.robot.press(KeyCode.CONTROL).clickOn(fx.labelled(chosen.get(1).fileName())).release(KeyCode.CONTROL);
        fx.robot.rightClickOn(fx.labelled(chosen.get(1).fileName()));
        fx.waitUntil("the menu", () -> fx.hasLabelled("Move to"));
        fx.robot.clickOn(fx.labelled("Move to"));
        String shownName = LibraryTreeBuilder.display(target);
        fx.waitUntil("the categories in the menu", () -> fx.hasLabelled(shownName) && fx.hasLabelled("Where"));
        Screens.save(fx, "move-to-menu.png");
        // the pointer's way to the submenu crosses the items below "Move to", whose own submenu then replaces it
        // headless: the item on screen is chosen as a click on it would, and the menu closes as it does after a click
        // (left open, the menu lies over the grid and the next click lands on one of its items)
        runFx(() -> {
            javafx.scene.control.MenuItem item = menuItem("moveToMenu", shownName);
            item.fire();
            item.getParentPopup().hide();
        });

        fx.waitUntil("the tree to show both photos in " + target, () -> fx.tree.getRoot().getChildren().stream()
                .anyMatch(row -> row.getValue().object().equals(target) && row.getValue().count() == 2));
        assertThat(chosen).allSatisfy(p -> {
            assertThat(stored(p).classification().object().name()).isEqualTo(target);
            assertThat(stored(p).classification().object().byUser()).isTrue();
        });
        assertThat(onFx(() -> fx.controller.undoItem.getText())).isEqualTo("Undo Move 2 Photos to “" + target + "”");
        assertThat(onFx(() -> fx.controller.undoItem.isDisable())).isFalse();

        fx.robot.clickOn(fx.grid);
        fx.robot.press(KeyCode.SHORTCUT).type(KeyCode.Z).release(KeyCode.SHORTCUT);

        fx.waitUntil("the photos back where the app put them", () -> fx.controller.undoItem.isDisable()
                && fx.tree.getRoot().getChildren().stream().noneMatch(row -> row.getValue().object().equals(target)));
        assertThat(chosen).allSatisfy(p -> assertThat(stored(p).classification().object())
                .isEqualTo(p.classification().object()));
        assertThat(onFx(() -> fx.controller.redoItem.getText())).isEqualTo("Redo Move 2 Photos to “" + target + "”");
    }

    @Test
    void theTreesRowsShowTheirCoverPhotos() {
        importPhotos(4);
        fx.waitUntil("the categories to be clustered", () -> !fx.tree.getRoot().getChildren().isEmpty()
                && fx.tree.getRoot().getChildren().stream().allMatch(row -> row.getValue().coverImageId() != null));
        runFx(() -> fx.tree.getRoot().getChildren().forEach(row -> row.setExpanded(true)));
        fx.waitUntil("a row with its cover picture", () -> fx.tree.lookupAll(".tree-cover").stream()
                .anyMatch(n -> n instanceof javafx.scene.image.ImageView v && v.getImage() != null && v.isVisible()));
        assertThat(onFx(() -> fx.tree.getRoot().getChildren().stream().allMatch(row -> row.getValue().coverImageId() != null)))
                .as("every category has a cover once clustered").isTrue();
    }

    @Test
    void theCategoriesDialogCountsWhatANewCategoryWouldMoveSavesItAndTheWindowSortsAgain() {
        importPhotos(4);
        Stage dialog = onFx(() -> new CategoriesDialog(fx.services::sorting, fx.executor).show(fx.stage, () -> { }));
        fx.waitUntil("the categories", () -> fx.hasLabelled("What does it look like?") && lookup(dialog, "#preview") instanceof Label l
                && l.getText().equals("Nothing changed yet."));

        fx.robot.clickOn(lookup(dialog, "#newName")).write("my bike");
        fx.robot.clickOn(lookup(dialog, "#newWords")).write("a red road bike");
        fx.robot.clickOn(lookup(dialog, "#addCategory"));
        fx.waitUntil("the count of the photos it would move", () -> ((Label) lookup(dialog, "#preview")).getText()
                .matches("(No photo would move\\.|\\d+ photos? of 4 would move to (another category|other categories)\\.)"));
        assertThat(onFx(() -> ((TextField) lookup(dialog, "#newName")).getText())).isEmpty();
        Screens.save(fx, "categories-dialog.png");

        fx.robot.clickOn(lookup(dialog, "#categoriesOk"));
        fx.waitUntil("the dialog to close", () -> !dialog.isShowing());
        Category added = fx.services.library().categories().byName(CategoryKind.OBJECT, "my bike").orElseThrow();
        assertThat(added.words()).isEqualTo("a red road bike");

        fx.dialogs.categoriesChanged(true); // as the real dialog answers after OK saved a change
        fx.robot.clickOn(fx.labelled("Settings"));
        fx.robot.clickOn(fx.labelled("Categories…"));
        fx.waitUntil("the window to sort the photos again", () -> fx.notice.getText().startsWith("Your photos were sorted again"));
        assertThat(fx.dialogs.calls()).contains("categories");
        assertThat(onFx(() -> fx.notice.getText())).isNotEqualTo(SortingViewModel.RESORTING);
    }

    /** The item of the open context menu's submenu with this id that shows this text. */
    private static javafx.scene.control.MenuItem menuItem(String submenuId, String text) {
        return Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .flatMap(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream())
                .filter(item -> submenuId.equals(item.getId()) && item instanceof javafx.scene.control.Menu)
                .flatMap(menu -> ((javafx.scene.control.Menu) menu).getItems().stream())
                .filter(item -> text.equals(item.getText())).findFirst().orElseThrow();
    }

    private static javafx.scene.Node lookup(Window window, String selector) {
        return onFx(() -> window.getScene().lookup(selector));
    }

    /** Saves what is on screen when {@code screens.dir} is set (a real display): the pictures the brief asks for. */
    private static final class Screens {
        static void save(WindowFixture fx, String name) {
            String dir = System.getProperty("screens.dir");
            if (dir == null) {
                return;
            }
            javafx.stage.Screen screen = onFx(javafx.stage.Screen::getPrimary);
            Rectangle2D bounds = screen.getBounds();
            javafx.scene.image.Image shot = fx.robot.capture(bounds).getImage();
            BufferedImage picture = new BufferedImage((int) shot.getWidth(), (int) shot.getHeight(), BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < picture.getHeight(); y++) {
                for (int x = 0; x < picture.getWidth(); x++) {
                    picture.setRGB(x, y, shot.getPixelReader().getArgb(x, y));
                }
            }
            try {
                Files.createDirectories(Path.of(dir));
                javax.imageio.ImageIO.write(picture, "png", Path.of(dir, name).toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
