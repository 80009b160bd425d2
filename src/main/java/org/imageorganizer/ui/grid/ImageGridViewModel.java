package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.library.TreeNode;

/**
 * The grid's images: those of the tree row it follows, newest first, read in the background; and
 * Remove from Library, through the one removal of the core (which tells the clusters and the tree).
 */
public final class ImageGridViewModel {
    private final LibraryQueries library;
    private final ImageRemoval removal;
    private final TaskExecutor executor;
    private final Notices notices;
    private final ObservableList<ImageRecord> images = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private TaskExecutor.Cancellable imageLoad;
    private long imageLoads;

    public ImageGridViewModel(LibraryQueries library, ImageRemoval removal, TaskExecutor executor, Notices notices) {
        this.library = library;
        this.removal = removal;
        this.executor = executor;
        this.notices = notices;
    }

    /** Shows the images of the row {@code selected} holds, now and whenever it changes. */
    public void follow(ObservableValue<TreeNode> selected) {
        selected.addListener((o, old, now) -> show(now));
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

    /** Shows the images under {@code node}; none for null. */
    public void show(TreeNode node) {
        if (imageLoad != null) {
            imageLoad.cancel();
        }
        if (node == null) {
            imageLoads++;
            images.clear();
            loading.set(false);
            return;
        }
        List<Long> ids = node.imageIds();
        // a load that finishes after a newer one started (cancelling does not stop a query) must not win
        long load = ++imageLoads;
        loading.set(true);
        imageLoad = executor.submit(() -> {
            List<ImageRecord> records = new ArrayList<>(library.imagesByIds(ids));
            records.sort(Comparator.comparingLong(ImageRecord::id).reversed());
            return records;
        }, records -> {
            if (load == imageLoads) {
                images.setAll(records);
                loading.set(false);
            }
        }, error -> {
            if (load == imageLoads) {
                images.clear();
                loading.set(false);
                notices.failed("The photos of " + node.label() + " could not be read", error);
            }
        });
    }

    /**
     * Removes an image from the library (never from disk): the grid drops it at once, the tree
     * follows when the library says it changed. A failure is shown in the notice line.
     */
    public void remove(ImageRecord image, Runnable done) {
        executor.submit(() -> removal.remove(image.id()), removed -> {
            images.remove(image);
            done.run();
        }, error -> {
            notices.failed("Could not remove " + image.fileName() + " from the library", error);
            done.run();
        });
    }

    public ObservableList<ImageRecord> images() {
        return images;
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
