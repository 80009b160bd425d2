package org.imageorganizer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of images kept by the application (uploads) under server-generated names in one folder.
 * The location stored for such an image is only its key, never a path, so no record can point
 * outside the folder.
 */
public final class ManagedFolder implements ImageStorage, UploadStore {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedFolder.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}(\\.[a-z0-9]{1,5})?");

    private final Path folder;

    public ManagedFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * Stores bytes under a new generated name: written to a temporary file first, then moved, so a
     * half-written file never carries a key.
     *
     * @param extension a file extension such as "jpg" (anything else is dropped)
     * @return the key to record as the image's location
     */
    public String store(InputStream content, String extension) throws IOException {
        Files.createDirectories(folder);
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        String key = UUID.randomUUID().toString().replace("-", "") + (ext.matches("[a-z0-9]{1,5}") ? "." + ext : "");
        Path temp = Files.createTempFile(folder, ".upload-", ".part");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, folder.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(key));
            }
            return key;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Stored store(String sha256, byte[] content, String extension) throws IOException {
        return new Stored(StorageKind.MANAGED, store(new java.io.ByteArrayInputStream(content), extension), true);
    }

    @Override
    public void discard(Stored stored) {
        try {
            delete(stored.location());
        } catch (IOException e) {
            LOG.warn("Could not delete stored file {}: {}", stored.location(), e.toString());
        }
    }

    /** Deletes a stored copy; true when there was one. */
    public boolean delete(String key) throws IOException {
        Optional<Path> file = resolve(key);
        return file.isPresent() && Files.deleteIfExists(file.get());
    }

    /** The file for a key this folder generated; empty for anything else (so no path can leave the folder). */
    public Optional<Path> fileOf(String key) {
        return resolve(key);
    }

    /** Removes temporary files an interrupted upload left behind (a crash between write and move). */
    public void removeLeftovers() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.newDirectoryStream(folder, ".upload-*.part")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A regular file only: a symbolic link in the folder is not followed. */
    @Override
    public boolean exists(ImageRecord image) {
        return localFile(image).map(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).orElse(false);
    }

    /** Opened without following a symbolic link (O_NOFOLLOW), so a link swapped in after {@link #exists} fails too. */
    @Override
    public InputStream open(ImageRecord image) throws IOException {
        return Files.newInputStream(localFile(image).orElseThrow(() -> new IOException("not a managed key: " + image.location())),
                LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<Path> localFile(ImageRecord image) {
        return resolve(image.location());
    }

    private Optional<Path> resolve(String key) {
        return key != null && KEY.matcher(key).matches() ? Optional.of(folder.resolve(key)) : Optional.empty();
    }
}
