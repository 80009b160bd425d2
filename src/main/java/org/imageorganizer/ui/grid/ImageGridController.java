package org.imageorganizer.ui.grid;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;
import org.imageorganizer.model.ImageRecord;

/**
 * The thumbnail grid (ImageGrid.fxml) with its hint while it is empty ("Opening the library…" until
 * the library has been read): a click makes an image current, a double click or Enter previews it,
 * Delete removes it from the library after asking.
 */
public final class ImageGridController {
    public static final double THUMBNAIL_SIZE = 160;

    private final ImageGridViewModel model;
    private final ThumbnailLoader thumbnails;
    private final ImageActions actions;
    private final GridKeyboard keyboard = new GridKeyboard();

    @FXML GridView<ImageRecord> grid;
    @FXML VBox emptyHint;
    @FXML Label emptyTitle;
    @FXML Label emptyText;

    public ImageGridController(ImageGridViewModel model, ThumbnailLoader thumbnails, ImageActions actions) {
        this.model = model;
        this.thumbnails = thumbnails;
        this.actions = actions;
    }

    @FXML
    void initialize() {
        grid.setItems(model.images());
        grid.setCellWidth(THUMBNAIL_SIZE + 8);
        grid.setCellHeight(THUMBNAIL_SIZE + 26);
        grid.setCellFactory(g -> {
            ThumbnailCell cell = new ThumbnailCell(thumbnails, THUMBNAIL_SIZE, keyboard.currentProperty());
            cell.setOnMouseClicked(e -> {
                keyboard.select(cell.getItem());
                if (e.getClickCount() == 2 && cell.getItem() != null) {
                    preview(cell.getItem());
                }
            });
            return cell;
        });
        keyboard.attach(grid, this::preview, this::remove);
        emptyHint.visibleProperty().bind(Bindings.isEmpty(model.images()));
        String dropHere = emptyTitle.getText();
        emptyTitle.textProperty().bind(Bindings.when(model.placeholderProperty().isEmpty())
                .then(dropHere).otherwise(model.placeholderProperty()));
        emptyText.visibleProperty().bind(model.placeholderProperty().isEmpty());
    }

    private void preview(ImageRecord image) {
        actions.preview(image, List.copyOf(model.images()));
    }

    private void remove(ImageRecord image) {
        if (actions.confirmRemove(1)) {
            model.remove(image, () -> { });
        }
    }
}
