package org.imageorganizer.services;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.TakenRange;
import org.imageorganizer.model.OrganizedTree;

/**
 * {@link LibraryQueries} that asks, at each call, which queries answer it now. The window's: a
 * plain-JDBC reader while the full library opens in the background, the full library's once it is
 * open (ADR 0031). Asking may block (it may open the library): not for the FX thread, as every query.
 */
public final class DeferredLibraryQueries implements LibraryQueries {
    private final Supplier<LibraryQueries> current;

    /** @param current the queries to use now (may open the library, and throw when it cannot) */
    public DeferredLibraryQueries(Supplier<LibraryQueries> current) {
        this.current = current;
    }

    @Override
    public OrganizedTree tree() {
        return current.get().tree();
    }

    @Override
    public OrganizedTree sortedTree() {
        return current.get().sortedTree();
    }

    @Override
    public Map<GroupKey, List<Long>> groupMembership() {
        return current.get().groupMembership();
    }

    @Override
    public List<ImageRecord> imagesByIds(Collection<Long> ids) {
        return current.get().imagesByIds(ids);
    }

    @Override
    public List<ImageRecord> newest(String object, String background, TakenRange taken,
            int offset, int limit) {
        return current.get().newest(object, background, taken, offset, limit);
    }

    @Override
    public LibraryPage page(String object, String background, TakenRange taken, int offset,
            int limit) {
        return current.get().page(object, background, taken, offset, limit);
    }

    @Override
    public long count() {
        return current.get().count();
    }

    @Override
    public long[] idsTaken(TakenRange taken) {
        return current.get().idsTaken(taken);
    }

    @Override
    public long count(String object, String background, TakenRange taken) {
        return current.get().count(object, background, taken);
    }

    @Override
    public Optional<ImageRecord> image(long id) {
        return current.get().image(id);
    }

    @Override
    public void forEachImage(Consumer<ImageRecord> action) {
        current.get().forEachImage(action);
    }
}
