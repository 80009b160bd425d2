package org.imageorganizer.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file so that readers see the old content or the new one, never half of it. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code content} to a temporary file beside {@code file}, then moves it over {@code file}. */
    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, false);
    }

    /**
     * As {@link #write(Path, byte[])}; with {@code ownerOnly} the file is readable and writable by
     * its owner only (rw-------) from before its first byte is written, where the file system has
     * POSIX permissions.
     */
    public static void write(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            if (ownerOnly) {
                restrictToOwner(temp);
            }
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Makes a file readable and writable by its owner only, where the file system has POSIX permissions.
     *
     * @return true when the permissions were changed (they were broader)
     */
    public static boolean restrictToOwner(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return false;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.getPosixFilePermissions(file).equals(ownerOnly)) {
            return false;
        }
        Files.setPosixFilePermissions(file, ownerOnly);
        return true;
    }
}
