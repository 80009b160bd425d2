package org.imageorganizer.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryEvents;
import org.imageorganizer.services.LibraryObservers;
import org.imageorganizer.services.LibraryQueries;

/**
 * A library in memory for view-model tests: images added by label, a clustering that has caught up
 * or not ({@link #recluster()}), removal, and observers told of every change on the caller's thread.
 * Reads and removals can be made to fail.
 */
public final class FakeLibrary implements LibraryQueries, ImageRemoval, LibraryEvents {
    private final List<ImageRecord> images = new CopyOnWriteArrayList<>();
    private final LibraryObservers observers = new LibraryObservers();
    private volatile boolean clustered = true;
    private volatile long version;
    private long lastId;
    public volatile RuntimeException readFailure;
    public volatile Exception removeFailure;

    /** Adds {@code count} images of an object on a background; the clustering sorts them in at once. */
    public List<ImageRecord> add(String object, String background, int count) {
        List<ImageRecord> added = addUnclustered(object, background, count);
        clustered = true;
        tellObservers();
        return added;
    }

    /** Adds one image that says when it was taken ({@code metadata}), sorted in by the clustering at once. */
    public ImageRecord addTaken(String object, String background, org.imageorganizer.model.PhotoMetadata metadata) {
        ImageRecord plain = addUnclustered(object, background, 1).get(0);
        ImageRecord taken = new ImageRecord(plain.id(), plain.sha256(), plain.location(), plain.fileName(), plain.byteSize(),
                plain.width(), plain.height(), plain.format(), plain.importedAt(), plain.classification(), plain.storage(),
                metadata);
        images.set(images.indexOf(plain), taken);
        clustered = true;
        tellObservers();
        return taken;
    }

    /** Adds images the clustering has not reached yet: the tree is stale until {@link #recluster()}. */
    public List<ImageRecord> addUnclustered(String object, String background, int count) {
        List<ImageRecord> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ++lastId;
            String name = String.format("photo-%04d.jpg", id);
            added.add(new ImageRecord(id, "%064x".formatted(id), "/photos/" + name, name, 1000, 120, 100, "jpeg",
                    Instant.parse("2025-03-14T09:26:53Z").plusSeconds(id),
                    new Classification(new Label(object, 0.9), new Label(background, 0.8)), StorageKind.INDEXED));
        }
        images.addAll(added);
        version++;
        clustered = false;
        return added;
    }

    /** The clustering catches up and says so. */
    public void recluster() {
        clustered = true;
        tellObservers();
    }

    public void tellObservers() {
        observers.libraryChanged();
    }

    public int observers() {
        return observers.count();
    }

    private void failIfAsked() {
        if (readFailure != null) {
            throw readFailure;
        }
    }

    @Override
    public Map<GroupKey, List<Long>> groupMembership() {
        failIfAsked();
        Map<GroupKey, List<Long>> groups = new LinkedHashMap<>();
        for (ImageRecord image : images) {
            groups.computeIfAbsent(new GroupKey(image.classification().object().name(),
                    image.classification().background().name()), k -> new ArrayList<>()).add(image.id());
        }
        return groups;
    }

    @Override
    public OrganizedTree tree() {
        failIfAsked();
        if (!clustered) {
            return new OrganizedTree(version, true, List.of());
        }
        Map<String, List<BackgroundGroup>> objects = new LinkedHashMap<>();
        groupMembership().forEach((key, ids) -> objects.computeIfAbsent(key.objectLabel(), k -> new ArrayList<>())
                .add(new BackgroundGroup(key.backgroundLabel(), ids, List.of(new SubCluster(0, false, false, ids)))));
        List<ObjectGroup> groups = new ArrayList<>();
        objects.forEach((object, backgrounds) -> groups.add(new ObjectGroup(object,
                backgrounds.stream().mapToInt(b -> b.imageIds().size()).sum(), backgrounds)));
        groups.sort(Comparator.comparingInt(ObjectGroup::totalImages).reversed());
        return new OrganizedTree(version, false, groups);
    }

    @Override
    public OrganizedTree sortedTree() {
        return tree();
    }

    @Override
    public List<ImageRecord> imagesByIds(Collection<Long> ids) {
        failIfAsked();
        return images.stream().filter(i -> ids.contains(i.id())).toList();
    }

    @Override
    public List<ImageRecord> newest(String object, String background, org.imageorganizer.model.TakenRange taken,
            int offset, int limit) {
        throw new UnsupportedOperationException("the window does not page");
    }

    @Override
    public long count() {
        return images.size();
    }

    @Override
    public long count(String object, String background, org.imageorganizer.model.TakenRange taken) {
        throw new UnsupportedOperationException("the window does not count by label");
    }

    @Override
    public Optional<ImageRecord> image(long id) {
        return images.stream().filter(i -> i.id() == id).findFirst();
    }

    @Override
    public void forEachImage(Consumer<ImageRecord> action) {
        images.forEach(action);
    }

    /** Removes the image and tells the observers, as the core's removal does. */
    @Override
    public Optional<Removed> remove(long id) throws InterruptedException {
        if (removeFailure instanceof InterruptedException e) {
            throw e;
        }
        if (removeFailure instanceof RuntimeException e) {
            throw e;
        }
        Optional<ImageRecord> image = image(id);
        image.ifPresent(i -> {
            images.remove(i);
            version++;
            tellObservers();
        });
        return image.map(i -> new Removed(i, false, RemoteOutcome.NONE));
    }

    @Override
    public void addObserver(LibraryObserver observer) {
        observers.addObserver(observer);
    }

    @Override
    public void removeObserver(LibraryObserver observer) {
        observers.removeObserver(observer);
    }
}
