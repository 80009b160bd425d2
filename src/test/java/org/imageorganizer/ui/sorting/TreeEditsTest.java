package org.imageorganizer.ui.sorting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.Label;
import org.imageorganizer.ui.FakeLibrary;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.SortingLibrary;
import org.imageorganizer.ui.ViewLoader;
import org.imageorganizer.ui.library.LibraryTreeController;
import org.imageorganizer.ui.library.LibraryViewModel;
import org.imageorganizer.ui.library.TreeNode;
import org.imageorganizer.ui.library.TreeRowActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tree's edits: which rows take dropped photos and what a drop moves (over a real library), and renaming a
 * cluster from the real sidebar, headless: F2 or a double click opens the name dialog, Enter saves, Escape cancels.
 */
@Tag("ui")
@Tag("database")
class TreeEditsTest {
    @TempDir
    Path dir;
    private SortingLibrary library;
    private SortingViewModel sorting;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    private final RecordingClusterNaming naming = new RecordingClusterNaming();
    private final List<String> named = naming.named;

    @BeforeEach
    void open() {
        library = new SortingLibrary(dir);
        sorting = new SortingViewModel(library::sorting, new SameThreadTaskExecutor(), new Notices(), () -> { });
        sorting.loadCategories();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        library.close();
    }

    private TreeEdits edits() {
        return new TreeEdits(sorting, new ClusterRenaming(naming, new SameThreadTaskExecutor(), new Notices(), () -> { }));
    }

    private static TreeNode row(TreeNode.Level level, String object, String background, int clusterId) {
        return new TreeNode(level, "row", object, background, clusterId, List.of(1L));
    }

    @Test
    void photosDropOnTheRowsOfCategoriesNotOnOtherOrClustersAndMoveThere() {
        TreeEdits edits = edits();
        assertThat(edits.canMoveHere(row(TreeNode.Level.OBJECT, "dog", null, 0))).isTrue();
        assertThat(edits.canMoveHere(row(TreeNode.Level.BACKGROUND, "dog", "outside", 0))).isTrue();
        assertThat(edits.canMoveHere(row(TreeNode.Level.OBJECT, Label.OTHER, null, 0))).isFalse();
        assertThat(edits.canMoveHere(row(TreeNode.Level.BACKGROUND, "dog", Label.OTHER, 0))).isFalse();
        assertThat(edits.canMoveHere(row(TreeNode.Level.CLUSTER, "dog", "outside", 0))).isFalse();
        assertThat(edits.canMoveHere(row(TreeNode.Level.ALL, null, null, 0))).isFalse();

        long photo = library.add("photo", 0, 2, "cat", "inside");
        edits.moveHere(row(TreeNode.Level.BACKGROUND, "dog", "outside", 0), List.of(photo));
        assertThat(library.labels(photo).object()).isEqualTo(new Label("dog", 0.5, true));
        assertThat(library.labels(photo).background()).isEqualTo(new Label("outside", 0.5, true));
        edits.moveHere(row(TreeNode.Level.OBJECT, "cat", null, 0), List.of(photo));
        assertThat(library.labels(photo).object()).isEqualTo(new Label("cat", 0.5, true));
        assertThat(library.labels(photo).background().name()).isEqualTo("outside");
        assertThat(sorting.undoTextProperty().get()).isEqualTo("Undo Move 1 Photo to “cat”");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** The sidebar over a library of one object → background group with one cluster, everything expanded. */
    @SuppressWarnings("unchecked")
    private TreeView<TreeNode> sidebar() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        FakeLibrary fake = new FakeLibrary();
        fake.add("dog", "beach", 3);
        TreeRowActions none = new TreeRowActions() {
            @Override
            public void copyPaths(TreeNode row) {
            }

            @Override
            public void remove(TreeNode row) {
            }
        };
        return onFx(() -> {
            LibraryViewModel model = new LibraryViewModel(fake, new SameThreadTaskExecutor(), new Notices());
            stage = new Stage();
            stage.setScene(new Scene(ViewLoader.load("LibraryTree", new LibraryTreeController(model, none, edits())), 320, 400));
            stage.show();
            model.refresh();
            TreeView<TreeNode> tree = (TreeView<TreeNode>) stage.getScene().lookup("#tree");
            expand(tree.getRoot());
            return tree;
        });
    }

    private static void expand(TreeItem<TreeNode> item) {
        item.setExpanded(true);
        item.getChildren().forEach(TreeEditsTest::expand);
    }

    private Window dialog() throws Exception {
        return onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#clusterName") != null).findFirst().orElse(null));
    }

    @Test
    void f2OrADoubleClickRenamesAClusterEnterSavesEscapeCancelsAndEmptyClears() throws Exception {
        TreeView<TreeNode> tree = sidebar();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cluster 1  (3)");
        robot.type(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).as("F2 on a cluster opens the name dialog").isNotNull();
        // typed text goes to the focused window, which the dialog becomes on a click (headless)
        robot.eraseText(1).clickOn("#clusterName").write("Ski trip").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(named).containsExactly("dog/beach/0=Ski trip");
        assertThat(dialog()).isNull();

        robot.doubleClickOn("Cluster 1  (3)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).as("a double click opens it too").isNotNull();
        robot.clickOn("#clusterName").write("Not this").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).isNull();
        assertThat(named).hasSize(1);

        robot.clickOn("Cluster 1  (3)").type(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.eraseText(1).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(named).containsExactly("dog/beach/0=Ski trip", "dog/beach/0=null");

        robot.clickOn("Beach  (3)").type(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).as("a background row is not renamed here").isNull();
        assertThat(tree.getRoot().getValue().count()).isEqualTo(3);
    }
}
