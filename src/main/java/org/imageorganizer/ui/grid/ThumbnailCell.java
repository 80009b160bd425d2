package org.imageorganizer.ui.grid;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.imageorganizer.model.ImageRecord;

/**
 * One image in the grid: its thumbnail (loaded in the background) and its file name. The cell
 * whose image is the grid's current one (keyboard and clicks) has the {@code :current} pseudo-class.
 */
public final class ThumbnailCell extends GridCell<ImageRecord> {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final ThumbnailLoader loader;
    private final ObservableValue<ImageRecord> current;
    private final InvalidationListener currentChanged = o -> showCurrent();
    private final ImageView view = new ImageView();
    private final Label caption = new Label();
    private final VBox box;
    /** The image this cell shows now, read by the loader's threads to drop requests the cell no longer needs. */
    private final AtomicReference<ImageRecord> wanted = new AtomicReference<>();
    /** The image whose thumbnail this cell was last given (or told it has none); FX thread. */
    private ImageRecord settled;

    public ThumbnailCell(ThumbnailLoader loader, double size) {
        this(loader, size, null);
    }

    /** A cell that marks itself when its image is {@code current}'s value (may be null: never). */
    public ThumbnailCell(ThumbnailLoader loader, double size, ObservableValue<ImageRecord> current) {
        this.loader = loader;
        this.current = current;
        if (current != null) {
            current.addListener(new WeakInvalidationListener(currentChanged));
        }
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane frame = new StackPane(view);
        frame.setPrefSize(size, size);
        frame.getStyleClass().add("thumbnail-frame");
        caption.getStyleClass().add("thumbnail-caption");
        caption.setMaxWidth(size);
        box = new VBox(4, frame, caption);
        box.setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("thumbnail-cell");
    }

    @Override
    protected void updateItem(ImageRecord image, boolean empty) {
        super.updateItem(image, empty);
        showCurrent();
        wanted.set(empty ? null : image);
        if (empty || image == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        caption.setText(image.fileName());
        setTooltip(new Tooltip(image.fileName() + "\n" + image.classification().object().name() + " · "
                + image.classification().background().name()));
        setGraphic(box);
        view.setImage(loader.cached(image.id()));
        if (view.getImage() == null) {
            loader.load(image, () -> image.equals(wanted.get()), thumbnail -> {
                if (image.equals(getItem())) {
                    view.setImage(thumbnail);
                    settled = image;
                }
            });
        } else {
            settled = image;
        }
        getProperties().put("image-id", image.id());
    }

    /** Whether the cell shows an image whose thumbnail has arrived (or is known to be missing). */
    public boolean thumbnailSettled() {
        ImageRecord mine = getItem();
        return !isEmpty() && mine != null && mine.equals(settled);
    }

    private void showCurrent() {
        ImageRecord mine = getItem();
        ImageRecord chosen = current == null ? null : current.getValue();
        pseudoClassStateChanged(CURRENT, !isEmpty() && mine != null && chosen != null && mine.id() == chosen.id());
    }
}
