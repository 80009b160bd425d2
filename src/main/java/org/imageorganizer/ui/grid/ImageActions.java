package org.imageorganizer.ui.grid;

import java.util.List;
import org.imageorganizer.model.ImageRecord;

/** What the grid asks of the window around it: a preview, the user's yes before a removal or Move to Trash, and Show Similar. */
public interface ImageActions {

    /** Opens the preview of {@code image}, moving through {@code among} (the grid's images). */
    void preview(ImageRecord image, List<ImageRecord> among);

    /** Asks before removing {@code count} images from the library; true when the user agreed. */
    boolean confirmRemove(int count);

    /** Shows the photos like {@code image} in the grid. */
    void showSimilar(ImageRecord image);

    /**
     * Asks before Move to Trash, listing every file that will go; true when the user agreed.
     *
     * @param action the confirming button's text
     */
    boolean confirmTrash(String header, String text, List<String> files, String action);
}
