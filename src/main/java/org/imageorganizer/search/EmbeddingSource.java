package org.imageorganizer.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the {@link EmbeddingIndex} reads the library from; the application implements it over the
 * store. The index never reads the database row by row during a query: it calls {@link #version()}
 * when it polls, and reads rows only when the version changed.
 *
 * <p>Every method is called from the index's one background thread, never two at once. A
 * {@link RuntimeException} fails that refresh only: it is logged and tried again at the next poll,
 * and queries keep using the rows loaded before.
 */
public interface EmbeddingSource {

    /**
     * A number that changes whenever anything the index holds changes: a photo added or removed, a
     * changed embedding, labels or sub-cluster. The library's {@code library_version} counts inserts and
     * deletes; if re-clustering does not bump it, combine it with the clustering's own state (for
     * example {@code library_version * 1_000_003 + a hash of the clusterings' signatures}).
     */
    long version();

    /**
     * How many rows {@link #forEachRow} would give now (photos with an embedding), so that the index
     * can choose exact or approximate search before reading them. An estimate is fine.
     */
    int count();

    /**
     * Streams every photo that has an embedding, best in ascending id order (otherwise the index sorts
     * them, at the cost of a copy). Rows whose embedding length differs from the first row's (another
     * model's) are skipped, with one warning in the log.
     */
    void forEachRow(Consumer<EmbeddingRow> sink);

    /**
     * The rows added, changed or removed since {@code version}, when the source can tell; empty (the
     * default) makes the index read every row again with {@link #forEachRow}.
     */
    default Optional<Changes> changesSince(long version) {
        return Optional.empty();
    }

    /**
     * What changed between two versions.
     *
     * @param version    the version these changes bring the index to
     * @param upserted   rows added or changed (a changed row replaces the row with its id)
     * @param removedIds ids of rows removed
     */
    record Changes(long version, List<EmbeddingRow> upserted, List<Long> removedIds) {
        public Changes {
            upserted = List.copyOf(upserted);
            removedIds = List.copyOf(removedIds);
        }
    }
}
