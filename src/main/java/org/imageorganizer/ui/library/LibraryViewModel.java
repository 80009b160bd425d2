package org.imageorganizer.ui.library;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.DesktopServices;
import org.imageorganizer.ui.TaskExecutor;

/**
 * The library as the window shows it: the tree (filtered by the search box), the selected row and
 * its images, newest first. Everything is read in the background; a refresh keeps the selection.
 */
public final class LibraryViewModel {
    private final DesktopServices services;
    private final TaskExecutor executor;
    private final ObjectProperty<NodeTree> tree = new SimpleObjectProperty<>(LibraryTreeBuilder.build(LibrarySnapshot.EMPTY, ""));
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<TreeNode> selected = new SimpleObjectProperty<>();
    private final ObservableList<ImageRecord> images = FXCollections.observableArrayList();
    private final BooleanProperty clustersPending = new SimpleBooleanProperty();
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private LibrarySnapshot snapshot = LibrarySnapshot.EMPTY;
    private boolean refreshAgain;
    private TaskExecutor.Cancellable imageLoad;
    private long imageLoads;

    public LibraryViewModel(DesktopServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
        filter.addListener((o, old, now) -> rebuild());
        selected.addListener((o, old, now) -> loadImages(now));
    }

    /** Reads the library again (one refresh at a time; calls meanwhile make one more). */
    public void refresh() {
        if (refreshing.get()) {
            refreshAgain = true;
            return;
        }
        refreshing.set(true);
        executor.submit(() -> new LibrarySnapshot(services.library().images().groupMembership(), services.clusterer().tree()),
                fresh -> {
                    refreshing.set(false);
                    snapshot = fresh;
                    clustersPending.set(fresh.clusters().stale()
                            || !fresh.membership().isEmpty() && fresh.clusters().objects().isEmpty());
                    rebuild();
                    if (refreshAgain) {
                        refreshAgain = false;
                        refresh();
                    }
                },
                error -> refreshing.set(false));
    }

    private void rebuild() {
        NodeTree built = LibraryTreeBuilder.build(snapshot, filter.get());
        tree.set(built);
        TreeNode current = selected.get();
        TreeNode same = current == null ? built.node() : find(built, current).orElse(built.node());
        if (!same.equals(current)) {
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

    private void loadImages(TreeNode node) {
        if (imageLoad != null) {
            imageLoad.cancel();
        }
        if (node == null) {
            imageLoads++;
            images.clear();
            return;
        }
        List<Long> ids = node.imageIds();
        // a load that finishes after a newer one started (cancelling does not stop a query) must not win
        long load = ++imageLoads;
        imageLoad = executor.submit(() -> {
            List<ImageRecord> records = new java.util.ArrayList<>(services.library().images().listByIds(ids));
            records.sort(Comparator.comparingLong(ImageRecord::id).reversed());
            return records;
        }, records -> {
            if (load == imageLoads) {
                images.setAll(records);
            }
        }, error -> {
            if (load == imageLoads) {
                images.clear();
            }
        });
    }

    /** Removes an image from the library (never from disk), then refreshes. */
    public void remove(ImageRecord image, Runnable done) {
        executor.submit(() -> {
            services.removeFromLibrary(image.id());
            return true;
        }, removed -> {
            services.clusterer().libraryChanged();
            images.remove(image);
            refresh();
            done.run();
        }, error -> done.run());
    }

    public ObjectProperty<NodeTree> treeProperty() {
        return tree;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<TreeNode> selectedProperty() {
        return selected;
    }

    public ObservableList<ImageRecord> images() {
        return images;
    }

    /** True while sub-clusters are being recomputed: the window keeps refreshing until they are in. */
    public BooleanProperty clustersPendingProperty() {
        return clustersPending;
    }
}
