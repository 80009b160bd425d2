package org.imageorganizer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of images kept by the application (uploads) under server-generated names in one folder.
 * The location stored for such an image is only its key, never a path, so no record can point
 * outside the folder.
 *
 * <p>Besides the stored files the folder holds dot-names only: {@code .upload-*.part} files being
 * written, the {@value #MARKER} file naming the library the folder belongs to, the {@value #ORPHANS}
 * folder of files no image pointed at (see {@link StorageReconciler}), and whatever other dot-folders
 * the server keeps there. Only top-level regular files named like a key count as stored files.
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

    /**
     * Removes temporary files an interrupted upload left behind (a crash between write and move),
     * those last written before {@code writtenBefore}: a newer one may belong to an upload still
     * running in another process on the same folder (the desktop window's server and {@code serve}).
     */
    public void removeLeftovers(Instant writtenBefore) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.newDirectoryStream(folder, ".upload-*.part")) {
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(writtenBefore)) {
                    Files.deleteIfExists(file);
                }
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

    /** The folder itself (absolute, normalised). */
    public Path folder() {
        return folder;
    }

    // ---- the storage check: marker, listing, orphans (see StorageReconciler) ----

    /** The marker file naming the library this folder belongs to: one line, the library's id. */
    public static final String MARKER = ".library-id";
    /** The folder, inside this one, where files no image points at are moved (never deleted). */
    public static final String ORPHANS = ".orphans";
    private static final int MARKER_MAX_BYTES = 256;

    /**
     * A stored file as listed.
     *
     * @param key      its name, a key this folder generated
     * @param modified when it was last written (an upload's file is never written again once moved into place)
     */
    public record StoredFile(String key, Instant modified) {
    }

    /**
     * The library id the folder's marker names.
     *
     * @return empty when the folder or its marker does not exist, or the marker is blank (a write cut short)
     * @throws IOException when the marker cannot be read, or is not a regular file (a link is not followed)
     */
    public Optional<String> readMarker() throws IOException {
        Path marker = folder.resolve(MARKER);
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(marker + " is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(marker, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MARKER_MAX_BYTES);
        }
        String id = new String(bytes, StandardCharsets.UTF_8).strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * Marks the folder as the library's, creating the folder if needed. Never replaces a marker:
     * a blank one (a write cut short) is the only one rewritten.
     *
     * @throws FileAlreadyExistsException when the folder already has a marker
     */
    public void writeMarker(String libraryId) throws IOException {
        Files.createDirectories(folder);
        Path marker = folder.resolve(MARKER);
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) && readMarker().isEmpty()) {
            Files.delete(marker);
        }
        // CREATE_NEW: two processes marking at once cannot overwrite each other's marker
        Files.writeString(marker, libraryId + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    /**
     * Hands each stored file to {@code action}: the top-level regular files named like a key, without
     * following links. Dot-files and dot-folders (the marker, temporary {@code .part} files,
     * {@value #ORPHANS}, a spool) and anything else are left out. Streams the folder: no list of every file.
     */
    public void forEachStored(Consumer<StoredFile> action) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!KEY.matcher(name).matches()) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // deleted meanwhile
                }
                if (attributes.isRegularFile()) {
                    action.accept(new StoredFile(name, attributes.lastModifiedTime().toInstant()));
                }
            }
        }
    }

    /**
     * The stored file a row's location points at: the location itself when it is a key, or the name
     * of an absolute path straight inside this folder (an original indexed in place there).
     *
     * @return empty for any other location (an original elsewhere, a cloud asset)
     */
    public Optional<String> keyOf(String location) {
        if (location == null) {
            return Optional.empty();
        }
        if (KEY.matcher(location).matches()) {
            return Optional.of(location);
        }
        try {
            Path path = Path.of(location);
            if (path.isAbsolute() && folder.equals(path.normalize().getParent()) && path.getFileName() != null) {
                return Optional.of(path.getFileName().toString());
            }
        } catch (InvalidPathException e) {
            // not a path of this system
        }
        return Optional.empty();
    }

    /**
     * Moves a stored file into {@value #ORPHANS}, under the same name.
     *
     * @return where it is now
     * @throws NoSuchFileException        when the file is gone (deleted meanwhile)
     * @throws FileAlreadyExistsException when {@value #ORPHANS} already has a file of that name (it is kept)
     * @throws IOException                when {@value #ORPHANS} is not a folder (a link is not followed) or the move fails
     */
    public Path moveToOrphans(String key) throws IOException {
        Path file = resolve(key).orElseThrow(() -> new IllegalArgumentException("not a managed key: " + key));
        Path orphans = folder.resolve(ORPHANS);
        if (!Files.isDirectory(orphans, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(orphans, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(orphans + " is not a folder");
            }
            Files.createDirectories(orphans);
        }
        Path target = orphans.resolve(key);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        }
        return target;
    }

    private Optional<Path> resolve(String key) {
        return key != null && KEY.matcher(key).matches() ? Optional.of(folder.resolve(key)) : Optional.empty();
    }
}
