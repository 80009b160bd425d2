package org.imageorganizer.services;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.imageorganizer.cluster.StoredTree;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.TakenRange;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.store.LibraryReader;

/**
 * {@link LibraryQueries} over a {@link LibraryReader}: the images and the stored clusterings read
 * through plain JDBC. The tree comes from the stored clusterings; only when they are stale does
 * {@link #sortedTree()} hand over to the full library's clusterer (opened then, once), which
 * recomputes the groups that changed and stores them, as every other front end would.
 */
final class ReaderLibraryQueries implements LibraryQueries {
    private final LibraryReader reader;
    private final StoredTree storedTree;
    private final Supplier<LibraryQueries> clustering;

    /**
     * @param storedTree the tree for the clustering settings asked for
     * @param clustering the full library's queries, opened on first use, for a tree that must be recomputed
     */
    ReaderLibraryQueries(LibraryReader reader, StoredTree storedTree, Supplier<LibraryQueries> clustering) {
        this.reader = reader;
        this.storedTree = storedTree;
        this.clustering = clustering;
    }

    /** The stored tree; stale (with pending entries) when a recomputation is due, which this never starts. */
    @Override
    public OrganizedTree tree() {
        long version = reader.libraryVersion();
        return storedTree.build(reader.groupMembership(), reader.clusterings(), reader.clusterIdentities(), version);
    }

    @Override
    public OrganizedTree sortedTree() {
        OrganizedTree stored = tree();
        return stored.stale() ? clustering.get().sortedTree() : stored;
    }

    @Override
    public Map<GroupKey, List<Long>> groupMembership() {
        return reader.groupMembership();
    }

    @Override
    public List<ImageRecord> imagesByIds(Collection<Long> ids) {
        return reader.listByIds(ids);
    }

    @Override
    public List<ImageRecord> newest(String object, String background, TakenRange taken,
            int offset, int limit) {
        return reader.listNewest(object, background, taken, offset, limit);
    }

    @Override
    public long count() {
        return reader.count(null, null);
    }

    @Override
    public long[] idsTaken(TakenRange taken) {
        return reader.idsTaken(taken);
    }

    @Override
    public long count(String object, String background, TakenRange taken) {
        return reader.count(object, background, taken);
    }

    @Override
    public Optional<ImageRecord> image(long id) {
        return reader.findById(id);
    }

    @Override
    public void forEachImage(Consumer<ImageRecord> action) {
        long after = Long.MIN_VALUE;
        List<ImageRecord> page;
        do {
            page = reader.listAfter(after, StoredLibraryQueries.PAGE);
            page.forEach(action);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == StoredLibraryQueries.PAGE);
    }
}
