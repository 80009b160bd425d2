package org.imageorganizer.ui.duplicates;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.imageorganizer.services.PhotoDuplicates.PhotoStack;
import org.imageorganizer.services.PhotoDuplicates.StackedPhoto;

/**
 * One stack as the Duplicates view shows it: its photos, the one the user keeps (the suggested keeper
 * until another is picked), and whether an action on it is under way. UI thread only.
 */
public final class StackEntry {
    private final PhotoStack stack;
    private final ReadOnlyLongWrapper keep;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    StackEntry(PhotoStack stack) {
        this.stack = stack;
        this.keep = new ReadOnlyLongWrapper(stack.keeper().image().id());
    }

    public PhotoStack stack() {
        return stack;
    }

    /** The suggested keeper first, then the others, most alike first. */
    public List<StackedPhoto> members() {
        List<StackedPhoto> all = new ArrayList<>();
        all.add(stack.keeper());
        all.addAll(stack.others());
        return all;
    }

    /** Whether this is a stack of several photos (else one photo in several places: nothing to resolve). */
    public boolean resolvable() {
        return !stack.others().isEmpty();
    }

    /** The id of the photo to keep. */
    public ReadOnlyLongProperty keepProperty() {
        return keep.getReadOnlyProperty();
    }

    void keep(long id) {
        keep.set(id);
    }

    /** The photo to keep. */
    public StackedPhoto kept() {
        return members().stream().filter(m -> m.image().id() == keep.get()).findFirst().orElse(stack.keeper());
    }

    /** The photos that are not kept. */
    public List<StackedPhoto> others() {
        return members().stream().filter(m -> m.image().id() != keep.get()).toList();
    }

    /** Whether a removal or a move to the trash of this stack is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    void busy(boolean now) {
        busy.set(now);
    }

    /** "3 copies of “beach.jpg”", or "“beach.jpg” is in 3 places". */
    public String title() {
        if (!resolvable()) {
            return "“" + stack.keeper().image().fileName() + "” is in " + stack.keeper().places().size() + " places";
        }
        return stack.size() + " copies of “" + stack.keeper().image().fileName() + "”";
    }
}
