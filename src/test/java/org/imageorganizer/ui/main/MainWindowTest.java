package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window driven as a user would, headless: imports fill the tree and grid, selection, filter, problems. */
@Tag("ui")
@Tag("model")
@Tag("database")
class MainWindowTest {
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

    @Test
    void theWindowShowsAnEmptyLibrary() {
        assertThat(onFx(() -> fx.stage.isShowing())).isTrue();
        assertThat(onFx(() -> fx.stage.getTitle())).isEqualTo("AI Image Organizer");
        fx.waitUntil("the tree", () -> fx.tree.getRoot() != null);
        assertThat(fx.treeRows()).containsExactly("All photos (0)");
        assertThat(fx.gridItems()).isEmpty();
        assertThat(onFx(() -> fx.emptyHint.isVisible())).isTrue();
        // the grid's hint says "Opening the library…" until the grid's own first read is back, after the tree's
        fx.waitUntil("the empty library's hint", () -> fx.hasLabelled("Drop photos or folders here"));
        assertThat(fx.hasLabelled("Opening the library…")).isFalse();
        assertThat(onFx(() -> fx.cancelButton.isVisible())).isFalse();
        assertThat(onFx(() -> fx.progress.isVisible())).isFalse();
        assertThat(onFx(() -> fx.failuresToggle.getText())).isEqualTo("Problems (0)");
        assertThat(onFx(() -> fx.failuresToggle.isDisabled())).isTrue();
        assertThat(fx.status()).isEqualTo("Drop photos or folders on the window to add them.");
    }

    @Test
    void importedPhotosFillTheTreeAndTheGridWithThumbnails() {
        TestDesktopServices.photos(photos.resolve("album"), 12);

        fx.importPaths(photos.resolve("album"));
        fx.waitForImport();

        assertThat(fx.status()).startsWith("Done: 12 added (");
        List<String> rows = fx.treeRows();
        assertThat(rows.get(0)).isEqualTo("All photos (12)");
        List<TreeNode> objects = fx.objectRows();
        assertThat(objects).isNotEmpty().allMatch(o -> o.level() == TreeNode.Level.OBJECT && o.count() > 0);
        assertThat(objects.stream().mapToInt(TreeNode::count).sum()).isEqualTo(12);
        // what the user sees: the visible tree cells read "Label  (count)"
        List<String> cellTexts = onFx(() -> fx.robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .map(TreeCell::getText).filter(t -> t != null).toList());
        assertThat(cellTexts).contains("All photos  (12)", objects.get(0).label() + "  (" + objects.get(0).count() + ")");

        fx.waitUntil("the grid to list the 12 photos", () -> fx.grid.getItems().size() == 12);
        assertThat(onFx(() -> fx.emptyHint.isVisible())).isFalse();
        fx.waitUntil("thumbnails in the visible cells", () -> {
            List<ThumbnailCell> cells = fx.visibleCells();
            return !cells.isEmpty() && cells.stream().allMatch(WindowFixture::thumbnailShown);
        });
        assertThat(fx.visibleCells()).hasSizeGreaterThanOrEqualTo(6)
                .extracting(c -> c.getItem().fileName()).allMatch(n -> n.matches("photo-\\d{4}\\.(jpg|png)"));
        assertThat(home.resolve("cache/thumbnails")).isNotEmptyDirectory();
    }

    @Test
    void selectingATreeRowShowsItsImages() {
        TestDesktopServices.photos(photos, 12);
        fx.importPaths(photos);
        fx.waitForImport();
        TreeNode object = fx.objectRows().get(0);

        fx.robot.clickOn(fx.labelled(object.label() + "  (" + object.count() + ")"));

        fx.waitUntil("the grid to show " + object, () -> fx.grid.getItems().size() == object.count());
        assertThat(fx.gridItems()).extracting(ImageRecord::id).containsExactlyInAnyOrderElementsOf(object.imageIds());
        assertThat(fx.gridItems()).allMatch(i -> i.classification().object().name().equals(object.object()));
        fx.waitUntil("thumbnails of " + object, () -> fx.visibleCells().size() == object.count()
                && fx.visibleCells().stream().allMatch(WindowFixture::thumbnailShown));

        fx.robot.clickOn(fx.labelled("All photos  (12)"));
        fx.waitUntil("the grid to show all photos again", () -> fx.grid.getItems().size() == 12);
    }

    @Test
    void theFilterBoxFiltersTheTree() {
        TestDesktopServices.photos(photos, 12);
        fx.importPaths(photos);
        fx.waitForImport();
        List<TreeNode> unfiltered = fx.objectRows();
        TreeNode object = unfiltered.get(0);

        fx.robot.clickOn(fx.search).write(object.object().toUpperCase());

        fx.waitUntil("the tree to keep only " + object.object(),
                () -> fx.tree.getRoot().getChildren().stream().allMatch(i -> i.getValue().object().contains(object.object())));
        assertThat(fx.treeRows().get(0)).isEqualTo("All photos (" + fx.objectRows().stream().mapToInt(TreeNode::count).sum() + ")");

        fx.robot.eraseText(object.object().length()).write("no such thing");
        fx.waitUntil("an empty tree", () -> fx.tree.getRoot().getChildren().isEmpty());
        assertThat(fx.treeRows()).containsExactly("All photos (0)");
        // issue 19: not an empty grid that looks like an empty library, but a sentence; the photos come back on Clear
        fx.waitUntil("the no-match hint instead of the photos", () -> fx.hasLabelled("Nothing matches \u2018no such thing\u2019")
                && !onFx(() -> fx.grid.isVisible()));
        assertThat(fx.hasLabelled("Drop photos or folders here")).isFalse();

        fx.robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        fx.waitUntil("the whole tree again", () -> fx.tree.getRoot().getValue().count() == 12);
        assertThat(fx.objectRows()).isEqualTo(unfiltered);
    }

    @Test
    void brokenFilesAreListedWithTheirReasonsInTheProblemsPanel() {
        TestDesktopServices.photos(photos, 3);
        Path text = TestDesktopServices.textNamedJpeg(photos);
        Path truncated = TestDesktopServices.truncatedJpeg(photos);

        fx.importPaths(photos);
        fx.waitForImport();

        assertThat(fx.status()).startsWith("Done: 3 added, 2 could not be read");
        assertThat(onFx(() -> fx.failuresToggle.getText())).isEqualTo("Problems (2)");
        assertThat(onFx(() -> fx.failuresPane.isVisible())).isFalse();

        fx.robot.clickOn(fx.failuresToggle);

        fx.waitUntil("the problems panel", () -> fx.failuresPane.isVisible());
        List<String> lines = onFx(() -> fx.robot.from(fx.failures).lookup(".list-cell").queryAllAs(ListCell.class)
                .stream().map(ListCell::getText).filter(t -> t != null).toList());
        assertThat(lines).hasSize(2).anySatisfy(line -> assertThat(line)
                .startsWith(text.toAbsolutePath() + " — ").contains("not an image"))
                .anySatisfy(line -> assertThat(line).startsWith(truncated.toAbsolutePath() + " — ").contains("truncated JPEG"));
        assertThat(onFx(() -> List.copyOf(fx.failures.getItems()))).extracting(FileFailure::path)
                .containsExactlyInAnyOrder(text.toAbsolutePath(), truncated.toAbsolutePath());

        fx.robot.clickOn(fx.failuresToggle);
        fx.waitUntil("the problems panel to close", () -> !fx.failuresPane.isVisible());
    }

    @Test
    void withoutAModelTheWindowOffersToGetOne() {
        fx.services.withoutModel();
        TestDesktopServices.photos(photos, 2);

        fx.importPaths(photos);

        fx.waitUntil("the model dialog", () -> fx.dialogs.calls().contains("modelSetup"));
        // nothing is thrown away: the folder waits for the model
        fx.waitUntil("the status line", () -> fx.statusLabel.getText()
                .equals("1 folder waits for the recognition model: they are sorted once it is set up."));
        assertThat(fx.running()).isFalse();
        assertThat(fx.treeRows()).containsExactly("All photos (0)");
    }

    @Test
    void cancelStopsABigImport() {
        TestDesktopServices.photos(photos, 300);
        fx.services.holdDecodes(); // the import waits, however fast the machine, until the test has cancelled it
        List<Double> progress = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        WindowFixture.runFx(() -> fx.progress.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue())));

        fx.importPaths(photos);
        fx.waitUntil("the import to be under way", () -> fx.cancelButton.isVisible()
                && fx.statusLabel.getText().matches("\\d+ of 300.*"));
        assertThat(onFx(() -> fx.progress.isVisible())).isTrue();
        fx.robot.clickOn(fx.cancelButton);
        fx.waitUntil("the import to be stopping", () -> fx.statusLabel.getText().equals("Stopping after the photos in flight…"));
        fx.services.releaseDecodes(); // the photos in flight are finished

        fx.waitUntil("the import to stop", () -> fx.statusLabel.getText().startsWith("Stopped: "));
        assertThat(fx.running()).isFalse();
        assertThat(onFx(() -> fx.progress.isVisible())).isFalse();
        long imported = fx.services.library().images().count();
        assertThat(imported).isLessThan(300);
        assertThat(fx.status()).startsWith("Stopped: " + imported + " added");
        assertThat(progress).anyMatch(p -> p > 0 && p < 1);
        fx.waitUntil("the tree to show what was imported", () -> fx.tree.getRoot().getValue().count() == imported);
    }

    @Test
    void removingAPhotoTakesItOutOfTheGridAndTheTree() {
        TestDesktopServices.photos(photos, 3);
        fx.importPaths(photos);
        fx.waitForImport();
        fx.waitUntil("the grid to list the 3 photos", () -> fx.grid.getItems().size() == 3);
        ImageRecord first = fx.gridItems().get(0);

        fx.robot.clickOn(fx.labelled(first.fileName()));
        fx.robot.type(KeyCode.DELETE);

        fx.waitUntil("the tree to show 2 photos", () -> fx.tree.getRoot().getValue().count() == 2);
        assertThat(fx.dialogs.calls()).contains("confirmRemove: 1");
        assertThat(fx.gridItems()).hasSize(2).doesNotContain(first);
        assertThat(fx.services.library().images().findById(first.id())).isEmpty();
        assertThat(onFx(() -> fx.noticeBar.isVisible())).isFalse();
    }

    @Test
    void aRemoveThatFailsIsShownInTheNoticeLine() {
        TestDesktopServices.photos(photos, 3);
        fx.importPaths(photos);
        fx.waitForImport();
        fx.waitUntil("the grid to list the 3 photos", () -> fx.grid.getItems().size() == 3);
        ImageRecord first = fx.gridItems().get(0);
        fx.services.withRemoveFailure(new org.imageorganizer.model.ExplainedException("The library is read-only."));

        fx.robot.clickOn(fx.labelled(first.fileName()));
        fx.robot.type(KeyCode.DELETE);

        fx.waitUntil("the notice", () -> fx.noticeBar.isVisible());
        assertThat(onFx(() -> fx.notice.getText()))
                .isEqualTo("Could not remove " + first.fileName() + " from the library: The library is read-only.");
        assertThat(fx.gridItems()).hasSize(3).contains(first);
        assertThat(fx.services.library().images().findById(first.id())).isPresent();

        fx.robot.clickOn(fx.labelled("Dismiss"));
        fx.waitUntil("the notice to go", () -> !fx.noticeBar.isVisible());
    }
}
