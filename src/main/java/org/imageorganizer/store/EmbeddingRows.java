package org.imageorganizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The library's embeddings read in bulk, for the search index: plain SQL on a connection (the common
 * subset of H2 and PostgreSQL), so that the writable library ({@link ImageEmbeddings}) and the
 * read-only one ({@link LibraryReader}) read them the same way.
 */
final class EmbeddingRows {
    /** Rows fetched per round trip while streaming. */
    static final int FETCH_SIZE = 1_000;

    private EmbeddingRows() {
    }

    /**
     * A number that changes when an image is added or removed (the library version) or a group is
     * clustered again (its sub-clusters change without a new version).
     */
    static long stamp(Connection c) throws SQLException {
        long version;
        try (PreparedStatement s = c.prepareStatement("SELECT info_value FROM library_info WHERE info_key = ?")) {
            s.setString(1, LibraryInfoKeys.LIBRARY_VERSION);
            try (ResultSet rs = s.executeQuery()) {
                version = rs.next() && rs.getString(1) != null ? Long.parseLong(rs.getString(1).strip()) : 0;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(computed_at), SUM(library_version) FROM group_clustering")) {
            rs.next();
            int clusterings = Objects.hash(rs.getLong(1), String.valueOf(rs.getObject(2)), rs.getLong(3));
            return version * 1_000_003L + clusterings;
        }
    }

    /** How many images have an embedding. */
    static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM image WHERE embedding IS NOT NULL")) {
            rs.next();
            return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
        }
    }

    /** Hands every image with an embedding to {@code sink}, in id order, streamed (memory stays flat). */
    static void forEach(Connection c, Consumer<ImageEmbeddings.Row> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT i.id, i.object_label, i.background_label, m.cluster_id,"
                + " i.embedding, i.embedding_dim FROM image i LEFT JOIN cluster_member m ON m.image_id = i.id"
                + " WHERE i.embedding IS NOT NULL ORDER BY i.id")) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int clusterId = rs.getInt(4);
                    Integer cluster = rs.wasNull() ? null : clusterId;
                    int dimension = rs.getInt(6);
                    byte[] bytes = rs.getBytes(5);
                    float[] vector = rs.wasNull() || dimension <= 0 ? EmbeddingCodec.decode(bytes)
                            : EmbeddingCodec.decode(bytes, dimension);
                    sink.accept(new ImageEmbeddings.Row(rs.getLong(1), rs.getString(2), rs.getString(3), cluster, vector));
                }
            }
        }
    }
}
