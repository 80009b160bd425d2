package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;

/** An {@code image} row read through plain JDBC as the {@link ImageRecord} that {@link ImageRepository} would give. */
final class ImageRows {
    /** The columns {@link #record} reads, in its order. */
    static final String COLUMNS = "id, sha256, location, file_name, byte_size, width, height, format, imported_at,"
            + " object_label, object_confidence, background_label, background_confidence, storage";
    /** {@link #COLUMNS} of the table named {@code alias} in a join. */
    static String columnsOf(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(column -> alias + "." + column.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** How many they are: further columns of a query start after them. */
    static final int COLUMN_COUNT = 14;

    /** Every image column, {@link #COLUMNS} first: a query that reads records. */
    static final String SELECT = "SELECT " + COLUMNS + " FROM image";

    private ImageRows() {
    }

    /** The records a query that starts with {@link #COLUMNS} finds, on the caller's connection. */
    static List<ImageRecord> records(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<ImageRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(record(rs));
                }
                return out;
            }
        }
    }

    /**
     * @param rs positioned on a row that starts with {@link #COLUMNS}
     */
    static ImageRecord record(ResultSet rs) throws SQLException {
        Classification classification = new Classification(
                new Label(rs.getString(10), rs.getDouble(11)),
                new Label(rs.getString(12), rs.getDouble(13)));
        OffsetDateTime importedAt = rs.getObject(9, OffsetDateTime.class);
        String storage = rs.getString(14);
        return new ImageRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
                importedAt == null ? null : importedAt.toInstant(), classification,
                storage == null ? null : StorageKind.valueOf(storage));
    }
}
