package org.imageorganizer.ui.grid;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.image.Image;
import java.util.Locale;
import org.imageorganizer.model.ImageRecord;

/**
 * One image in the grid: its thumbnail (loaded in the background, drawn by {@link ThumbnailFit}), its file
 * name and its date taken (short, in the user's locale; in italics when it is only the file's time). Cells are
 * recycled as the grid scrolls, so what marks an image is asked of {@link Marks} by id each time: the
 * cell of the grid's current image (keyboard and clicks) has the {@code :current} pseudo-class, a
 * selected one {@code :selected}, and the tile of a stack of near-duplicates a count badge that opens
 * and folds the stack ({@code :stacked} on the tile, {@code :in-stack} on the members shown).
 */
public final class ThumbnailCell extends IndexedCell<ImageRecord> {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass STACKED = PseudoClass.getPseudoClass("stacked");
    private static final PseudoClass IN_STACK = PseudoClass.getPseudoClass("in-stack");
    private static final PseudoClass FILE_TIME = PseudoClass.getPseudoClass("file-time");

    /** What marks the grid's images, by id: asked on every update, so a recycled cell shows its new image's marks. */
    public interface Marks {
        /** Changes whenever a mark may have changed (the selection, the current image, the stacks). */
        ObservableValue<?> changes();

        boolean current(ImageRecord image);

        boolean selected(ImageRecord image);

        /** The photos of the stack this image is the tile of (2 or more), else 0. */
        int stackSize(ImageRecord image);

        /** Whether this image is the tile of an open stack. */
        boolean stackOpen(ImageRecord image);

        /** Whether this image is shown as a member of an open stack (not its tile). */
        boolean inOpenStack(ImageRecord image);

        /** The badge was clicked: open the stack, or fold it. */
        void toggleStack(ImageRecord image);
    }

    private final ThumbnailLoader loader;
    private final Marks marks;
    private final ChangeListener<Object> marksChanged = (o, was, now) -> showMarks();
    private final ImageView view = new ImageView();
    private final Label caption = new Label();
    private final Label date = new Label();
    private final StackPane frame;
    private double size;
    private final Label badge = new Label();
    private final VBox box;
    /** The image this cell shows now, read by the loader's threads to drop requests the cell no longer needs. */
    private final AtomicReference<ImageRecord> wanted = new AtomicReference<>();
    /** The image whose thumbnail this cell was last given (or told it has none); FX thread. */
    private ImageRecord settled;

    public ThumbnailCell(ThumbnailLoader loader, double size) {
        this(loader, size, null);
    }

    /** A cell that shows the marks of its image ({@code marks} may be null: none). */
    public ThumbnailCell(ThumbnailLoader loader, double size, Marks marks) {
        this.loader = loader;
        this.marks = marks;
        if (marks != null) {
            marks.changes().addListener(new WeakChangeListener<Object>(marksChanged));
        }
        view.setPreserveRatio(true);
        badge.getStyleClass().add("stack-badge");
        badge.setVisible(false);
        badge.setOnMouseClicked(e -> {
            ImageRecord mine = getItem();
            if (marks != null && mine != null) {
                marks.toggleStack(mine);
            }
            e.consume();
        });
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        Region placeholder = new Region(); // a picture glyph on the card until the thumbnail is there (app.css)
        placeholder.getStyleClass().add("thumbnail-placeholder");
        placeholder.visibleProperty().bind(view.imageProperty().isNull());
        frame = new StackPane(placeholder, view, badge);
        frame.getStyleClass().add("thumbnail-frame");
        caption.getStyleClass().add("thumbnail-caption");
        date.getStyleClass().add("thumbnail-date");
        box = new VBox(2, frame, caption, date);
        box.setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("thumbnail-cell");
        setSize(size);
    }

    /** The side of the thumbnail's square frame (the size slider). */
    public void setSize(double size) {
        this.size = size;
        frame.setMinSize(size, size);
        frame.setPrefSize(size, size);
        frame.setMaxSize(size, size);
        caption.setMaxWidth(size);
        date.setMaxWidth(size);
        fit();
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
        return new javafx.scene.control.skin.CellSkinBase<>(this); // a bare cell has none of its own
    }

    /** Shows {@code image} (null: nothing), as a flow would when it reuses the cell. */
    public void show(ImageRecord image) {
        if (image != getItem() || image == null != isEmpty()) {
            updateItem(image, image == null);
        }
    }

    private void showThumbnail(Image thumbnail) {
        view.setImage(thumbnail);
        fit();
    }

    private void fit() {
        Image image = view.getImage();
        ThumbnailFit fit = image == null ? new ThumbnailFit(size, size, true)
                : ThumbnailFit.of(image.getWidth(), image.getHeight(), size);
        view.setFitWidth(fit.width());
        view.setFitHeight(fit.height());
        view.setSmooth(fit.smooth());
    }

    @Override
    protected void updateItem(ImageRecord image, boolean empty) {
        super.updateItem(image, empty);
        showMarks();
        wanted.set(empty ? null : image);
        if (empty || image == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        caption.setText(image.fileName());
        String taken = MonthSections.caption(image, Locale.getDefault(Locale.Category.FORMAT));
        boolean fileTime = MonthSections.fromFileTime(image);
        date.setText(taken);
        date.pseudoClassStateChanged(FILE_TIME, fileTime);
        setTooltip(new Tooltip(image.fileName() + "\n" + image.classification().object().name() + " · "
                + image.classification().background().name()
                + (taken.isEmpty() ? "" : "\n" + (fileTime ? "File date " + taken + " (the photo does not say when it was taken)"
                        : "Taken " + taken))));
        setGraphic(box);
        showThumbnail(loader.cached(image.id()));
        if (view.getImage() == null) {
            loader.load(image, () -> image.equals(wanted.get()), thumbnail -> {
                if (image.equals(getItem())) {
                    showThumbnail(thumbnail);
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

    private void showMarks() {
        ImageRecord mine = isEmpty() ? null : getItem();
        boolean marked = marks != null && mine != null;
        pseudoClassStateChanged(CURRENT, marked && marks.current(mine));
        pseudoClassStateChanged(SELECTED, marked && marks.selected(mine));
        int stack = marked ? marks.stackSize(mine) : 0;
        boolean open = stack > 1 && marks.stackOpen(mine);
        pseudoClassStateChanged(STACKED, stack > 1);
        pseudoClassStateChanged(IN_STACK, marked && marks.inOpenStack(mine));
        badge.setVisible(stack > 1);
        badge.setText(stack > 1 ? (open ? stack + " \u25BE" : stack + " \u25B8") : "");
        badge.setTooltip(stack > 1 ? new Tooltip(open ? "Fold these " + stack + " near-duplicates into one tile"
                : stack + " near-duplicates of one picture: click to show them all") : null);
    }
}
