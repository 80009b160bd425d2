package org.imageorganizer.ui.main;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts the main window where it was last time (on a screen that is still there) and remembers
 * its normal bounds while it runs, so a maximized window comes back to its old size when restored.
 */
final class WindowPlacement {
    private final Stage stage;
    private final SplitPane split;
    private double x;
    private double y;
    private double width;
    private double height;
    private boolean placed;

    WindowPlacement(Stage stage, SplitPane split) {
        this.stage = stage;
        this.split = split;
    }

    /** Applies {@code saved} before the stage is shown, then follows the stage's normal bounds. */
    void restore(WindowState saved) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        List<Rectangle2D> ordered = new ArrayList<>(screens);
        ordered.remove(primary);
        ordered.add(0, primary);
        WindowState state = saved.placedOn(ordered);
        width = state.width();
        height = state.height();
        stage.setWidth(width);
        stage.setHeight(height);
        if (state.centred()) {
            stage.centerOnScreen();
        } else {
            x = state.x();
            y = state.y();
            placed = true;
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(state.maximized());
        // after the first layout at the real size: before it, the sidebar's minimum width would move the divider
        split.setDividerPositions(state.divider());
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> split.setDividerPositions(state.divider())));
        stage.xProperty().addListener((o, old, now) -> remember());
        stage.yProperty().addListener((o, old, now) -> remember());
        stage.widthProperty().addListener((o, old, now) -> remember());
        stage.heightProperty().addListener((o, old, now) -> remember());
    }

    private void remember() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            x = stage.getX();
            y = stage.getY();
            width = stage.getWidth();
            height = stage.getHeight();
            placed = true;
        }
    }

    /** The state to save now. */
    WindowState current() {
        double[] dividers = split.getDividerPositions();
        double divider = dividers.length > 0 ? dividers[0] : WindowState.DEFAULT_DIVIDER;
        return new WindowState(placed ? x : null, placed ? y : null, width, height, stage.isMaximized(), divider);
    }
}
