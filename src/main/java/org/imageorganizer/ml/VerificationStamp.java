package org.imageorganizer.ml;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What the file system says about a file without reading it: size, modification time, and where
 * the platform has them the status-change time ({@code unix:ctime}, which a user cannot set back)
 * and the file key (device and inode on Unix). Two equal stamps of one path mean, barring someone
 * who sets out to fake them, that the bytes were not rewritten in between.
 *
 * @param changed the ctime as text, or null where the platform has none
 * @param fileKey {@link BasicFileAttributes#fileKey()} as text, or null where the platform has none
 */
public record VerificationStamp(long size, String modified, String changed, String fileKey) {
    private static final boolean UNIX_VIEW = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /**
     * Reads a file's stamp (following links).
     *
     * @throws IOException when the file cannot be looked at
     */
    public static VerificationStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Object key = attributes.fileKey();
        return new VerificationStamp(attributes.size(), text(attributes.lastModifiedTime()), changeTime(file),
                key == null ? null : key.toString());
    }

    private static String changeTime(Path file) {
        if (!UNIX_VIEW) {
            return null;
        }
        try {
            return Files.getAttribute(file, "unix:ctime") instanceof FileTime time ? text(time) : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null; // a file system without the unix view (a mounted share): size, time and key still count
        }
    }

    private static String text(FileTime time) {
        return time.toInstant().toString();
    }
}
