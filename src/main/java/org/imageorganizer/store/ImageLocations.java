package org.imageorganizer.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;

/**
 * Where the library's images are as files: each image's location (the file it is read from), every
 * other place a user's file with its content was seen ({@code image_location}), and for each the
 * modification time it had when last read (ADR 0026). An import asks which walked files are
 * unchanged, records the time of a file it read again, and follows a file that moved; the storage
 * check walks every location. None of this changes the library version: clusters stay valid.
 * Plain SQL (ADR 0039). Thread-safe: every call is one short transaction.
 */
public final class ImageLocations {
    private final SqlTransactions sql;

    ImageLocations(SqlTransactions sql) {
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /**
     * Records that an image's file moved. Does not change the library version: clusters stay valid.
     *
     * @throws NoSuchElementException if there is no image with this id
     */
    public void relocate(long id, String newLocation, String newFileName) {
        relocate(id, newLocation, newFileName, null);
    }

    /**
     * Records that an image's file moved, with the modification time of the file at its new place
     * (null when unknown: the next import reads it again).
     *
     * @throws NoSuchElementException if there is no image with this id
     */
    public void relocate(long id, String newLocation, String newFileName, Long fileModifiedNanos) {
        Objects.requireNonNull(newLocation, "newLocation");
        Instant now = Instant.now();
        boolean found = sql.inTransaction(c -> {
            String oldLocation;
            String storage;
            try (PreparedStatement s = c.prepareStatement("SELECT location, storage FROM image WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    oldLocation = rs.getString(1);
                    storage = rs.getString(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE image SET location = ?, file_name = ?, file_modified_ns = ? WHERE id = ?")) {
                s.setString(1, newLocation);
                s.setString(2, newFileName);
                s.setObject(3, fileModifiedNanos, java.sql.Types.BIGINT);
                s.setLong(4, id);
                s.executeUpdate();
            }
            if (StorageKind.INDEXED.name().equals(storage)) {
                LocationRows.forget(c, id, oldLocation);
                LocationRows.record(c, id, newLocation, newFileName, fileModifiedNanos, now);
            }
            return true;
        });
        if (!found) {
            throw new NoSuchElementException("no image with id " + id);
        }
    }

    /**
     * Records the modification time of a copy of an image's content, read again and found unchanged in
     * content (a file from before the library kept these times, or one that was only touched), so the
     * next import skips it. Does not change the library version.
     *
     * @return true if the image exists
     */
    public boolean recordFileModified(long id, String location, long fileModifiedNanos) {
        return recordCopy(id, location, Path.of(location).getFileName().toString(), fileModifiedNanos);
    }

    /**
     * Records that a user's file at {@code location} has the image's content: another place the photo
     * is in, or the place it is read from. A path holds one content at a time, so a location recorded
     * for another image is taken from it. Does not change the library version.
     *
     * @param fileModifiedNanos the file's modification time to trust, or null (the next import reads it again)
     * @return true if the image exists
     */
    public boolean recordCopy(long id, String location, String fileName, Long fileModifiedNanos) {
        Objects.requireNonNull(location, "location");
        Instant now = Instant.now();
        return sql.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM image WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            LocationRows.record(c, id, location, fileName, fileModifiedNanos, now);
            return true;
        });
    }

    /** Every place a user's file with the image's content was seen (none for uploads), in path order. */
    public List<String> locationsOf(long id) {
        return sql.inTransaction(c -> LocationRows.of(c, id));
    }

    /**
     * The indexed images whose file is exactly as the library recorded it: the same location, size and
     * modification time ({@link UnchangedFileQuery}, the same rule as {@link LibraryReader#unchangedFiles}).
     * An import skips these files without reading them.
     *
     * @return the images by location; files the library does not have, or has with another size or
     *         time (or none recorded), are left out
     */
    public Map<String, ImageRecord> unchangedFiles(Collection<FileStamp> files) {
        return sql.inTransaction(c -> UnchangedFileQuery.find(c, files));
    }

    /**
     * Hands every image's location to {@code action}, whatever its storage: the storage check uses
     * it to learn which files of the managed folder some row points at. Read in pages of
     * {@code pageSize} ids and locations (no embedding), each page its own short transaction keyed
     * on the id, so a large library costs little memory and never holds a long read open.
     * An image added or removed meanwhile may or may not be seen.
     */
    public void forEachLocation(int pageSize, Consumer<String> action) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
        }
        long after = Long.MIN_VALUE;
        List<String> page;
        do {
            long from = after;
            long[] last = {after};
            page = sql.inTransaction(c -> {
                List<String> locations = new ArrayList<>(Math.min(pageSize, 4096));
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, location FROM image WHERE id > ? ORDER BY id LIMIT ?")) {
                    s.setLong(1, from);
                    s.setInt(2, pageSize);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            last[0] = rs.getLong(1);
                            locations.add(rs.getString(2));
                        }
                    }
                }
                return locations;
            });
            page.forEach(action);
            after = last[0];
        } while (page.size() == pageSize);
    }
}
