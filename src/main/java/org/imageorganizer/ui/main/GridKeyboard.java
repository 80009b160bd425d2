package org.imageorganizer.ui.main;

import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.GridView;
import org.imageorganizer.model.ImageRecord;

/**
 * Keyboard use of the thumbnail grid, which has no selection of its own: arrows move a current
 * image (shown with the cells' focus style), Enter previews it, Delete removes it from the library.
 */
final class GridKeyboard {
    private GridView<ImageRecord> grid;
    private int current = -1;

    void attach(GridView<ImageRecord> grid, Consumer<ImageRecord> preview, Consumer<ImageRecord> remove) {
        this.grid = grid;
        grid.setFocusTraversable(true);
        grid.getItems().addListener((javafx.collections.ListChangeListener<ImageRecord>) c -> current = Math.min(current, grid.getItems().size() - 1));
        grid.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int size = grid.getItems().size();
            if (size == 0) {
                return;
            }
            int perRow = Math.max(1, (int) ((grid.getWidth() - 20) / (grid.getCellWidth() + grid.getHorizontalCellSpacing() * 2)));
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
                    if (current >= 0) {
                        preview.accept(grid.getItems().get(current));
                    }
                    e.consume();
                    return;
                }
                case DELETE, BACK_SPACE -> {
                    if (current >= 0) {
                        remove.accept(grid.getItems().get(current));
                    }
                    e.consume();
                    return;
                }
                default -> {
                    return;
                }
            }
            current = next;
            grid.getProperties().put("current-image", grid.getItems().get(current));
            e.consume();
        });
    }

    void select(ImageRecord image) {
        if (grid != null && image != null) {
            current = grid.getItems().indexOf(image);
            grid.getProperties().put("current-image", image);
            grid.requestFocus();
        }
    }

    /** The image the keyboard acts on, or null. */
    ImageRecord current() {
        return grid == null || current < 0 || current >= grid.getItems().size() ? null : grid.getItems().get(current);
    }
}
