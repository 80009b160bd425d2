package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.imageorganizer.model.ImageRecord;

/**
 * Selecting with a rubber band: a press on the grid's empty space (not on a thumbnail, not on the
 * scroll bar) and a drag draw a rectangle on {@code overlay}, and the thumbnails it touches are
 * selected (with Ctrl, added to the selection there was). A press on empty space without a drag
 * clears the selection. The events are consumed so the grid's flow does not pan meanwhile.
 */
final class RubberBand {
    private final PhotoGrid grid;
    private final Pane overlay;
    private final GridSelection selection;
    private final Rectangle band = new Rectangle();
    private Point2D start;
    private boolean add;
    private boolean dragged;
    private Set<Long> before = Set.of();

    RubberBand(PhotoGrid grid, Pane overlay, GridSelection selection) {
        this.grid = grid;
        this.overlay = overlay;
        this.selection = selection;
        band.getStyleClass().add("rubber-band");
        band.setManaged(false);
        band.setVisible(false);
        overlay.getChildren().add(band);
    }

    void attach() {
        grid.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        grid.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        grid.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || onThumbnailOrScrollBar(e)) {
            return;
        }
        start = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
        add = e.isShortcutDown();
        dragged = false;
        before = selection.ids();
        grid.requestFocus();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (start == null) {
            return;
        }
        Point2D at = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = Math.max(0, Math.min(start.getX(), at.getX()));
        double y = Math.max(0, Math.min(start.getY(), at.getY()));
        double right = Math.min(overlay.getWidth(), Math.max(start.getX(), at.getX()));
        double bottom = Math.min(overlay.getHeight(), Math.max(start.getY(), at.getY()));
        band.setX(x);
        band.setY(y);
        band.setWidth(Math.max(0, right - x));
        band.setHeight(Math.max(0, bottom - y));
        band.setVisible(true);
        dragged = true;
        selection.band(touched(overlay.localToScene(new BoundingBox(x, y, band.getWidth(), band.getHeight()))), add, before);
        e.consume();
    }

    private void released(MouseEvent e) {
        if (start == null) {
            return;
        }
        if (!dragged && !add) {
            selection.clear();
        }
        start = null;
        band.setVisible(false);
        e.consume();
    }

    /** The images of the cells on screen whose bounds meet {@code area} (scene coordinates). */
    private List<ImageRecord> touched(Bounds area) {
        List<ImageRecord> touched = new ArrayList<>();
        for (Node node : grid.lookupAll(".thumbnail-cell")) {
            if (node instanceof ThumbnailCell cell && cell.getItem() != null && !cell.isEmpty() && cell.isVisible()
                    && cell.localToScene(cell.getBoundsInLocal()).intersects(area)) {
                touched.add(cell.getItem());
            }
        }
        return touched;
    }

    private static boolean onThumbnailOrScrollBar(MouseEvent e) {
        Node node = e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode();
        for (; node != null; node = node.getParent()) {
            if (node instanceof ScrollBar || node instanceof ThumbnailCell cell && cell.getItem() != null && !cell.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
