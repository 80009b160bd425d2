package org.imageorganizer.ui.library;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;

/**
 * The library's tree as the window shows it: filtered by the search box, with the selected row. It
 * is read in the background when the library says it changed ({@link #libraryChanged()}, from any
 * thread) or when asked to ({@link #refresh()}); a refresh keeps the selection. The first read opens
 * the library (seconds: the window shows before it is open), so until it succeeds
 * {@link #placeholderProperty()} says what the tree stands for: opening, or that it could not be opened.
 */
public final class LibraryViewModel implements LibraryObserver {
    /** What the tree and the grid say until the library's first read (which opens it) is done. */
    public static final String OPENING = "Opening the library…";
    /** What they say when it could not be opened (the notice line says why). */
    public static final String UNAVAILABLE = "The library could not be opened.";

    private final LibraryQueries library;
    private final TaskExecutor executor;
    private final Notices notices;
    private final ObjectProperty<NodeTree> tree = new SimpleObjectProperty<>(LibraryTreeBuilder.build(LibrarySnapshot.EMPTY, ""));
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<TreeNode> selected = new SimpleObjectProperty<>();
    private final BooleanProperty clustersPending = new SimpleBooleanProperty();
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(OPENING);
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper filterMatchesNothing = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean changeAnnounced = new AtomicBoolean();
    private LibrarySnapshot snapshot = LibrarySnapshot.EMPTY;
    /** The row selected when the filter was typed; selected again once it is cleared. */
    private TreeNode beforeFilter;
    private boolean refreshAgain;

    public LibraryViewModel(LibraryQueries library, TaskExecutor executor, Notices notices) {
        this.library = library;
        this.executor = executor;
        this.notices = notices;
        filter.addListener((o, old, now) -> {
            if ((old == null || old.isBlank()) && now != null && !now.isBlank()) {
                beforeFilter = selected.get(); // selected again when the filter is cleared, whatever it matched meanwhile
            }
            rebuild();
        });
    }

    /**
     * The library changed (images added or removed, clusters recomputed); any thread. A burst of
     * changes makes one hop to the UI thread, and {@link #refresh()} keeps at most one read in flight.
     */
    @Override
    public void libraryChanged() {
        if (changeAnnounced.compareAndSet(false, true)) {
            executor.onUi(() -> {
                changeAnnounced.set(false);
                refresh();
            });
        }
    }

    /** Reads the library again (one refresh at a time; calls meanwhile make one more). UI thread. */
    public void refresh() {
        if (refreshing.get()) {
            refreshAgain = true;
            return;
        }
        refreshing.set(true);
        executor.submit(() -> new LibrarySnapshot(library.groupMembership(), library.tree()),
                fresh -> {
                    snapshot = fresh;
                    clustersPending.set(fresh.clusters().stale()
                            || !fresh.membership().isEmpty() && fresh.clusters().objects().isEmpty());
                    empty.set(fresh.membership().isEmpty());
                    rebuild();
                    placeholder.set("");
                    refreshed();
                },
                error -> {
                    boolean neverRead = !placeholder.get().isEmpty();
                    notices.failed(neverRead ? "The library could not be opened" : "The library could not be read", error);
                    if (neverRead) {
                        placeholder.set(UNAVAILABLE); // View, Refresh tries again
                    }
                    refreshed();
                });
    }

    private void refreshed() {
        refreshing.set(false);
        opening.set(false);
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    private void rebuild() {
        NodeTree built = LibraryTreeBuilder.build(snapshot, filter.get());
        if (!built.equals(tree.get())) {
            tree.set(built); // an unchanged tree is not rebuilt under the user's pointer
        }
        TreeNode current = selected.get();
        if (filter.get().isBlank() && beforeFilter != null) {
            current = find(built, beforeFilter).orElse(current);
            beforeFilter = null;
        }
        boolean nothing = !filter.get().isBlank() && built.children().isEmpty() && !snapshot.membership().isEmpty();
        filterMatchesNothing.set(nothing);
        if (nothing && current != null) {
            return; // the selection stays, to be there again when the filter is cleared
        }
        TreeNode same = current == null ? built.node() : find(built, current).orElse(built.node());
        if (!same.equals(selected.get())) {
            selected.set(same);
        }
    }

    /** The row of the new tree that stands for the same thing as {@code node}. */
    public static Optional<TreeNode> find(NodeTree tree, TreeNode node) {
        TreeNode here = tree.node();
        if (here.level() == node.level() && Objects.equals(here.object(), node.object())
                && Objects.equals(here.background(), node.background()) && here.clusterId() == node.clusterId()) {
            return Optional.of(here);
        }
        for (NodeTree child : tree.children()) {
            Optional<TreeNode> found = find(child, node);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public ObjectProperty<NodeTree> treeProperty() {
        return tree;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The selected row; the grid shows its images. */
    public ObjectProperty<TreeNode> selectedProperty() {
        return selected;
    }

    /**
     * Empty once the library has been read; until then what the tree stands for: {@link #OPENING}
     * during the first read, {@link #UNAVAILABLE} when it failed.
     */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** True until the first read has ended, read or failed (drops wait for it; the import would open the library itself). */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** True once the library has been read and holds no photo at all (not merely none that the filter lets through). */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** True while the filter's text matches no category of a library that has photos (the selection is kept). */
    public ReadOnlyBooleanProperty filterMatchesNothingProperty() {
        return filterMatchesNothing.getReadOnlyProperty();
    }

    /** Clears the filter: the whole tree again, with the row that was selected before. */
    public void clearFilter() {
        filter.set("");
    }

    /** True while sub-clusters are being recomputed (the clustering says when they are in). */
    public BooleanProperty clustersPendingProperty() {
        return clustersPending;
    }
}
