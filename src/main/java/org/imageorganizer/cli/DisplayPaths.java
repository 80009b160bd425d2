package org.imageorganizer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shows files as the user named them: relative to the folder given on the command line that holds
 * them, the path as typed for a file given itself, and absolute otherwise.
 */
final class DisplayPaths {
    private final List<Path> given;

    DisplayPaths(List<Path> given) {
        this.given = given;
    }

    String show(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Path root : given) {
            Path start = root.toAbsolutePath().normalize();
            if (absolute.equals(start)) {
                return root.toString();
            }
            if (absolute.startsWith(start) && Files.isDirectory(start)) {
                return start.relativize(absolute).toString();
            }
        }
        return absolute.toString();
    }

    /** A library location: shown like a file when it is a path, as it is otherwise (a storage key). */
    String showLocation(String location) {
        try {
            Path path = Path.of(location);
            return path.isAbsolute() ? show(path) : location;
        } catch (java.nio.file.InvalidPathException e) {
            return location;
        }
    }
}
