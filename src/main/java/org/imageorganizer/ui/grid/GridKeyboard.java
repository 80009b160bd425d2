package org.imageorganizer.ui.grid;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.imageorganizer.model.ImageRecord;

/**
 * Keyboard use of the thumbnail grid, on its {@link GridSelection}: arrows move the current image
 * (selecting it alone; with Shift extending the selection from the anchor; up and down keep the column
 * across month headers), which is scrolled into view; Ctrl+A selects all, Escape clears the selection, Enter previews the current image, Delete
 * removes the selection from the library.
 */
final class GridKeyboard {
    private PhotoGrid grid;
    private GridSelection selection;

    void attach(PhotoGrid grid, GridSelection selection, Consumer<ImageRecord> preview,
            Consumer<List<ImageRecord>> remove) {
        this.grid = grid;
        this.selection = selection;
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
        GridLayout layout = grid.gridLayout();
        switch (code) {
            case RIGHT -> next = Math.min(size - 1, next + (at < 0 ? 0 : 1));
            case LEFT -> next = Math.max(0, next - 1);
            case DOWN -> next = at < 0 ? 0 : layout.below(at);
            case UP -> next = at < 0 ? 0 : layout.above(at);
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
        grid.reveal(next);
        return true;
    }
}
