package org.imageorganizer.ui.duplicates;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoTrash;
import org.imageorganizer.ui.AppIcons;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;
import org.imageorganizer.ui.grid.ThumbnailLoader;

/**
 * The Duplicates view in a window of its own beside the main one (View → Duplicates…): one at a time;
 * asking again brings it to the front and reads the stacks again. Its thumbnails load on a thread of
 * their own, stopped when it closes.
 */
public final class DuplicatesWindow {
    private final PhotoDuplicates duplicates;
    private final PhotoTrash trash;
    private final ImageFiles files;
    private final TaskExecutor executor;
    private Stage stage;
    private DuplicatesViewModel model;
    private ThumbnailLoader thumbnails;

    public DuplicatesWindow(PhotoDuplicates duplicates, PhotoTrash trash, ImageFiles files, TaskExecutor executor) {
        this.duplicates = duplicates;
        this.trash = trash;
        this.files = files;
        this.executor = executor;
    }

    /** Shows the window (or brings it to the front) and reads the stacks. */
    public Stage show(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            model.load();
            return stage;
        }
        stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        thumbnails = new ThumbnailLoader(files, 1);
        model = new DuplicatesViewModel(duplicates, trash, executor, new AlertPrompts(stage));
        Parent root = ViewLoader.load("DuplicatesView", new DuplicatesViewController(model, thumbnails));
        stage.setTitle("Duplicates");
        stage.setScene(new Scene(root));
        stage.setMinWidth(560);
        stage.setMinHeight(400);
        AppIcons.apply(stage);
        Stage shown = stage;
        DuplicatesViewModel shownModel = model;
        ThumbnailLoader shownThumbnails = thumbnails;
        stage.setOnHidden(e -> {
            shownModel.close();
            shownThumbnails.close();
            if (stage == shown) {
                stage = null;
            }
        });
        stage.show();
        model.load();
        return stage;
    }

    /** Closes the window if it is open (the main window is closing). */
    public void close() {
        if (stage != null) {
            stage.hide();
        }
    }
}
