package org.imageorganizer.trash;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The trash of macOS and Windows, through {@link Desktop#moveToTrash} (the JDK does not offer it on
 * Linux: see {@link FreedesktopTrash}). Ask {@link #supported()} before making one.
 */
public final class DesktopTrash implements Trash {

    /** Whether this JDK can move files to this system's trash (false when headless, and on Linux). */
    public static boolean supported() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.MOVE_TO_TRASH);
        } catch (RuntimeException | LinkageError e) {
            return false; // no AWT in this runtime, or no desktop session
        }
    }

    @Override
    public void moveToTrash(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        boolean moved;
        try {
            moved = Desktop.getDesktop().moveToTrash(file.toFile());
        } catch (RuntimeException e) {
            throw new TrashException("The system did not move " + file + " to the trash (" + e.getMessage()
                    + "); it is where it was.", e);
        }
        if (!moved) {
            throw new TrashException("The system did not move " + file + " to the trash; it is where it was.");
        }
    }
}
