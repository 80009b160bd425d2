package org.imageorganizer.services;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.TakenRange;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.store.ImageRepository;

/** {@link LibraryQueries} over the library's image rows and its clusterer. */
public final class StoredLibraryQueries implements LibraryQueries {
    /** Images read at once by {@link #forEachImage}. */
    static final int PAGE = 500;

    private final ImageRepository images;
    private final Supplier<LibraryClusterer> clusterer;

    public StoredLibraryQueries(ImageRepository images, LibraryClusterer clusterer) {
        this(images, () -> clusterer);
    }

    /** @param clusterer the clustering in use now (the window replaces it when its settings change) */
    public StoredLibraryQueries(ImageRepository images, Supplier<LibraryClusterer> clusterer) {
        this.images = images;
        this.clusterer = clusterer;
    }

    @Override
    public OrganizedTree tree() {
        return clusterer.get().tree();
    }

    @Override
    public OrganizedTree sortedTree() {
        return clusterer.get().refreshNow();
    }

    @Override
    public Map<GroupKey, List<Long>> groupMembership() {
        return images.groupMembership();
    }

    @Override
    public List<ImageRecord> imagesByIds(Collection<Long> ids) {
        return images.listByIds(ids);
    }

    @Override
    public List<ImageRecord> newest(String object, String background, TakenRange taken,
            int offset, int limit) {
        return images.listNewest(object, background, taken, offset, limit);
    }

    @Override
    public long count() {
        return images.count();
    }

    @Override
    public long[] idsTaken(TakenRange taken) {
        return images.idsTaken(taken);
    }

    @Override
    public long count(String object, String background, TakenRange taken) {
        return images.count(object, background, taken);
    }

    @Override
    public Optional<ImageRecord> image(long id) {
        return images.findById(id);
    }

    @Override
    public void forEachImage(Consumer<ImageRecord> action) {
        for (int offset = 0; ; offset += PAGE) {
            List<ImageRecord> page = images.list(offset, PAGE);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
        }
    }
}
