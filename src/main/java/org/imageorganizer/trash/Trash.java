package org.imageorganizer.trash;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The system trash: a file moved there can be restored by the user from the desktop's own trash
 * (Files, Finder, Explorer). Nothing here ever deletes a file permanently; a file that cannot be put
 * in the trash stays where it is and {@link TrashException} says why. Blocking file work: not for the
 * FX thread.
 */
public interface Trash {

    /**
     * Moves one file to the trash.
     *
     * @throws java.nio.file.NoSuchFileException when there is no file there (any more)
     * @throws TrashException                    when it cannot be put in the trash; it is where it was
     */
    void moveToTrash(Path file) throws IOException;
}
