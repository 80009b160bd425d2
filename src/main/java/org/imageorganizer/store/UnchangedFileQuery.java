package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;

/**
 * The one definition of a file the library has unchanged (ADR 0026): a location of an indexed image
 * ({@code image_location}: the file it is read from or another copy) whose recorded modification time,
 * and the image's size, are the file's. Plain SQL (the common subset of H2 and
 * PostgreSQL) on a connection, so that the writable library ({@link ImageLocations}, through
 * Hibernate's connection) and the read-only one ({@link LibraryReader}) give the same answer.
 */
final class UnchangedFileQuery {
    /** Distinct sizes per query: the rows are found through the index on {@code byte_size}. */
    static final int SIZES_PER_QUERY = 500;

    private UnchangedFileQuery() {
    }

    /**
     * @return the library's image for each unchanged file, by location; files it does not have, or has
     *         with another size or time (or none recorded), are left out
     */
    static Map<String, ImageRecord> find(Connection connection, Collection<FileStamp> files) throws SQLException {
        Map<String, FileStamp> byLocation = new HashMap<>();
        files.forEach(f -> byLocation.put(f.location(), f));
        List<Long> sizes = new ArrayList<>(new TreeSet<>(files.stream().map(FileStamp::byteSize).toList()));
        Map<String, ImageRecord> unchanged = new HashMap<>();
        for (int from = 0; from < sizes.size(); from += SIZES_PER_QUERY) {
            List<Long> chunk = sizes.subList(from, Math.min(sizes.size(), from + SIZES_PER_QUERY));
            String sql = "SELECT " + ImageRows.columnsOf("i") + ", l.location, l.file_modified_ns"
                    + " FROM image_location l JOIN image i ON i.id = l.image_id WHERE i.byte_size IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?"))
                    + ") AND l.file_modified_ns IS NOT NULL AND i.storage = ?";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setLong(i + 1, chunk.get(i));
                }
                s.setString(chunk.size() + 1, StorageKind.INDEXED.name());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        FileStamp seen = byLocation.get(rs.getString(ImageRows.COLUMN_COUNT + 1));
                        if (seen != null && seen.byteSize() == rs.getLong(5)
                                && seen.modifiedNanos() == rs.getLong(ImageRows.COLUMN_COUNT + 2)) {
                            unchanged.putIfAbsent(seen.location(), ImageRows.record(rs));
                        }
                    }
                }
            }
        }
        return unchanged;
    }
}
