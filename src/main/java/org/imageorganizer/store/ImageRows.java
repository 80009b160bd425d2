package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.model.TakenRange;

/** An {@code image} row read through plain JDBC as the {@link ImageRecord} that {@link ImageRepository} would give. */
final class ImageRows {
    /** The columns {@link #record} reads, in its order. */
    static final String COLUMNS = "id, sha256, location, file_name, byte_size, width, height, format, imported_at,"
            + " object_label, object_confidence, background_label, background_confidence, storage, object_by_user,"
            + " background_by_user, taken_local, taken_offset_s, taken_from, camera_make, camera_model";
    /** {@link #COLUMNS} of the table named {@code alias} in a join. */
    static String columnsOf(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(column -> alias + "." + column.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** How many they are: further columns of a query start after them. */
    static final int COLUMN_COUNT = 21;

    /** Every image column, {@link #COLUMNS} first: a query that reads records. */
    static final String SELECT = "SELECT " + COLUMNS + " FROM image";

    private ImageRows() {
    }

    /** The most ids one {@code IN (…)} list of {@link #byIds} holds. */
    static final int IN_CHUNK = 500;

    /**
     * The {@code WHERE} clause of a filter on labels (null for any) and date taken: bind {@link #filterParameters}
     * to it.
     */
    static String filter(String object, String background, TakenRange taken) {
        List<String> conditions = new ArrayList<>(4);
        if (object != null) {
            conditions.add("object_label = ?");
        }
        if (background != null) {
            conditions.add("background_label = ?");
        }
        if (taken.from() != null) {
            conditions.add("taken_local >= ?");
        }
        if (taken.before() != null) {
            conditions.add("taken_local < ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The parameters of {@link #filter}, in order; a list the caller may add to. */
    static List<Object> filterParameters(String object, String background, TakenRange taken) {
        List<Object> parameters = new ArrayList<>(6);
        if (object != null) {
            parameters.add(object);
        }
        if (background != null) {
            parameters.add(background);
        }
        if (taken.from() != null) {
            parameters.add(taken.from());
        }
        if (taken.before() != null) {
            parameters.add(taken.before());
        }
        return parameters;
    }

    /** A page of images, newest first, with these labels (null for any), taken in this range. */
    static List<ImageRecord> newest(Connection c, String object, String background, TakenRange taken, int offset,
            int limit) throws SQLException {
        List<Object> parameters = filterParameters(object, background, taken);
        parameters.add(limit);
        parameters.add(offset);
        return records(c, SELECT + filter(object, background, taken) + " ORDER BY id DESC LIMIT ? OFFSET ?",
                parameters.toArray());
    }

    /** The ids of the images taken in this range, ascending. */
    static long[] idsTaken(Connection c, TakenRange taken) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM image" + filter(null, null, taken) + " ORDER BY id")) {
            List<Object> parameters = filterParameters(null, null, taken);
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            java.util.stream.LongStream.Builder ids = java.util.stream.LongStream.builder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.build().toArray();
        }
    }

    /** The number of images with these labels (null for any), taken in this range. */
    static long count(Connection c, String object, String background, TakenRange taken) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM image" + filter(object, background, taken))) {
            List<Object> parameters = filterParameters(object, background, taken);
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
                storage == null ? null : StorageKind.valueOf(storage), metadata(rs, 17));
    }

    /** The metadata in the five columns from {@code first} (taken_local … camera_model); nonsense reads as unknown. */
    static PhotoMetadata metadata(ResultSet rs, int first) throws SQLException {
        LocalDateTime taken = rs.getObject(first, LocalDateTime.class);
        Integer offsetSeconds = rs.getObject(first + 1, Integer.class);
        String from = rs.getString(first + 2);
        PhotoMetadata.TakenFrom source = null;
        if (taken != null && from != null) {
            try {
                source = PhotoMetadata.TakenFrom.valueOf(from);
            } catch (IllegalArgumentException e) {
                taken = null; // written by a later version: shown without a date rather than with a wrong one
            }
        } else {
            taken = null;
        }
        ZoneOffset offset = null;
        if (taken != null && offsetSeconds != null && Math.abs(offsetSeconds) <= 18 * 3600) {
            offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
        }
        return new PhotoMetadata(taken, offset, source, rs.getString(first + 3), rs.getString(first + 4));
    }

    /** Binds the five metadata columns from {@code first} (taken_local … camera_model); null binds nulls. */
    static void bindMetadata(PreparedStatement s, int first, PhotoMetadata metadata) throws SQLException {
        PhotoMetadata m = metadata == null ? PhotoMetadata.NONE : metadata;
        s.setObject(first, m.taken(), java.sql.Types.TIMESTAMP);
        s.setObject(first + 1, m.offset() == null ? null : m.offset().getTotalSeconds(), java.sql.Types.INTEGER);
        s.setString(first + 2, m.takenFrom() == null ? null : m.takenFrom().name());
        s.setString(first + 3, m.cameraMake());
        s.setString(first + 4, m.cameraModel());
    }
}
