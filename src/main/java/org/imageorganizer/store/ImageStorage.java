package org.imageorganizer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;

/**
 * Where an image's bytes live, behind one interface: a user's original indexed in place, a copy in
 * the managed storage folder, and later a cloud store. Readers never build paths from
 * {@link ImageRecord#location()} themselves.
 */
public interface ImageStorage {

    /** Whether the image's bytes can still be read (an indexed original may have been moved or deleted). */
    boolean exists(ImageRecord image);

    /** Opens the image's bytes. */
    InputStream open(ImageRecord image) throws IOException;

    /** A local file holding the image, when the storage has one (for links, copies, "show in folder"). */
    Optional<Path> localFile(ImageRecord image);
}
