package org.imageorganizer.ui.grid;

import java.util.List;
import java.util.function.Consumer;
import org.imageorganizer.model.ImageRecord;

/** What the grid asks of the window around it: a preview, the user's yes before a removal or Move to Trash, and Show Similar. */
public interface ImageActions {

    /**
     * Opens the viewer of {@code image}, moving through {@code among} (the grid's images); {@code closed} is
     * told the photo shown last when the viewer closes (the grid selects it).
     */
    void preview(ImageRecord image, List<ImageRecord> among, Consumer<ImageRecord> closed);

    /** Asks before removing {@code images} from the library, naming them; true when the user agreed. */
    boolean confirmRemove(List<ImageRecord> images);

    /** Shows the photos like {@code image} in the grid. */
    void showSimilar(ImageRecord image);

    /**
     * Asks before Move to Trash, listing every file that will go; true when the user agreed.
     *
     * @param action the confirming button's text
     */
    boolean confirmTrash(String header, String text, List<String> files, String action);
}
