package org.imageorganizer.services;

import java.util.Optional;
import org.imageorganizer.model.ImageRecord;

/**
 * Removes images from the library, the one way every front end does it: the row, the application's
 * own copy (an upload in the managed folder), the cloud copy as the settings say, and the clusters
 * are told. A user's original indexed in place is never touched. Slow when there is a cloud copy:
 * not for the FX thread.
 */
public interface ImageRemoval {

    /** What became of an image's cloud copy. */
    enum RemoteOutcome {
        /** It had none. */
        NONE,
        DELETED,
        /** Kept and tagged as deleted. */
        KEPT,
        /** The cloud could not be reached or refused; the copy is still there (the log says why). */
        FAILED
    }

    /**
     * @param image       the removed image
     * @param fileDeleted whether the application's own copy was deleted
     * @param remote      what became of its cloud copy
     */
    record Removed(ImageRecord image, boolean fileDeleted, RemoteOutcome remote) {

        /** Whether a copy the application made is gone: its own file here, or the cloud copy. */
        public boolean copyDeleted() {
            return fileDeleted || remote == RemoteOutcome.DELETED;
        }
    }

    /** Removes the image; empty when there was none with this id. */
    Optional<Removed> remove(long id) throws InterruptedException;
}
