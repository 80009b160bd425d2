package org.imageorganizer.trash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What {@link FreedesktopTrash} must know of the file systems: which device a path is on, where that
 * device is mounted, and whether a folder has the sticky bit. {@link #UNIX} reads the "unix" file
 * attributes; tests give other answers (another device, a shared trash folder).
 */
public interface Volumes {

    /** The device {@code path} is on (the path itself, not a link's target). */
    Object deviceOf(Path path) throws IOException;

    /** The highest folder above {@code path} still on its device: the top directory of its mount. */
    default Path mountPointOf(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Object device = deviceOf(absolute);
        Path top = absolute;
        for (Path up = absolute.getParent(); up != null && device.equals(deviceOf(up)); up = up.getParent()) {
            top = up;
        }
        return top;
    }

    /** Whether the folder has the sticky bit (the mark of a shared {@code $topdir/.Trash}). */
    boolean isSticky(Path folder) throws IOException;

    /** The real file systems, through the "unix" attribute view (Linux, the BSDs, macOS). */
    Volumes UNIX = new Volumes() {
        @Override
        public Object deviceOf(Path path) throws IOException {
            return Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public boolean isSticky(Path folder) throws IOException {
            return (((Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 01000) != 0;
        }
    };
}
