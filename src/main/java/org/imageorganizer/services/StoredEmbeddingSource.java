package org.imageorganizer.services;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.imageorganizer.search.EmbeddingRow;
import org.imageorganizer.search.EmbeddingSource;
import org.imageorganizer.store.ImageEmbeddings;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;

/**
 * The search index's view of the library: the store's embeddings in bulk ({@link ImageEmbeddings}),
 * read through the writable library or the plain-JDBC reader alike. The version is the store's stamp,
 * which changes on every insert and removal and every new clustering, whichever process made it.
 */
public final class StoredEmbeddingSource implements EmbeddingSource {
    private final LongSupplier stamp;
    private final IntSupplier count;
    private final Consumer<Consumer<ImageEmbeddings.Row>> rows;

    private StoredEmbeddingSource(LongSupplier stamp, IntSupplier count, Consumer<Consumer<ImageEmbeddings.Row>> rows) {
        this.stamp = stamp;
        this.count = count;
        this.rows = rows;
    }

    /** Through the writable library. */
    public static StoredEmbeddingSource of(LibraryDatabase library) {
        ImageEmbeddings embeddings = Objects.requireNonNull(library, "library").embeddings();
        return new StoredEmbeddingSource(embeddings::stamp, embeddings::count, embeddings::forEach);
    }

    /** Through the plain-JDBC reader (the read-only commands). */
    public static StoredEmbeddingSource of(LibraryReader reader) {
        Objects.requireNonNull(reader, "reader");
        return new StoredEmbeddingSource(reader::embeddingStamp, reader::embeddingCount, reader::forEachEmbedding);
    }

    @Override
    public long version() {
        return stamp.getAsLong();
    }

    @Override
    public int count() {
        return count.getAsInt();
    }

    @Override
    public void forEachRow(Consumer<EmbeddingRow> sink) {
        rows.accept(row -> sink.accept(new EmbeddingRow(row.id(), row.objectLabel(), row.backgroundLabel(),
                row.clusterId() == null ? EmbeddingRow.NO_CLUSTER : row.clusterId(), row.embedding())));
    }
}
