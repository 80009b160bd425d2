package org.imageorganizer.model;

import java.nio.file.Path;

/**
 * A file an import did not add because its content was already there.
 *
 * @param path       the file
 * @param kind       whether the library had the content before this import, or another file of this import has it
 * @param original   where the image the file duplicates is: the library's location for {@link Kind#EARLIER_RUN}
 *                   (the path it had before, when {@code moved}), the other file's path for {@link Kind#SAME_IMPORT}
 * @param originalId the library's id of that image, or null when the other file could not be imported either
 * @param moved      the library's record of this content pointed at a file that is gone, and now points at this one
 */
public record DuplicateFile(Path path, Kind kind, String original, Long originalId, boolean moved) {

    /** Why a file is a duplicate. */
    public enum Kind {
        /** The library already had this content before the import started (an earlier run, another program). */
        EARLIER_RUN,
        /** Another file of the same import, earlier in walk order, has the same content. */
        SAME_IMPORT
    }
}
