package org.imageorganizer.store;

import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.function.Consumer;
import org.hibernate.Session;

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

    private final EntityManagerFactory emf;

    ImageEmbeddings(EntityManagerFactory emf) {
        this.emf = Objects.requireNonNull(emf, "emf");
    }

    /** A number that changes whenever an image is added or removed or a group is clustered again. */
    public long stamp() {
        return emf.callInTransaction(em -> em.unwrap(Session.class).doReturningWork(EmbeddingRows::stamp));
    }

    /** How many images have an embedding. */
    public int count() {
        return emf.callInTransaction(em -> em.unwrap(Session.class).doReturningWork(EmbeddingRows::count));
    }

    /** Hands every image with an embedding to {@code sink}, in id order, streamed in one transaction. */
    public void forEach(Consumer<Row> sink) {
        emf.runInTransaction(em -> em.unwrap(Session.class).doWork(c -> EmbeddingRows.forEach(c, sink)));
    }
}
