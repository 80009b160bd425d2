package org.imageorganizer.ui.preview;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;

/**
 * The viewer: one photo large (the grid's small thumbnail at once, then the large picture), zoom and
 * full screen, its categories and file facts, Open / Show in Folder, and Previous / Next through the
 * images it was opened among. The large picture comes from the thumbnail cache at {@value #PICTURE_SIZE}
 * pixels, so a second look is instant and EXIF orientation is applied. The window is resizable and
 * opens within the visual bounds of its owner's screen.
 */
public final class PreviewDialog {
    /** The long side of the picture shown. */
    public static final int PICTURE_SIZE = 1600;
    /** The long side of the picture shown at once: the grid's thumbnail size, usually in the disk cache already. */
    public static final int QUICK_SIZE = 256;
    /** The size the viewer opens at when the screen has room. */
    static final double PREFERRED_WIDTH = 1100;
    static final double PREFERRED_HEIGHT = 740;

    private final ImageFiles files;
    private final TaskExecutor executor;

    public PreviewDialog(ImageFiles files, TaskExecutor executor) {
        this.files = files;
        this.executor = executor;
    }

    /** Opens the preview (without waiting for it to close) and returns its stage. */
    public Stage show(Window owner, ImageRecord image, List<ImageRecord> neighbours) {
        return show(owner, image, neighbours, null, null);
    }

    /**
     * As {@link #show(Window, ImageRecord, List)}, with Show Similar, which hands the photo shown to
     * {@code showSimilar} (null: no such button), and {@code closed}, told the photo shown last when the
     * viewer closes (null: nobody is told).
     */
    public Stage show(Window owner, ImageRecord image, List<ImageRecord> neighbours, Consumer<ImageRecord> showSimilar,
            Consumer<ImageRecord> closed) {
        PreviewViewModel model = new PreviewViewModel(files, executor, this::picture, this::quickPicture, image,
                neighbours, ZoneId.systemDefault());
        model.sharpenWith(new FullPicture(files));
        Parent root = ViewLoader.load("PreviewDialog", new PreviewDialogController(model, showSimilar));
        Stage stage = ViewLoader.dialogStage(owner, image.fileName(), root);
        stage.titleProperty().bind(model.titleProperty());
        stage.setResizable(true);
        placeOnScreen(stage, owner);
        stage.setOnHidden(e -> {
            model.close();
            if (closed != null && model.imageProperty().get() != null) {
                closed.accept(model.imageProperty().get());
            }
        });
        stage.show();
        return stage;
    }

    /** Never larger than the visual bounds of the owner's screen (the primary one without an owner), centred on it. */
    private static void placeOnScreen(Stage stage, Window owner) {
        Rectangle2D bounds = screenOf(owner).getVisualBounds();
        Rectangle2D place = placement(bounds);
        stage.setMinWidth(Math.min(640, bounds.getWidth()));
        stage.setMinHeight(Math.min(460, bounds.getHeight()));
        stage.setWidth(place.getWidth());
        stage.setHeight(place.getHeight());
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
    }

    /**
     * Where the viewer opens on a screen whose visual bounds (without task bars) are {@code bounds}: most of
     * it, at least {@value #PREFERRED_WIDTH} × {@value #PREFERRED_HEIGHT} when there is room, never more than it,
     * centred.
     */
    static Rectangle2D placement(Rectangle2D bounds) {
        double width = Math.min(Math.max(PREFERRED_WIDTH, bounds.getWidth() * 0.8), bounds.getWidth());
        double height = Math.min(Math.max(PREFERRED_HEIGHT, bounds.getHeight() * 0.85), bounds.getHeight());
        return new Rectangle2D(bounds.getMinX() + (bounds.getWidth() - width) / 2,
                bounds.getMinY() + (bounds.getHeight() - height) / 2, width, height);
    }

    private static Screen screenOf(Window owner) {
        if (owner == null || Double.isNaN(owner.getX())) {
            return Screen.getPrimary();
        }
        List<Screen> screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
        return screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
    }

    /** Runs in the background: the cached (or newly made) large JPEG of the image. */
    private Image picture(ImageRecord image) throws Exception {
        return decode(files.thumbnail(image, PICTURE_SIZE));
    }

    /** Runs in the background: the grid's thumbnail, shown while the large picture is made. */
    private Image quickPicture(ImageRecord image) throws Exception {
        return decode(files.thumbnail(image, QUICK_SIZE));
    }

    private static Image decode(byte[] jpeg) {
        Image picture = new Image(new ByteArrayInputStream(jpeg));
        if (picture.isError()) {
            throw new IllegalStateException("the picture could not be decoded");
        }
        return picture;
    }
}
