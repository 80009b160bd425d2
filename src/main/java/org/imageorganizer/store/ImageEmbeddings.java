package org.imageorganizer.store;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The library's embeddings in bulk, with the labels and sub-cluster of each image: what the search
 * index holds (see {@link EmbeddingRows}). Thread-safe: each call is one read-only transaction.
 */
public final class ImageEmbeddings {
    /**
     * One image's embedding.
     *
     * @param clusterId its sub-cluster in its group, or null when the group was not clustered since it came
     */
    public record Row(long id, String objectLabel, String backgroundLabel, Integer clusterId, float[] embedding) {
    }

    private final SqlTransactions sql;

    ImageEmbeddings(SqlTransactions sql) {
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** A number that changes whenever an image is added or removed or a group is clustered again. */
    public long stamp() {
        return sql.inTransaction(EmbeddingRows::stamp);
    }

    /** How many images have an embedding. */
    public int count() {
        return sql.inTransaction(EmbeddingRows::count);
    }

    /** Hands every image with an embedding to {@code sink}, in id order, streamed in one transaction. */
    public void forEach(Consumer<Row> sink) {
        sql.inTransaction(c -> {
            EmbeddingRows.forEach(c, sink);
            return null;
        });
    }
}
