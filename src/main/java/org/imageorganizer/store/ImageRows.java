package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;

/** An {@code image} row read through plain JDBC as the {@link ImageRecord} that {@link ImageRepository} would give. */
final class ImageRows {
    /** The columns {@link #record} reads, in its order. */
    static final String COLUMNS = "id, sha256, location, file_name, byte_size, width, height, format, imported_at,"
            + " object_label, object_confidence, background_label, background_confidence, storage, object_by_user,"
            + " background_by_user";
    /** {@link #COLUMNS} of the table named {@code alias} in a join. */
    static String columnsOf(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(column -> alias + "." + column.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** How many they are: further columns of a query start after them. */
    static final int COLUMN_COUNT = 16;

    /** Every image column, {@link #COLUMNS} first: a query that reads records. */
    static final String SELECT = "SELECT " + COLUMNS + " FROM image";

    private ImageRows() {
    }

    /** The most ids one {@code IN (…)} list of {@link #byIds} holds. */
    static final int IN_CHUNK = 500;

    /** The {@code WHERE} clause of a label filter (null for any label): bind {@link #labelParameters} to it. */
    static String labelFilter(String object, String background) {
        if (object != null && background != null) {
            return " WHERE object_label = ? AND background_label = ?";
        }
        if (object != null) {
            return " WHERE object_label = ?";
        }
        return background != null ? " WHERE background_label = ?" : "";
    }

    /** The parameters of {@link #labelFilter}, in order; a list the caller may add to. */
    static List<Object> labelParameters(String object, String background) {
        List<Object> parameters = new ArrayList<>(4);
        if (object != null) {
            parameters.add(object);
        }
        if (background != null) {
            parameters.add(background);
        }
        return parameters;
    }

    /** A page of images, newest first, with these labels (null for any). */
    static List<ImageRecord> newest(Connection c, String object, String background, int offset, int limit)
            throws SQLException {
        List<Object> parameters = labelParameters(object, background);
        parameters.add(limit);
        parameters.add(offset);
        return records(c, SELECT + labelFilter(object, background) + " ORDER BY id DESC LIMIT ? OFFSET ?",
                parameters.toArray());
    }

    /** The number of images with these labels (null for any). */
    static long count(Connection c, String object, String background) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM image" + labelFilter(object, background))) {
            List<Object> parameters = labelParameters(object, background);
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The images with these ids, by ascending id; unknown ids are left out. */
    static List<ImageRecord> byIds(Connection c, Collection<Long> ids) throws SQLException {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        List<ImageRecord> out = new ArrayList<>(sorted.size());
        for (int from = 0; from < sorted.size(); from += IN_CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + IN_CHUNK));
            out.addAll(records(c, SELECT + " WHERE id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?"))
                    + ") ORDER BY id", chunk.toArray()));
        }
        return Collections.unmodifiableList(out);
    }

    /** Checks a page's bounds. */
    static void requirePage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0: " + offset + ", " + limit);
        }
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
                new Label(rs.getString(10), rs.getDouble(11), rs.getBoolean(15)),
                new Label(rs.getString(12), rs.getDouble(13), rs.getBoolean(16)));
        OffsetDateTime importedAt = rs.getObject(9, OffsetDateTime.class);
        String storage = rs.getString(14);
        return new ImageRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
                importedAt == null ? null : importedAt.toInstant(), classification,
                storage == null ? null : StorageKind.valueOf(storage));
    }
}
