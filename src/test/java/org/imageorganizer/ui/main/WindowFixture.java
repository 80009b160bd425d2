package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.ui.grid.PhotoGrid;
import org.imageorganizer.model.FileFailure;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.FxTaskExecutor;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.imageorganizer.ui.library.TreeNode;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a stage of TestFX's toolkit (Monocle, headless), over
 * {@link TestDesktopServices}, with background work on real threads as in the application and
 * dialogs that only record. The toolkit starts once per JVM and stays up for the next test class.
 * Waits are told: a condition is checked again when the window changes (a pulse of its scenes, a
 * menu item's text, a dialog asked for), not on a timer; the long timeout only stops a test that
 * would otherwise hang.
 */
final class WindowFixture implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Only for a window that never gets there: a test that works is told long before. */
    static final Duration HANG_GUARD = Duration.ofSeconds(Long.getLong("window.hangGuardSeconds", 180));

    final TestDesktopServices services;
    final RecordingDialogs dialogs;
    final FxTaskExecutor executor = new FxTaskExecutor(3);
    final FxRobot robot = new FxRobot();
    final DesktopWindow window;
    final Stage stage;
    final MainWindowController controller;
    final TreeView<TreeNode> tree;
    final PhotoGrid grid;
    final Node emptyHint;
    final Button cancelButton;
    final ProgressBar progress;
    final ToggleButton failuresToggle;
    final TitledPane failuresPane;
    final ListView<FileFailure> failures;
    final Label statusLabel;
    final TextField search;
    final Label notice;
    final Node noticeBar;
    final Label clusterState;

    WindowFixture(TestDesktopServices services) {
        this(services, new RecordingDialogs());
    }

    /** A window whose dialogs are these (e.g. recording, but showing the real first-run dialog). */
    WindowFixture(TestDesktopServices services, RecordingDialogs dialogs) {
        this.dialogs = dialogs;
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
        Platform.setImplicitExit(false); // closing one test's window must not end the toolkit
        this.services = services;
        this.window = new DesktopWindow(services.windowServices(), executor, dialogs);
        this.stage = onFx(Stage::new);
        this.controller = onFx(() -> window.show(stage));
        this.tree = find("#tree");
        this.grid = find("#grid");
        this.emptyHint = find("#emptyHint");
        this.cancelButton = find("#cancelButton");
        this.progress = find("#progress");
        this.failuresToggle = find("#failuresToggle");
        this.failuresPane = find("#failuresPane");
        this.failures = find("#failures");
        this.statusLabel = find("#status");
        this.search = find("#search");
        this.notice = find("#notice");
        this.noticeBar = find("#noticeBar");
        this.clusterState = find("#clusterState");
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T find(String selector) {
        Node found = onFx(() -> stage.getScene().lookup(selector));
        if (found == null) {
            throw new IllegalStateException("the window has no " + selector);
        }
        return (T) found;
    }

    /** Runs on the FX thread and returns the result (errors thrown here). */
    static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer", e);
        }
    }

    static void runFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits until {@code condition} holds, checking it on the FX thread now and each time the window
     * changes: after each pulse of its scenes (the tree, the grid, the status line, a thumbnail, the dialogs
     * open then), when a dialog is asked for. Fails with what the window shows if
     * nothing makes it true before the hang guard.
     */
    void waitUntil(String what, Callable<Boolean> condition) {
        CompletableFuture<Boolean> met = new CompletableFuture<>();
        Runnable check = () -> {
            if (met.isDone()) {
                return;
            }
            try {
                if (condition.call()) {
                    met.complete(true);
                }
            } catch (Exception | AssertionError e) {
                met.completeExceptionally(e);
            }
        };
        List<Scene> scenes = new ArrayList<>();
        runFx(() -> {
            for (Window open : Window.getWindows()) {
                if (open.getScene() != null) {
                    scenes.add(open.getScene());
                    open.getScene().addPostLayoutPulseListener(check);
                }
            }
            dialogs.onCall(check);
            check.run();
            Platform.requestNextPulse();
        });
        try {
            met.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("Nothing the window did in " + HANG_GUARD.toSeconds() + " s made this true: " + what
                    + "; status \"" + status() + "\", selected row " + onFx(() -> tree.getSelectionModel().getSelectedItem())
                    + ", grid of " + onFx(() -> grid.getItems().size()) + ", tree " + treeRows());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } finally {
            runFx(() -> {
                scenes.forEach(scene -> scene.removePostLayoutPulseListener(check));
                dialogs.onCall(() -> { });
            });
        }
    }

    void importPaths(Path... paths) {
        runFx(() -> controller.importPaths(List.of(paths)));
    }

    /** Waits until the import has ended and the tree has caught up with the library. */
    void waitForImport() {
        waitUntil("the import to end", () -> !running()
                && (statusLabel.getText().startsWith("Done") || statusLabel.getText().startsWith("Stopped")));
        long inLibrary = services.library().images().count();
        waitUntil("the tree to show the " + inLibrary + " photos of the library, grouped",
                () -> tree.getRoot().getValue().count() == inLibrary && clusterState.getText().isEmpty());
    }

    boolean running() {
        return cancelButton.isVisible();
    }

    String status() {
        return onFx(() -> statusLabel.getText());
    }

    /** Every row of the tree model, indented by depth: "All photos (12)", "  Tree (5)", "    Urban (3)"… */
    List<String> treeRows() {
        return onFx(() -> {
            List<String> rows = new ArrayList<>();
            if (tree.getRoot() != null) {
                addRows(tree.getRoot(), 0, rows);
            }
            return rows;
        });
    }

    private static void addRows(TreeItem<TreeNode> item, int depth, List<String> rows) {
        rows.add("  ".repeat(depth) + item.getValue());
        for (TreeItem<TreeNode> child : item.getChildren()) {
            addRows(child, depth + 1, rows);
        }
    }

    /** The tree's top-level rows under All photos. */
    List<TreeNode> objectRows() {
        return onFx(() -> tree.getRoot().getChildren().stream().map(TreeItem::getValue).toList());
    }

    List<ImageRecord> gridItems() {
        return onFx(() -> List.copyOf(grid.getItems()));
    }

    /** The grid's cells on screen that show an image. */
    List<ThumbnailCell> visibleCells() {
        return onFx(() -> grid.visibleCells().stream().filter(c -> c.getGraphic() != null).toList());
    }

    static boolean thumbnailShown(ThumbnailCell cell) {
        Node view = cell.lookup(".image-view");
        return view instanceof ImageView image && image.getImage() != null && image.getImage().getWidth() > 0;
    }

    /** A visible labelled control (menu, menu item, button, cell) showing this text, mnemonics aside. */
    Node labelled(String text) {
        return onFx(() -> robot.lookup(n -> n instanceof Labeled l && n.isVisible() && l.getText() != null
                && l.getText().replace("_", "").equals(text)).query());
    }

    boolean hasLabelled(String text) {
        return onFx(() -> robot.lookup(n -> n instanceof Labeled l && n.isVisible() && l.getText() != null
                && l.getText().replace("_", "").equals(text)).tryQuery().isPresent());
    }

    @Override
    public void close() {
        try {
            if (onFx(this::running)) {
                runFx(cancelButton::fire);
                services.releaseDecodes(); // a test that held them has ended
                waitUntil("the import to stop", () -> !running());
            }
        } finally {
            runFx(() -> {
                stage.close();
                window.close();
            });
            executor.close();
            services.close();
        }
    }
}
