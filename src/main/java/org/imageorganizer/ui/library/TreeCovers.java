package org.imageorganizer.ui.library;

import java.util.function.Consumer;
import javafx.scene.image.Image;

/** The small pictures of the tree's rows: each row's cover photo, as a thumbnail. */
public interface TreeCovers {
    /** No pictures (tests, a window without thumbnails). */
    TreeCovers NONE = new TreeCovers() {
        @Override
        public Image cached(long imageId) {
            return null;
        }

        @Override
        public void load(long imageId, Consumer<Image> done) {
            // nothing to show
        }
    };

    /** The photo's thumbnail if it is at hand, else null. */
    Image cached(long imageId);

    /** Fetches the photo's thumbnail in the background and hands it to {@code done} on the FX thread (null when none). */
    void load(long imageId, Consumer<Image> done);
}
