package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.library.TreeNode;

/**
 * The grid's images: those of the tree row it follows, read in the background and shown in the
 * {@link #orderProperty() order} chosen (by date taken, newest first, under month headers: {@link #sectionsProperty()}), or a
 * list found for it (search results, similar photos: {@link #showFound}, best first) until it goes
 * back to the row ({@link #showRow()}). Near-duplicates show as one tile per stack
 * ({@link #refreshStacks()}), opened inline on demand. It holds the {@link GridSelection}, and Remove
 * from Library, through the one removal of the core (which tells the clusters and the tree).
 */
public final class ImageGridViewModel {
    private final LibraryQueries library;
    private final ImageRemoval removal;
    private final PhotoDuplicates duplicates;
    private final TaskExecutor executor;
    private final Notices notices;
    private final ObservableList<ImageRecord> images = FXCollections.observableArrayList();
    private final GridSelection selection = new GridSelection(images);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper followingRow = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyLongWrapper marksVersion = new ReadOnlyLongWrapper();
    private final Set<Long> openStacks = new HashSet<>();
    private final ObjectProperty<PhotoOrder> order = new SimpleObjectProperty<>(PhotoOrder.DATE_TAKEN);
    private final ReadOnlyObjectWrapper<Function<ImageRecord, String>> sections = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TreeNode> shownRow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper photoCount = new ReadOnlyIntegerWrapper();
    private final java.util.Map<PhotoOrder, Function<ImageRecord, String>> sectionsByOrder = new java.util.EnumMap<>(PhotoOrder.class);
    private final Locale locale;
    private final ZoneId zone;
    private List<ImageRecord> source = List.of();
    private GridStacks stacks = GridStacks.NONE;
    private GridStacks.Layout layout = GridStacks.Layout.EMPTY;
    private TreeNode row;
    private TaskExecutor.Cancellable imageLoad;
    private long imageLoads;
    private boolean stacksRunning;
    private boolean stacksAgain;

    public ImageGridViewModel(LibraryQueries library, ImageRemoval removal, TaskExecutor executor, Notices notices) {
        this(library, removal, null, executor, notices);
    }

    /** @param duplicates the library's stacks, folded in the grid (null: no stacks) */
    public ImageGridViewModel(LibraryQueries library, ImageRemoval removal, PhotoDuplicates duplicates,
            TaskExecutor executor, Notices notices) {
        this(library, removal, duplicates, executor, notices, Locale.getDefault(Locale.Category.FORMAT),
                ZoneId.systemDefault());
    }

    /** @param locale the words of the month headers; {@code zone} the one dates added are shown in */
    public ImageGridViewModel(LibraryQueries library, ImageRemoval removal, PhotoDuplicates duplicates,
            TaskExecutor executor, Notices notices, Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        order.addListener((o, was, now) -> reorder());
        this.library = library;
        this.removal = removal;
        this.duplicates = duplicates;
        this.executor = executor;
        this.notices = notices;
        selection.versionProperty().addListener((o, was, now) -> marksChanged());
        selection.currentProperty().addListener((o, was, now) -> marksChanged());
    }

    /** Shows the images of the row {@code selected} holds, now and whenever it changes (unless showing a found list). */
    public void follow(ObservableValue<TreeNode> selected) {
        selected.addListener((o, old, now) -> rowChanged(now));
        show(selected.getValue());
    }

    /**
     * As {@link #follow(ObservableValue)}, and says what the library's tree says while it has not been
     * read ({@code libraryPlaceholder}: opening, or could not be opened; empty once read).
     */
    public void follow(ObservableValue<TreeNode> selected, ObservableStringValue libraryPlaceholder) {
        placeholder.bind(libraryPlaceholder);
        follow(selected);
    }

    private void rowChanged(TreeNode now) {
        if (followingRow.get()) {
            show(now);
        } else {
            row = now; // shown when the grid goes back to the row
            shownRow.set(now);
        }
    }

    /** Shows the images under {@code node}; none for null. The grid follows the tree again. */
    public void show(TreeNode node) {
        row = node;
        shownRow.set(node);
        followingRow.set(true);
        if (imageLoad != null) {
            imageLoad.cancel();
        }
        if (node == null) {
            imageLoads++;
            setSource(List.of());
            loading.set(false);
            return;
        }
        List<Long> ids = node.imageIds();
        PhotoOrder sort = order.get();
        // a load that finishes after a newer one started (cancelling does not stop a query) must not win
        long load = ++imageLoads;
        loading.set(true);
        imageLoad = executor.submit(() -> {
            return sort.sorted(library.imagesByIds(ids));
        }, records -> {
            if (load == imageLoads) {
                setSource(records);
                loading.set(false);
            }
        }, error -> {
            if (load == imageLoads) {
                setSource(List.of());
                loading.set(false);
                notices.failed("The photos of " + node.label() + " could not be read", error);
            }
        });
    }

    /** Goes back to the images of the tree's selected row. */
    public void showRow() {
        show(row);
    }

    /** Shows a list found for the grid (search results, similar photos) in its order, until {@link #showRow()}. */
    public void showFound(List<ImageRecord> found) {
        if (imageLoad != null) {
            imageLoad.cancel();
        }
        imageLoads++;
        followingRow.set(false);
        loading.set(false);
        setSource(List.copyOf(found));
    }

    /** The tree row the grid follows (or goes back to). */
    public TreeNode row() {
        return row;
    }

    /** False while the grid shows a found list instead of the tree row. */
    public ReadOnlyBooleanProperty followingRowProperty() {
        return followingRow.getReadOnlyProperty();
    }

    private void setSource(List<ImageRecord> records) {
        source = records;
        sections.set(followingRow.get() ? sectionsByOrder.computeIfAbsent(order.get(), o -> o.sections(locale, zone)) : null);
        relayout();
    }

    /** A new order: the row's photos read and sorted again in the background (a found list keeps its own order). */
    private void reorder() {
        if (followingRow.get()) {
            show(row);
        }
    }

    /** The order of a tree row's photos (a found list keeps its own). */
    public ObjectProperty<PhotoOrder> orderProperty() {
        return order;
    }

    /** The header each photo goes under ("June 2024"); null while a found list is shown (no headers). */
    public ReadOnlyObjectProperty<Function<ImageRecord, String>> sectionsProperty() {
        return sections.getReadOnlyProperty();
    }

    /** The tree row the grid shows, or goes back to (the header's breadcrumb). */
    public ReadOnlyObjectProperty<TreeNode> rowProperty() {
        return shownRow.getReadOnlyProperty();
    }

    /** How many photos the grid shows (those folded in a stack's tile counted too). */
    public ReadOnlyIntegerProperty photoCountProperty() {
        return photoCount.getReadOnlyProperty();
    }

    private void relayout() {
        photoCount.set(source.size());
        layout = stacks.layout(source, openStacks);
        images.setAll(layout.images());
        marksChanged();
    }

    /**
     * Reads the library's stacks of near-duplicates again, in the background (the service keeps them per
     * library change), and folds them in the grid; one read at a time, calls meanwhile make one more.
     */
    public void refreshStacks() {
        if (duplicates == null) {
            return;
        }
        if (stacksRunning) {
            stacksAgain = true;
            return;
        }
        stacksRunning = true;
        executor.submit(() -> GridStacks.of(duplicates.stacks(false)), read -> {
            stacks = read;
            relayout();
            stacksRead();
        }, error -> stacksRead()); // the grid shows every photo on its own; the executor logged why
    }

    private void stacksRead() {
        stacksRunning = false;
        if (stacksAgain) {
            stacksAgain = false;
            refreshStacks();
        }
    }

    /** Opens the stack {@code tile} stands for, showing its photos after it, or folds it again. */
    public void toggleStack(ImageRecord tile) {
        Long stack = layout.stackOf(tile.id());
        if (stack == null) {
            return;
        }
        if (!openStacks.remove(stack)) {
            openStacks.add(stack);
        }
        relayout();
    }

    /** Reads images by id in the background (the photos of a tree row, for its menu). */
    public void read(List<Long> ids, Consumer<List<ImageRecord>> done) {
        executor.submit(() -> List.copyOf(library.imagesByIds(ids)), done::accept,
                error -> notices.failed("The photos could not be read", error));
    }

    /**
     * Removes an image from the library (never from disk): the grid drops it at once, the tree
     * follows when the library says it changed. A failure is shown in the notice line.
     */
    public void remove(ImageRecord image, Runnable done) {
        remove(List.of(image), done);
    }

    /** Removes images from the library (never from disk), as {@link #remove(ImageRecord, Runnable)}. */
    public void remove(List<ImageRecord> toRemove, Runnable done) {
        List<ImageRecord> removing = List.copyOf(toRemove);
        List<ImageRecord> removed = new ArrayList<>();
        executor.submit(() -> {
            for (ImageRecord image : removing) {
                removal.remove(image.id());
                synchronized (removed) {
                    removed.add(image);
                }
            }
            return removing;
        }, all -> {
            dropRemoved(all);
            done.run();
        }, error -> {
            synchronized (removed) {
                dropRemoved(removed);
            }
            String what = removing.size() == 1 ? removing.get(0).fileName() : removing.size() + " photos";
            notices.failed("Could not remove " + what + " from the library", error);
            done.run();
        });
    }

    /** Drops photos that left the library another way (Move to Trash): the tree follows when the library says so. */
    public void dropLeft(List<ImageRecord> left) {
        dropRemoved(left);
    }

    private void dropRemoved(List<ImageRecord> removed) {
        if (removed.isEmpty()) {
            return;
        }
        Set<Long> gone = new HashSet<>();
        removed.forEach(image -> gone.add(image.id()));
        source = source.stream().filter(image -> !gone.contains(image.id())).toList();
        photoCount.set(source.size());
        images.removeIf(image -> gone.contains(image.id()));
    }

    public ObservableList<ImageRecord> images() {
        return images;
    }

    /** The selected images (by id) and the current one. */
    public GridSelection selection() {
        return selection;
    }

    /** What the cells show of each image: current, selected, stack tile with its count. */
    public ThumbnailCell.Marks marks() {
        return new ThumbnailCell.Marks() {
            @Override
            public ObservableValue<?> changes() {
                return marksVersion.getReadOnlyProperty();
            }

            @Override
            public boolean current(ImageRecord image) {
                ImageRecord current = selection.currentProperty().get();
                return current != null && current.id() == image.id();
            }

            @Override
            public boolean selected(ImageRecord image) {
                return selection.isSelected(image.id());
            }

            @Override
            public int stackSize(ImageRecord image) {
                return layout.tileSizes().getOrDefault(image.id(), 0);
            }

            @Override
            public boolean stackOpen(ImageRecord image) {
                Long stack = layout.stackOf(image.id());
                return stack != null && openStacks.contains(stack);
            }

            @Override
            public boolean inOpenStack(ImageRecord image) {
                return layout.openMembers().contains(image.id());
            }

            @Override
            public void toggleStack(ImageRecord image) {
                ImageGridViewModel.this.toggleStack(image);
            }
        };
    }

    private void marksChanged() {
        marksVersion.set(marksVersion.get() + 1);
    }

    /** True while the images of the row are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the library's tree says instead of the library while it has not been read; empty once it has. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
