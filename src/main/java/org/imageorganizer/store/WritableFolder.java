package org.imageorganizer.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks, before H2 is asked, that the library's folder can be written: H2 keeps a lock file and its
 * own working files beside the database, and when it cannot write them it fails with a message about
 * "properties" and a lock file that does not say why.
 */
final class WritableFolder {
    private WritableFolder() {
    }

    /**
     * Creates {@code folder} if needed and makes sure a file can be created in it.
     *
     * @param shown the library as the user knows it, for the message
     * @throws LibraryException "cannot write to FOLDER (permission denied)" or the like
     */
    static void check(Path folder, String shown) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw refused(shown, nearestExisting(folder), e);
        }
        try {
            Path probe = Files.createTempFile(folder, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw refused(shown, folder, e);
        }
    }

    private static LibraryException refused(String shown, Path folder, IOException e) {
        return new LibraryException("Cannot open the library " + shown + ": cannot write to " + folder + " ("
                + reason(e) + ").", e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String why = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return why == null || why.isBlank() ? e.getClass().getSimpleName() : why.toLowerCase(Locale.ROOT);
    }

    /** The folder itself, or the deepest of its parents that exists (the one that refused the new folder). */
    private static Path nearestExisting(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? folder : existing;
    }
}
