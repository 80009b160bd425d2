package org.imageorganizer.services;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.OrganizedTree;

/** A library's records in memory, for the services' tests: reads by id, the groups, counts and pages (newest first); no tree. */
class InMemoryRecords implements LibraryQueries {
    private final Map<Long, ImageRecord> records;

    /** @param records read as they are now at each call (the test may change them) */
    InMemoryRecords(Map<Long, ImageRecord> records) {
        this.records = records;
    }

    @Override
    public List<ImageRecord> imagesByIds(Collection<Long> ids) {
        return ids.stream().map(records::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Map<GroupKey, List<Long>> groupMembership() {
        Map<GroupKey, List<Long>> groups = new LinkedHashMap<>();
        records.values().forEach(r -> groups.computeIfAbsent(new GroupKey(r.classification().object().name(),
                r.classification().background().name()), g -> new ArrayList<>()).add(r.id()));
        return groups;
    }

    @Override
    public OrganizedTree tree() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OrganizedTree sortedTree() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ImageRecord> newest(String object, String background, org.imageorganizer.model.TakenRange taken,
            int offset, int limit) {
        List<ImageRecord> newestFirst = inGroup(object, background).filter(r -> taken.contains(r.metadata())).sorted(
                java.util.Comparator.comparingLong(ImageRecord::id).reversed()).toList();
        int size = newestFirst.size();
        return newestFirst.subList(Math.min(offset, size), (int) Math.min((long) offset + limit, size));
    }

    private java.util.stream.Stream<ImageRecord> inGroup(String object, String background) {
        return records.values().stream()
                .filter(r -> object == null || r.classification().object().name().equals(object))
                .filter(r -> background == null || r.classification().background().name().equals(background));
    }

    @Override
    public long count() {
        return records.size();
    }

    @Override
    public long count(String object, String background, org.imageorganizer.model.TakenRange taken) {
        return inGroup(object, background).filter(r -> taken.contains(r.metadata())).count();
    }

    @Override
    public Optional<ImageRecord> image(long id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public void forEachImage(Consumer<ImageRecord> action) {
        List.copyOf(records.values()).forEach(action);
    }
}
