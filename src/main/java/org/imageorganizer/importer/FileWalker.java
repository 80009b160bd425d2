package org.imageorganizer.importer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.imageorganizer.model.FileFailure;

/**
 * Finds the files under the paths a user gives: folders are searched recursively, following
 * symbolic links but surviving loops; hidden files and folders are skipped; each real file is
 * reported once even when reached through several links. The order is fixed: the paths as given,
 * and inside a folder its entries sorted by name (files and subfolders together), so the same
 * folders always give the same order whatever the file system lists first. Whether a file is an
 * image is decided later, by its content.
 */
public final class FileWalker {
    private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

    /**
     * Walks the paths in order.
     *
     * @param onFile    receives each regular file (absolute, normalised)
     * @param onProblem receives paths that cannot be read, with a reason
     * @param cancelled stops the walk when true
     */
    public void walk(Iterable<Path> roots, Consumer<Path> onFile, Consumer<FileFailure> onProblem, BooleanSupplier cancelled) {
        walkWithAttributes(roots, (file, attributes) -> onFile.accept(file), onProblem, cancelled);
    }

    /**
     * Walks the paths in order, handing over each file with the attributes read on the way (of the
     * link's target for a link): its size and modification time, at no extra cost.
     *
     * @param onFile    receives each regular file (absolute, normalised) and its attributes
     * @param onProblem receives paths that cannot be read, with a reason
     * @param cancelled stops the walk when true
     */
    public void walkWithAttributes(Iterable<Path> roots, BiConsumer<Path, BasicFileAttributes> onFile,
            Consumer<FileFailure> onProblem, BooleanSupplier cancelled) {
        Walk walk = new Walk(onFile, onProblem, cancelled);
        for (Path root : roots) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            Path start = root.toAbsolutePath().normalize();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(start, BasicFileAttributes.class); // follows links
            } catch (IOException e) {
                onProblem.accept(new FileFailure(start, "no such file or folder"));
                continue;
            }
            if (attributes.isRegularFile()) {
                walk.file(start, identity(start, attributes), attributes);
                continue;
            }
            walk.folder(start, identity(start, attributes));
        }
    }

    private static Object identity(Path file, BasicFileAttributes attributes) {
        if (attributes.fileKey() != null) {
            return attributes.fileKey();
        }
        try {
            return file.toRealPath();
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

    /** One walk: the files reported so far, and the folders above the current one (a link back to one is a loop). */
    private static final class Walk {
        private final BiConsumer<Path, BasicFileAttributes> onFile;
        private final Consumer<FileFailure> onProblem;
        private final BooleanSupplier cancelled;
        private final Set<Object> seen = new HashSet<>();
        private final Deque<Object> ancestors = new ArrayDeque<>();

        Walk(BiConsumer<Path, BasicFileAttributes> onFile, Consumer<FileFailure> onProblem, BooleanSupplier cancelled) {
            this.onFile = onFile;
            this.onProblem = onProblem;
            this.cancelled = cancelled;
        }

        void file(Path file, Object identity, BasicFileAttributes attributes) {
            if (seen.add(identity)) {
                onFile.accept(file.toAbsolutePath().normalize(), attributes);
            }
        }

        void folder(Path dir, Object identity) {
            if (ancestors.contains(identity)) {
                return; // a link back up the tree: already being walked
            }
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
                listing.forEach(entries::add);
            } catch (IOException e) {
                problem(dir, e);
                return;
            }
            entries.sort(BY_NAME);
            ancestors.push(identity);
            try {
                for (Path entry : entries) {
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    if (!isHidden(entry)) {
                        visit(entry);
                    }
                }
            } finally {
                ancestors.pop();
            }
        }

        private void visit(Path entry) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class); // follows links
            } catch (IOException e) {
                if (!Files.isSymbolicLink(entry)) {
                    problem(entry, e);
                }
                return; // a link to nothing is not a file
            }
            if (attributes.isDirectory()) {
                folder(entry, identity(entry, attributes));
            } else if (attributes.isRegularFile()) {
                file(entry, identity(entry, attributes), attributes);
            }
        }

        private void problem(Path path, IOException e) {
            onProblem.accept(new FileFailure(path.toAbsolutePath().normalize(), "cannot read: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
        }
    }
}
