package org.imageorganizer.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.imageorganizer.model.PhotoMetadata;

/**
 * The date taken and camera of each image (schema version 10): which images have not had their file read for it yet,
 * and storing what a file said. Plain SQL; each call its own transaction; thread-safe.
 */
public final class PhotoMetadataRows {
    private final SqlTransactions sql;

    PhotoMetadataRows(SqlTransactions sql) {
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** The ids of the images whose metadata has not been read from their file, by ascending id. */
    public List<Long> unread() {
        return sql.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM image WHERE metadata_read = FALSE ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /**
     * Stores what the image's file said and marks it read; a row whose content changed since it was read (another
     * process re-imported over it) is left alone.
     *
     * @return true when the image is still there with this content and was updated
     */
    public boolean store(long id, String sha256, PhotoMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        return sql.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE image SET taken_local = ?, taken_offset_s = ?,"
                    + " taken_from = ?, camera_make = ?, camera_model = ?, metadata_read = TRUE"
                    + " WHERE id = ? AND sha256 = ?")) {
                ImageRows.bindMetadata(s, 1, metadata);
                s.setLong(6, id);
                s.setString(7, sha256);
                return s.executeUpdate() == 1;
            }
        });
    }
}
