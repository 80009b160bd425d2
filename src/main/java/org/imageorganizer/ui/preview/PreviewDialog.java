package org.imageorganizer.ui.preview;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;

/**
 * The preview window: one image large, with its labels and file facts, Open / Show in Folder, and
 * Previous / Next through the images it was opened among. The picture comes from the thumbnail
 * cache at {@value #PICTURE_SIZE} pixels, so a second look is instant and EXIF orientation is applied.
 */
public final class PreviewDialog {
    /** The long side of the picture shown. */
    public static final int PICTURE_SIZE = 1600;

    private final ImageFiles files;
    private final TaskExecutor executor;

    public PreviewDialog(ImageFiles files, TaskExecutor executor) {
        this.files = files;
        this.executor = executor;
    }

    /** Opens the preview (without waiting for it to close) and returns its stage. */
    public Stage show(Window owner, ImageRecord image, List<ImageRecord> neighbours) {
        return show(owner, image, neighbours, null);
    }

    /**
     * As {@link #show(Window, ImageRecord, List)}, with Show Similar, which hands the photo shown to
     * {@code showSimilar} (null: no such button).
     */
    public Stage show(Window owner, ImageRecord image, List<ImageRecord> neighbours, Consumer<ImageRecord> showSimilar) {
        PreviewViewModel model = new PreviewViewModel(files, executor, this::picture, image, neighbours,
                ZoneId.systemDefault());
        Parent root = ViewLoader.load("PreviewDialog", new PreviewDialogController(model, showSimilar));
        Stage stage = ViewLoader.dialogStage(owner, image.fileName(), root);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(640);
        stage.setMinHeight(460);
        stage.setOnHidden(e -> model.close());
        stage.show();
        return stage;
    }

    /** Runs in the background: the cached (or newly made) large JPEG of the image. */
    private Image picture(ImageRecord image) throws Exception {
        byte[] jpeg = files.thumbnail(image, PICTURE_SIZE);
        Image picture = new Image(new ByteArrayInputStream(jpeg));
        if (picture.isError()) {
            throw new IllegalStateException("the picture could not be decoded");
        }
        return picture;
    }
}
