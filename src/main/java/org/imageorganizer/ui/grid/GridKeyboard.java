package org.imageorganizer.ui.grid;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.GridView;
import org.imageorganizer.model.ImageRecord;

/**
 * Keyboard use of the thumbnail grid, on its {@link GridSelection}: arrows move the current image
 * (selecting it alone; with Shift extending the selection from the anchor), which is scrolled into
 * view; Ctrl+A selects all, Escape clears the selection, Enter previews the current image, Delete
 * removes the selection from the library.
 */
final class GridKeyboard {
    private GridView<ImageRecord> grid;
    private GridSelection selection;

    void attach(GridView<ImageRecord> grid, GridSelection selection, Consumer<ImageRecord> preview,
            Consumer<List<ImageRecord>> remove) {
        this.grid = grid;
        this.selection = selection;
        grid.setFocusTraversable(true);
        grid.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (handled(e, preview, remove)) {
                e.consume();
            }
        });
    }

    private boolean handled(KeyEvent e, Consumer<ImageRecord> preview, Consumer<List<ImageRecord>> remove) {
        List<ImageRecord> items = grid.getItems();
        int size = items.size();
        if (size == 0) {
            return false;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.A && e.isShortcutDown()) {
            selection.selectAll();
            return true;
        }
        ImageRecord current = selection.currentProperty().get();
        int at = current == null ? -1 : items.indexOf(current);
        int next = at < 0 ? 0 : at;
        int perRow = perRow();
        switch (code) {
            case RIGHT -> next = Math.min(size - 1, next + (at < 0 ? 0 : 1));
            case LEFT -> next = Math.max(0, next - 1);
            case DOWN -> next = Math.min(size - 1, next + (at < 0 ? 0 : perRow));
            case UP -> next = Math.max(0, next - perRow);
            case HOME -> next = 0;
            case END -> next = size - 1;
            case ESCAPE -> {
                selection.clear();
                return true;
            }
            case ENTER -> {
                if (current != null) {
                    preview.accept(current);
                }
                return true;
            }
            case DELETE, BACK_SPACE -> {
                List<ImageRecord> targets = selection.targets();
                if (!targets.isEmpty()) {
                    remove.accept(targets);
                }
                return true;
            }
            default -> {
                return false;
            }
        }
        ImageRecord image = items.get(next);
        if (e.isShiftDown()) {
            selection.extendTo(image, e.isShortcutDown());
        } else {
            selection.select(image);
        }
        reveal(next);
        return true;
    }

    /** Cells per row as the grid's skin lays them out (estimated before it has one). */
    private int perRow() {
        if (grid.getSkin() instanceof impl.org.controlsfx.skin.GridViewSkin<?> skin) {
            return Math.max(1, skin.computeMaxCellsInRow());
        }
        return Math.max(1, (int) ((grid.getWidth() - 20) / (grid.getCellWidth() + grid.getHorizontalCellSpacing() * 2)));
    }

    /** Scrolls the least needed to show the row of {@code index}. */
    void reveal(int index) {
        Node flow = grid.lookup(".virtual-flow");
        if (flow instanceof VirtualFlow<?> virtualFlow) {
            virtualFlow.scrollTo(index / perRow());
        }
    }
}
