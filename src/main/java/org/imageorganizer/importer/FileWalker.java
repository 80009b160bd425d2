package org.imageorganizer.importer;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.imageorganizer.model.FileFailure;

/**
 * Finds the files under the paths a user gives: folders are searched recursively, following
 * symbolic links but surviving loops; hidden files and folders are skipped; each real file is
 * reported once even when reached through several links. Whether a file is an image is decided
 * later, by its content.
 */
public final class FileWalker {

    /**
     * Walks the paths in order.
     *
     * @param onFile    receives each regular file (absolute, normalised)
     * @param onProblem receives paths that cannot be read, with a reason
     * @param cancelled stops the walk when true
     */
    public void walk(Iterable<Path> roots, Consumer<Path> onFile, Consumer<FileFailure> onProblem, BooleanSupplier cancelled) {
        Set<Object> seen = new HashSet<>();
        for (Path root : roots) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            Path start = root.toAbsolutePath().normalize();
            if (!Files.exists(start)) {
                onProblem.accept(new FileFailure(start, "no such file or folder"));
                continue;
            }
            if (Files.isRegularFile(start)) {
                if (seen.add(identity(start))) {
                    onFile.accept(start);
                }
                continue;
            }
            try {
                Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new Visitor(start, onFile, onProblem, cancelled, seen));
            } catch (IOException e) {
                onProblem.accept(new FileFailure(start, "cannot read: " + e.getMessage()));
            }
        }
    }

    private static Object identity(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }

    static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path start;
        private final Consumer<Path> onFile;
        private final Consumer<FileFailure> onProblem;
        private final BooleanSupplier cancelled;
        private final Set<Object> seen;

        Visitor(Path start, Consumer<Path> onFile, Consumer<FileFailure> onProblem, BooleanSupplier cancelled, Set<Object> seen) {
            this.start = start;
            this.onFile = onFile;
            this.onProblem = onProblem;
            this.cancelled = cancelled;
            this.seen = seen;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (cancelled.getAsBoolean()) {
                return FileVisitResult.TERMINATE;
            }
            if (!dir.equals(start) && isHidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (cancelled.getAsBoolean()) {
                return FileVisitResult.TERMINATE;
            }
            if (attrs.isRegularFile() && !isHidden(file)) {
                Object key = attrs.fileKey() != null ? attrs.fileKey() : file;
                if (seen.add(key)) {
                    onFile.accept(file.toAbsolutePath().normalize());
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE; // a link back up the tree: already walked
            }
            onProblem.accept(new FileFailure(file, "cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
            return FileVisitResult.CONTINUE;
        }
    }
}
