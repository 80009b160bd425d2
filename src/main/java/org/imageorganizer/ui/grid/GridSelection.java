package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImageRecord;

/**
 * The grid's selection (the rows of its flow are never selected): the ids of the selected images
 * (never Nodes, so it survives scrolling, where cells are recycled), the current image (the keyboard's
 * place) and the anchor a Shift-click or Shift-arrow extends from. It follows the grid's images:
 * images that leave are dropped from it, and when the current image is removed the next one becomes
 * current. Cells show it through {@link #versionProperty()}, bumped once per change (a Ctrl+A over
 * 100,000 photos is one change, not 100,000). FX thread.
 */
public final class GridSelection {
    private final ObservableList<ImageRecord> items;
    private final Set<Long> ids = new HashSet<>();
    private final ReadOnlyObjectWrapper<ImageRecord> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private ImageRecord anchor;

    /** A selection among {@code items} (the grid's list, followed from now on). */
    public GridSelection(ObservableList<ImageRecord> items) {
        this.items = items;
        items.addListener(this::itemsChanged);
    }

    /** A plain click: this image alone is selected, current, and the anchor. */
    public void select(ImageRecord image) {
        ids.clear();
        ids.add(image.id());
        current.set(image);
        anchor = image;
        changed();
    }

    /** A Ctrl-click: the image joins or leaves the selection, and becomes current and the anchor. */
    public void toggle(ImageRecord image) {
        if (!ids.remove(image.id())) {
            ids.add(image.id());
        }
        current.set(image);
        anchor = image;
        changed();
    }

    /**
     * A Shift-click or Shift-arrow: the images from the anchor to this one, in the grid's order, are
     * selected; with {@code add} (Ctrl+Shift) they join the selection, else they replace it.
     */
    public void extendTo(ImageRecord image, boolean add) {
        int to = indexOf(image);
        if (to < 0) {
            return;
        }
        int from = anchor == null ? -1 : indexOf(anchor);
        if (from < 0) {
            from = to;
            anchor = image;
        }
        if (!add) {
            ids.clear();
        }
        for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
            ids.add(items.get(i).id());
        }
        current.set(image);
        changed();
    }

    /** Ctrl+A: every image of the grid. */
    public void selectAll() {
        for (ImageRecord image : items) {
            ids.add(image.id());
        }
        if (current.get() == null && !items.isEmpty()) {
            current.set(items.get(0));
        }
        changed();
    }

    /** Escape: nothing selected (the current image stays the keyboard's place). */
    public void clear() {
        if (!ids.isEmpty()) {
            ids.clear();
            changed();
        }
    }

    /**
     * A rubber band: {@code touched} are selected; with {@code add} (Ctrl held) together with
     * {@code before}, the selection when the band started.
     */
    public void band(Collection<ImageRecord> touched, boolean add, Set<Long> before) {
        ids.clear();
        if (add) {
            ids.addAll(before);
        }
        for (ImageRecord image : touched) {
            ids.add(image.id());
        }
        changed();
    }

    /** Whether the image with this id is selected. */
    public boolean isSelected(long id) {
        return ids.contains(id);
    }

    /** The selected ids now (a copy). */
    public Set<Long> ids() {
        return Set.copyOf(ids);
    }

    /** The selected images, in the grid's order. */
    public List<ImageRecord> selected() {
        List<ImageRecord> selected = new ArrayList<>(ids.size());
        if (!ids.isEmpty()) {
            for (ImageRecord image : items) {
                if (ids.contains(image.id())) {
                    selected.add(image);
                }
            }
        }
        return selected;
    }

    /**
     * What an action on the selection acts on: the selection, else the current image alone, else nothing.
     */
    public List<ImageRecord> targets() {
        List<ImageRecord> selected = selected();
        if (selected.isEmpty() && current.get() != null) {
            return List.of(current.get());
        }
        return selected;
    }

    /** The image the keyboard acts on, for the cells to show; null when there is none. */
    public ReadOnlyObjectProperty<ImageRecord> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** How many images are selected. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Changes once per change of the selection: the cells listen to it. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    private void changed() {
        count.set(ids.size());
        version.set(version.get() + 1);
    }

    private int indexOf(ImageRecord image) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == image.id()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Drops images that left; keeps the current one when it is still there, else, after a removal, the
     * image now at its place becomes current (and selected, when the removed ones were).
     */
    private void itemsChanged(ListChangeListener.Change<? extends ImageRecord> change) {
        ImageRecord was = current.get();
        int wasAt = -1;
        boolean removals = onlyRemovals(change);
        if (was != null && removals) {
            change.reset();
            while (change.next()) {
                if (change.wasRemoved() && change.getRemoved().stream().anyMatch(r -> r.id() == was.id())) {
                    wasAt = change.getFrom();
                }
            }
        }
        boolean hadSelection = !ids.isEmpty();
        if (hadSelection) {
            Set<Long> present = new HashSet<>(items.size() * 2);
            for (ImageRecord image : items) {
                present.add(image.id());
            }
            ids.retainAll(present);
        }
        int at = was == null ? -1 : indexOf(was);
        if (at >= 0) {
            current.set(items.get(at));
        } else if (wasAt >= 0 && !items.isEmpty()) {
            ImageRecord next = items.get(Math.min(wasAt, items.size() - 1));
            current.set(next);
            anchor = next;
            if (hadSelection && ids.isEmpty()) {
                ids.add(next.id());
            }
        } else {
            current.set(null);
        }
        if (anchor != null && indexOf(anchor) < 0) {
            anchor = current.get();
        }
        changed();
    }

    private static boolean onlyRemovals(ListChangeListener.Change<? extends ImageRecord> change) {
        change.reset();
        boolean removals = false;
        while (change.next()) {
            if (change.wasAdded() || change.wasPermutated() || change.wasUpdated()) {
                return false;
            }
            removals |= change.wasRemoved();
        }
        return removals;
    }
}
