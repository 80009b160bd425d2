package org.imageorganizer.ui.grid;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

/**
 * Tells once when the grid's first screen is complete: its images read and every cell on screen
 * showing its thumbnail (or known to have none). For the window's start-up figure (ADR 0031): the
 * window logs it, and the start-up bench reads the line.
 */
public final class FirstThumbnails {
    private final PhotoGrid grid;
    private final ImageGridViewModel model;
    private final IntConsumer shown;
    private final Runnable check = this::check;
    private final ChangeListener<Boolean> loaded = (o, was, now) -> check();
    private Scene watched;
    private boolean done;

    private FirstThumbnails(PhotoGrid grid, ImageGridViewModel model, IntConsumer shown) {
        this.grid = grid;
        this.model = model;
        this.shown = shown;
    }

    /**
     * Calls {@code shown} with the number of thumbnails on screen once the grid has read its images and
     * they are all on screen (0 at once when the row has no images). FX thread; the grid must be in a scene.
     */
    public static void whenComplete(PhotoGrid grid, ImageGridViewModel model, IntConsumer shown) {
        FirstThumbnails watch = new FirstThumbnails(grid, model, shown);
        model.loadingProperty().addListener(watch.loaded);
        watch.watched = grid.getScene();
        watch.watched.addPostLayoutPulseListener(watch.check);
        watch.check();
    }

    private void check() {
        if (done || model.loadingProperty().get()) {
            return;
        }
        int count;
        if (model.images().isEmpty()) {
            count = 0;
        } else {
            List<ThumbnailCell> cells = grid.visibleCells();
            if (cells.isEmpty() || !cells.stream().allMatch(ThumbnailCell::thumbnailSettled)) {
                return; // the cells are laid out, or their thumbnails arrive, in a later pulse
            }
            count = cells.size();
        }
        done = true;
        model.loadingProperty().removeListener(loaded);
        Platform.runLater(() -> watched.removePostLayoutPulseListener(check)); // not while the scene runs its listeners
        shown.accept(count);
    }
}
