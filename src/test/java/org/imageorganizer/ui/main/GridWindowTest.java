package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;
import static org.imageorganizer.ui.main.WindowFixture.runFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.grid.GridHeading;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.imageorganizer.ui.library.TreeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 in the real window: the header above the grid (breadcrumb, count, size slider and Ctrl + wheel,
 * remembered), month headers, a grid that fills its width, tiny pictures not blown up, the state of a filter
 * with no match (Clear, Escape, the tree's selection kept), and the Problems panel's actions and memory.
 */
@Tag("ui")
@Tag("model")
@Tag("database")
class GridWindowTest {
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
        if (fx != null) {
            fx.close();
        }
    }

    private void reopen() {
        fx.close();
        fx = null;
        fx = new WindowFixture(new TestDesktopServices(home));
    }

    private <T extends Node> T node(String selector) {
        return onFx(() -> {
            @SuppressWarnings("unchecked")
            T found = (T) fx.stage.getScene().lookup(selector);
            return found;
        });
    }

    private String text(String selector) {
        Label label = node(selector);
        return onFx(label::getText);
    }

    private void importTwelve() {
        TestDesktopServices.photos(photos, 12);
        fx.importPaths(photos);
        fx.waitForImport();
        fx.waitUntil("the grid to list the 12 photos", () -> fx.grid.getItems().size() == 12);
    }

    private void select(TreeNode row) {
        fx.robot.clickOn(fx.labelled(row.label() + "  (" + row.count() + ")"));
        fx.waitUntil("the grid to show " + row, () -> fx.grid.getItems().size() == row.count());
    }

    private static boolean shownOnScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theHeaderSaysWhereTheUserIsAndHowManyPhotosThereAre() {
        importTwelve();
        fx.waitUntil("the header of all photos", () -> text("#breadcrumb").equals("All photos"));
        assertThat(text("#count")).isEqualTo("12 photos");

        TreeNode object = fx.objectRows().get(0);
        select(object);

        fx.waitUntil("the header of " + object.label(), () -> text("#breadcrumb").equals(object.label()));
        assertThat(text("#count")).isEqualTo(object.count() == 1 ? "1 photo" : object.count() + " photos");
    }

    @Test
    void photosComeUnderMonthHeadersNewestFirst() {
        importTwelve();

        List<String> headers = onFx(() -> fx.robot.lookup(".month-header").queryAllAs(Label.class).stream()
                .filter(GridWindowTest::shownOnScreen).sorted(Comparator.comparingDouble(l -> l.localToScene(0, 0).getY()))
                .map(Label::getText).toList());
        assertThat(headers).isNotEmpty().allMatch(h -> h.equals("No date") || h.matches("\\p{L}+ \\d{4}"));
        Label first = onFx(() -> fx.robot.lookup(".month-header").queryAllAs(Label.class).stream()
                .filter(GridWindowTest::shownOnScreen).min(Comparator.comparingDouble(l -> l.localToScene(0, 0).getY()))
                .orElseThrow());
        double firstCellTop = onFx(() -> fx.visibleCells().stream().mapToDouble(c -> c.localToScene(0, 0).getY()).min()
                .orElseThrow());
        assertThat(onFx(() -> first.localToScene(0, 0).getY())).isLessThan(firstCellTop);
    }

    @Test
    void theSliderAndCtrlWheelSizeTheThumbnailsWhichFillTheWidthAndTheSizeIsRemembered() {
        importTwelve();
        Slider slider = node("#sizeSlider");
        fx.waitUntil("thumbnails", () -> !fx.visibleCells().isEmpty());
        double before = onFx(() -> fx.visibleCells().get(0).lookup(".thumbnail-frame").getBoundsInParent().getWidth());
        assertThat(before).isEqualTo(GridHeading.DEFAULT_SIZE);

        runFx(() -> slider.setValue(240));
        fx.waitUntil("larger thumbnails", () -> fx.visibleCells().stream()
                .allMatch(c -> c.lookup(".thumbnail-frame").getLayoutBounds().getWidth() == 240));

        Node flow = node("#grid");
        runFx(() -> flow.lookup(".photo-grid").fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, true,
                false, false, false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        fx.waitUntil("Ctrl + wheel down to make them smaller", () -> onFx(slider::getValue) == 240 - GridHeading.STEP);

        // the columns share the width: no strip wider than a gap stays empty on the right
        Bounds grid = onFx(() -> flow.localToScene(flow.getLayoutBounds()));
        double rightmost = onFx(() -> fx.visibleCells().stream()
                .mapToDouble(c -> c.localToScene(c.getLayoutBounds()).getMaxX()).max().orElseThrow());
        double share = onFx(() -> fx.grid.getWidth()) / onFx(() -> fx.grid.gridLayout().columns());
        assertThat(grid.getMaxX() - rightmost).isLessThan(share / 2 + 24);

        reopen();
        Slider again = node("#sizeSlider");
        assertThat(onFx(again::getValue)).isEqualTo(240 - GridHeading.STEP);
    }

    @Test
    void aTinyPictureIsDrawnAtItsOwnSizeNotBlownUp() throws Exception {
        BufferedImage red = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        red.setRGB(0, 0, 0xff0000);
        Files.createDirectories(photos);
        javax.imageio.ImageIO.write(red, "png", photos.resolve("red-dot.png").toFile());
        BufferedImage icon = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(icon, "png", photos.resolve("icon.png").toFile());

        fx.importPaths(photos);
        fx.waitForImport();
        fx.waitUntil("both thumbnails", () -> fx.visibleCells().size() == 2
                && fx.visibleCells().stream().allMatch(WindowFixture::thumbnailShown));

        for (ThumbnailCell cell : fx.visibleCells()) {
            ImageView view = (ImageView) onFx(() -> cell.lookup(".image-view"));
            double side = cell.getItem().fileName().equals("red-dot.png") ? 1 : 16;
            assertThat(onFx(view::getFitWidth)).as(cell.getItem().fileName()).isEqualTo(side);
            assertThat(onFx(view::isSmooth)).isFalse();
        }
    }

    @Test
    void aFilterWithNoMatchSaysSoAndEscapeOrClearBringsBackTheRowSelected() {
        importTwelve();
        TreeNode object = fx.objectRows().get(0);
        select(object);
        List<Long> shown = fx.gridItems().stream().map(ImageRecord::id).toList();

        fx.robot.clickOn(fx.search).write("sunset");
        fx.waitUntil("the no-match hint", () -> fx.hasLabelled("Nothing matches \u2018sunset\u2019"));
        assertThat(fx.hasLabelled("Drop photos or folders here")).isFalse();
        assertThat(onFx(() -> fx.grid.isVisible())).isFalse();
        Button clear = node("#clearButton");
        assertThat(onFx(clear::isVisible)).isTrue();

        fx.robot.type(KeyCode.ESCAPE);
        fx.waitUntil("the filter cleared", () -> onFx(() -> fx.search.getText()).isEmpty());
        fx.waitUntil("the row's photos again", () -> onFx(() -> fx.grid.isVisible())
                && fx.gridItems().stream().map(ImageRecord::id).toList().equals(shown));
        assertThat(onFx(() -> fx.tree.getSelectionModel().getSelectedItem().getValue().label())).isEqualTo(object.label());
        assertThat(text("#breadcrumb")).isEqualTo(object.label());

        fx.robot.clickOn(fx.search).write("sunset");
        fx.waitUntil("the no-match hint again", () -> fx.hasLabelled("Nothing matches \u2018sunset\u2019"));
        fx.robot.clickOn(clear);
        fx.waitUntil("the filter cleared by Clear", () -> onFx(() -> fx.search.getText()).isEmpty()
                && onFx(() -> fx.grid.isVisible()));
        assertThat(onFx(() -> fx.tree.getSelectionModel().getSelectedItem().getValue().label())).isEqualTo(object.label());
        assertThat(fx.gridItems()).extracting(ImageRecord::id).isEqualTo(shown);

        // the filter box's own × (ControlsFX's clearable field) clears it too
        fx.robot.clickOn(fx.search).write("sunset");
        fx.waitUntil("the no-match hint once more", () -> fx.hasLabelled("Nothing matches \u2018sunset\u2019"));
        javafx.scene.Node cross = onFx(() -> fx.search.lookup(".clear-button"));
        assertThat(cross).as("the filter box's clear button").isNotNull();
        fx.waitUntil("the × shown", () -> onFx(() -> cross.getOpacity() > 0.9));
        fx.robot.clickOn(cross);
        fx.waitUntil("the filter cleared by its ×", () -> onFx(() -> fx.search.getText()).isEmpty()
                && onFx(() -> fx.grid.isVisible()));
        assertThat(fx.gridItems()).extracting(ImageRecord::id).isEqualTo(shown);
    }

    @Test
    void theProblemsPanelRetriesClearsAndKeepsItsListAcrossARestart() {
        TestDesktopServices.photos(photos, 2);
        Path text = TestDesktopServices.textNamedJpeg(photos);
        fx.importPaths(photos);
        fx.waitForImport();
        assertThat(onFx(() -> fx.failuresToggle.getText())).isEqualTo("Problems (1)");

        reopen();
        fx.waitUntil("the problems of the last run", () -> onFx(() -> fx.failuresToggle.getText()).equals("Problems (1)"));
        assertThat(onFx(() -> List.copyOf(fx.failures.getItems()))).extracting(FileFailure::path)
                .containsExactly(text.toAbsolutePath());
        assertThat(home.resolve("data/problems.json")).exists();

        fx.robot.clickOn(fx.failuresToggle);
        fx.waitUntil("the problems panel", () -> fx.failuresPane.isVisible());
        runFx(() -> ((Button) node("#retryProblemsButton")).fire()); // none chosen: all of them
        fx.waitForImport();
        assertThat(onFx(() -> fx.failuresToggle.getText())).as("refused again: back on the list").isEqualTo("Problems (1)");

        runFx(() -> ((Button) node("#clearProblemsButton")).fire());
        fx.waitUntil("an empty list", () -> onFx(() -> fx.failuresToggle.getText()).equals("Problems (0)"));
        reopen();
        fx.waitUntil("the library", () -> fx.tree.getRoot() != null && fx.tree.getRoot().getValue().count() == 2);
        assertThat(onFx(() -> fx.failuresToggle.getText())).isEqualTo("Problems (0)");
    }

    @Test
    void anImportOfPhotosAlreadyInTheLibraryLinksToTheDuplicatesView() {
        TestDesktopServices.photos(photos, 2);
        fx.importPaths(photos);
        fx.waitForImport();
        assertThat(fx.hasLabelled("View Duplicates")).isFalse();

        fx.importPaths(photos);
        fx.waitForImport();

        fx.waitUntil("the duplicates line", () -> fx.hasLabelled("2 photos were already in the library"));
        fx.robot.clickOn(fx.labelled("View Duplicates"));
        fx.waitUntil("the Duplicates view", () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.Stage s && s != fx.stage && s.isShowing()
                        && s.getTitle() != null && s.getTitle().contains("uplicate")));
    }
}
