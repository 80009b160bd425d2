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
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.FxTaskExecutor;
import org.imageorganizer.ui.TestDesktopServices;
import org.imageorganizer.ui.grid.ThumbnailCell;
import org.imageorganizer.ui.library.TreeNode;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a stage of TestFX's toolkit (Monocle, headless), over
 * {@link TestDesktopServices}, with background work on real threads as in the application and
 * dialogs that only record. The toolkit starts once per JVM and stays up for the next test class.
 */
final class WindowFixture implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final TestDesktopServices services;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final FxTaskExecutor executor = new FxTaskExecutor(3);
    final FxRobot robot = new FxRobot();
    final DesktopWindow window;
    final Stage stage;
    final MainWindowController controller;

    WindowFixture(TestDesktopServices services) {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
        Platform.setImplicitExit(false); // closing one test's window must not end the toolkit
        this.services = services;
        this.window = new DesktopWindow(services, executor, dialogs);
        this.stage = onFx(Stage::new);
        this.controller = onFx(() -> window.show(stage));
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

    /** Polls {@code condition} on the FX thread until it holds; fails with what the window shows otherwise. */
    void waitUntil(String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                fail("Waited " + TIMEOUT.toSeconds() + " s for " + what + "; status \"" + status() + "\", tree " + treeRows());
            }
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
    }

    void importPaths(Path... paths) {
        runFx(() -> controller.importPaths(List.of(paths)));
    }

    /** Waits until the import has ended and the tree has caught up with the library. */
    void waitForImport() {
        waitUntil("the import to end", () -> !running()
                && (controller.status.getText().startsWith("Done") || controller.status.getText().startsWith("Stopped")));
        long inLibrary = services.library().images().count();
        waitUntil("the tree to show the " + inLibrary + " photos of the library",
                () -> controller.tree.getRoot().getValue().count() == inLibrary);
    }

    boolean running() {
        return controller.cancelButton.isVisible();
    }

    String status() {
        return onFx(() -> controller.status.getText());
    }

    /** Every row of the tree model, indented by depth: "All photos (12)", "  Tree (5)", "    Urban (3)"… */
    List<String> treeRows() {
        return onFx(() -> {
            List<String> rows = new ArrayList<>();
            if (controller.tree.getRoot() != null) {
                addRows(controller.tree.getRoot(), 0, rows);
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
        return onFx(() -> controller.tree.getRoot().getChildren().stream().map(TreeItem::getValue).toList());
    }

    List<ImageRecord> gridItems() {
        return onFx(() -> List.copyOf(controller.grid.getItems()));
    }

    /** The grid's cells on screen that show an image. */
    List<ThumbnailCell> visibleCells() {
        return onFx(() -> robot.lookup(".thumbnail-cell").queryAllAs(ThumbnailCell.class).stream()
                .filter(c -> c.getItem() != null && c.isVisible() && c.getGraphic() != null).toList());
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
                runFx(controller::cancelImport);
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
