package org.imageorganizer.ui.main;

import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;

/** The dialogs the main window opens; each is a view of its own. */
public interface MainWindowDialogs {

    /** Shows one image large, with its labels, confidences, size, dimensions and path, and Open / Show in folder. */
    void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours);

    /** As {@link #preview(Window, ImageRecord, List)}, with Show Similar, which hands the photo shown to {@code showSimilar}. */
    default void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours, Consumer<ImageRecord> showSimilar) {
        preview(owner, image, neighbours);
    }

    /**
     * As {@link #preview(Window, ImageRecord, List, Consumer)}; {@code closed} is told the photo shown last when
     * the viewer closes.
     */
    default void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours, Consumer<ImageRecord> showSimilar,
            Consumer<ImageRecord> closed) {
        preview(owner, image, neighbours, showSimilar);
    }

    /** Edits the settings; true when they were saved. */
    boolean settings(Window owner);

    /** Edits the library's categories and how sure the app must be; true when they changed (a re-sort follows). */
    boolean categories(Window owner);

    /** Version, licence, third-party licences. */
    void about(Window owner);

    /**
     * First run without a model: download it, choose a folder, or later. Does not wait for the answer (the window
     * takes drops meanwhile); a second call brings the open dialog to the front.
     *
     * @param onReady run on the FX thread once a model is in place
     */
    void modelSetup(Window owner, Runnable onReady);

    /** Asks before removing images from the library (never a user's file), naming them; Cancel is the default. */
    boolean confirmRemove(Window owner, List<ImageRecord> images);

    /**
     * Asks before Move to Trash, listing every file that will go (Cancel is the default).
     *
     * @param action the confirming button's text
     */
    boolean confirmTrash(Window owner, String header, String text, List<String> files, String action);

    /** Tells the user something went wrong, in a sentence. */
    void problem(Window owner, String title, String sentence);
}
