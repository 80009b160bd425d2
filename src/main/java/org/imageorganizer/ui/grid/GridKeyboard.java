package org.imageorganizer.ui.grid;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.GridView;
import org.imageorganizer.model.ImageRecord;

/**
 * Keyboard use of the thumbnail grid, which has no selection of its own: arrows move a current
 * image ({@link #currentProperty()}, which the cells show and which is scrolled into view), a click
 * makes an image current, Enter previews it, Delete removes it from the library.
 */
final class GridKeyboard {
    private final ReadOnlyObjectWrapper<ImageRecord> currentImage = new ReadOnlyObjectWrapper<>();
    private GridView<ImageRecord> grid;
    private int current = -1;

    void attach(GridView<ImageRecord> grid, Consumer<ImageRecord> preview, Consumer<ImageRecord> remove) {
        this.grid = grid;
        grid.setFocusTraversable(true);
        grid.getItems().addListener((ListChangeListener<ImageRecord>) this::itemsChanged);
        grid.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int size = grid.getItems().size();
            if (size == 0) {
                return;
            }
            int perRow = perRow();
            int next = current < 0 ? 0 : current;
            KeyCode code = e.getCode();
            switch (code) {
                case RIGHT -> next = Math.min(size - 1, next + (current < 0 ? 0 : 1));
                case LEFT -> next = Math.max(0, next - 1);
                case DOWN -> next = Math.min(size - 1, next + (current < 0 ? 0 : perRow));
                case UP -> next = Math.max(0, next - perRow);
                case HOME -> next = 0;
                case END -> next = size - 1;
                case ENTER -> {
                    if (current() != null) {
                        preview.accept(current());
                    }
                    e.consume();
                    return;
                }
                case DELETE, BACK_SPACE -> {
                    if (current() != null) {
                        remove.accept(current());
                    }
                    e.consume();
                    return;
                }
                default -> {
                    return;
                }
            }
            moveTo(next);
            e.consume();
        });
    }

    /** Keeps the current image when it is still there; after a removal the next one becomes current. */
    private void itemsChanged(ListChangeListener.Change<? extends ImageRecord> change) {
        ImageRecord was = currentImage.get();
        int at = was == null ? -1 : indexOf(was);
        if (at < 0 && was != null && onlyRemovals(change) && !grid.getItems().isEmpty()) {
            at = Math.min(current, grid.getItems().size() - 1);
        }
        current = at;
        currentImage.set(at < 0 ? null : grid.getItems().get(at));
    }

    private static boolean onlyRemovals(ListChangeListener.Change<? extends ImageRecord> change) {
        change.reset();
        boolean removals = false;
        while (change.next()) {
            if (change.wasAdded() || change.wasPermutated() || change.wasUpdated()) {
                return false;
            }
            removals |= change.wasRemoved();
        }
        return removals;
    }

    private int indexOf(ImageRecord image) {
        for (int i = 0; i < grid.getItems().size(); i++) {
            if (grid.getItems().get(i).id() == image.id()) {
                return i;
            }
        }
        return -1;
    }

    private void moveTo(int index) {
        current = index;
        currentImage.set(grid.getItems().get(index));
        reveal(index);
    }

    /** Cells per row as the grid's skin lays them out (estimated before it has one). */
    private int perRow() {
        if (grid.getSkin() instanceof impl.org.controlsfx.skin.GridViewSkin<?> skin) {
            return Math.max(1, skin.computeMaxCellsInRow());
        }
        return Math.max(1, (int) ((grid.getWidth() - 20) / (grid.getCellWidth() + grid.getHorizontalCellSpacing() * 2)));
    }

    /** Scrolls the least needed to show the row of {@code index}. */
    private void reveal(int index) {
        Node flow = grid.lookup(".virtual-flow");
        if (flow instanceof VirtualFlow<?> virtualFlow) {
            virtualFlow.scrollTo(index / perRow());
        }
    }

    /** Makes {@code image} current (a click) and gives the grid the keyboard. */
    void select(ImageRecord image) {
        if (grid != null && image != null) {
            int at = indexOf(image);
            if (at >= 0) {
                current = at;
                currentImage.set(grid.getItems().get(at));
            }
            grid.requestFocus();
        }
    }

    /** The image the keyboard acts on, or null. */
    ImageRecord current() {
        return currentImage.get();
    }

    /** The image the keyboard acts on, for the cells to show. */
    ReadOnlyObjectProperty<ImageRecord> currentProperty() {
        return currentImage.getReadOnlyProperty();
    }
}
