package org.imageorganizer.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;

/** An image's bytes and previews, wherever they are kept (the user's original, the managed folder, the cloud). */
public interface ImageFiles {

    /** Whether the image's bytes can be read now. */
    boolean exists(ImageRecord image);

    /** The image's bytes; the caller closes the stream. */
    InputStream open(ImageRecord image) throws IOException;

    /** The file on this computer, when the image has one (an original indexed in place, an upload kept here). */
    Optional<Path> localFile(ImageRecord image);

    /**
     * A JPEG preview at most {@code maxSide} pixels on its longer side, from the disk cache when it is there.
     *
     * @throws IOException when the image cannot be read or decoded (the message says why)
     */
    byte[] thumbnail(ImageRecord image, int maxSide) throws IOException;
}
