package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.CorrectedPhoto;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.SortedLabels;

/**
 * What a re-sort reads and writes (ADR 0042): every photo's embedding with its labels, streamed, the corrections by
 * content, and the labels that changed, written in batches.
 */
public final class ImageLabels {
    /** Rows written per transaction: a long re-sort leaves room to the import and the readers between them. */
    static final int WRITE_BATCH = 2_000;
    private static final int FETCH_SIZE = 1_000;

    private final SqlTransactions sql;

    ImageLabels(SqlTransactions sql) {
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** One photo as a re-sort reads it. */
    public record Stored(SortedLabels labels, String sha256, float[] embedding) {
    }

    /** Receives the stored photos one by one. */
    @FunctionalInterface
    public interface Sink {
        void accept(Stored photo);
    }

    /** Hands every photo with an embedding to {@code sink}, in id order, streamed (memory stays flat). */
    public void forEach(Sink sink) {
        sql.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, sha256, embedding, object_label, object_confidence,"
                    + " object_by_user, predicted_object, background_label, background_confidence, background_by_user,"
                    + " predicted_background FROM image WHERE embedding IS NOT NULL ORDER BY id")) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Classification labels = new Classification(
                                new Label(rs.getString(4), rs.getDouble(5), rs.getBoolean(6)),
                                new Label(rs.getString(8), rs.getDouble(9), rs.getBoolean(10)));
                        sink.accept(new Stored(new SortedLabels(rs.getLong(1), labels, rs.getString(7), rs.getString(11)),
                                rs.getString(2), EmbeddingCodec.decode(rs.getBytes(3))));
                    }
                }
            }
            return null;
        });
    }

    /** Every corrected photo of the library that has an embedding, one per kind corrected. */
    public List<CorrectedPhoto> lessons() {
        return sql.inTransaction(c -> {
            List<CorrectedPhoto> out = new java.util.ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT lc.kind, k.name, i.predicted_object, i.predicted_background,"
                    + " i.embedding FROM label_correction lc JOIN category k ON k.id = lc.category_id"
                    + " JOIN image i ON i.sha256 = lc.sha256 WHERE i.embedding IS NOT NULL ORDER BY i.id, lc.kind")) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        CategoryKind kind = CategoryKind.valueOf(rs.getString(1));
                        out.add(new CorrectedPhoto(kind, rs.getString(2), rs.getString(kind == CategoryKind.OBJECT ? 3 : 4),
                                EmbeddingCodec.decode(rs.getBytes(5))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Up to {@code max} embeddings spread evenly over the library (every n-th by id): enough to place its centre, which
     * learning measures from, without reading every photo.
     */
    public List<float[]> sample(int max) {
        return sql.inTransaction(c -> {
            long count;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM image WHERE embedding IS NOT NULL");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            long step = Math.max(1, (count + max - 1) / max);
            List<float[]> out = new java.util.ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT embedding FROM image WHERE embedding IS NOT NULL"
                    + " AND MOD(id, ?) = 0 ORDER BY id")) {
                s.setLong(1, step);
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && out.size() < max) {
                        out.add(EmbeddingCodec.decode(rs.getBytes(1)));
                    }
                }
            }
            return out;
        });
    }

    /** The user's category names by content and kind, as the corrections choose them now. */
    public Map<String, Map<CategoryKind, String>> corrections() {
        return sql.inTransaction(c -> {
            Map<String, Map<CategoryKind, String>> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT lc.sha256, lc.kind, k.name FROM label_correction lc"
                    + " JOIN category k ON k.id = lc.category_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), sha -> new EnumMap<>(CategoryKind.class))
                            .put(CategoryKind.valueOf(rs.getString(2)), rs.getString(3));
                }
            }
            return out;
        });
    }

    /**
     * Writes these photos' labels, {@link #WRITE_BATCH} rows per transaction, each stepping the label serial; a photo
     * removed meanwhile is skipped.
     *
     * @return the rows written
     */
    public int write(List<SortedLabels> changed) {
        int written = 0;
        for (int from = 0; from < changed.size(); from += WRITE_BATCH) {
            List<SortedLabels> batch = changed.subList(from, Math.min(changed.size(), from + WRITE_BATCH));
            written += sql.inTransaction(c -> writeBatch(c, batch));
        }
        return written;
    }

    private static int writeBatch(Connection c, List<SortedLabels> batch) throws SQLException {
        int written = 0;
        try (PreparedStatement s = c.prepareStatement("UPDATE image SET object_label = ?, object_confidence = ?,"
                + " object_by_user = ?, predicted_object = ?, background_label = ?, background_confidence = ?,"
                + " background_by_user = ?, predicted_background = ? WHERE id = ?")) {
            for (SortedLabels labels : batch) {
                Label object = labels.classification().object();
                Label background = labels.classification().background();
                s.setString(1, object.name());
                s.setDouble(2, object.confidence());
                s.setBoolean(3, object.byUser());
                s.setString(4, labels.predictedObject());
                s.setString(5, background.name());
                s.setDouble(6, background.confidence());
                s.setBoolean(7, background.byUser());
                s.setString(8, labels.predictedBackground());
                s.setLong(9, labels.imageId());
                s.addBatch();
            }
            for (int count : s.executeBatch()) {
                written += Math.max(count, 0);
            }
        }
        LibraryInfo.labelsChanged(c);
        return written;
    }
}
