package org.imageorganizer.ui.sorting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Correction;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;

/**
 * Sorting photos by hand in the window: moving photos to a category (Move to ▸, a drop on the tree), giving them
 * back to the app's choice, Edit → Undo / Redo of those moves, and the background re-sort after the categories
 * changed ("Sorting your photos again…" on the notice line until it ends). The library's categories are listed for
 * the menus. UI thread; the services run through the {@link TaskExecutor}.
 */
public final class SortingViewModel {
    /** Who the corrections say set them. */
    static final String SET_BY = "window";
    /** How many moves Undo can take back. */
    static final int MOST_UNDONE = 20;
    /** What the notice line says while the library is sorted again. */
    public static final String RESORTING = "Sorting your photos again…";

    private final Supplier<LibrarySorting> sorting;
    private final TaskExecutor executor;
    private final Notices notices;
    private final Runnable changed;
    private final ObservableList<String> objects = FXCollections.observableArrayList();
    private final ObservableList<String> backgrounds = FXCollections.observableArrayList();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper resorting = new ReadOnlyBooleanWrapper();
    private boolean working;

    /** A move made: what it was called ("Move 3 Photos to “dog”") and what it replaced. */
    private record Step(String what, LabelCorrecting.Batch batch) {
    }

    /**
     * @param sorting the services (the supplier may open the library: it is called off the UI thread)
     * @param changed told on the UI thread after photos moved (the tree reads the library again)
     */
    public SortingViewModel(Supplier<LibrarySorting> sorting, TaskExecutor executor, Notices notices, Runnable changed) {
        this.sorting = Objects.requireNonNull(sorting, "sorting");
        this.executor = executor;
        this.notices = notices;
        this.changed = changed;
    }

    /** Reads the library's categories for the menus (after the library opened, and after they changed). */
    public void loadCategories() {
        executor.submit(() -> sorting.get().categories().list(), all -> {
            objects.setAll(names(all, CategoryKind.OBJECT));
            backgrounds.setAll(names(all, CategoryKind.BACKGROUND));
        }, error -> notices.failed("The categories could not be read", error));
    }

    private static List<String> names(List<Category> all, CategoryKind kind) {
        return all.stream().filter(c -> c.kind() == kind).map(Category::name).toList();
    }

    /** The object categories, in the user's order (empty until read). */
    public ObservableList<String> objects() {
        return objects;
    }

    /** The background categories, in the user's order (empty until read). */
    public ObservableList<String> backgrounds() {
        return backgrounds;
    }

    /** The categories of one kind. */
    public ObservableList<String> categories(CategoryKind kind) {
        return kind == CategoryKind.OBJECT ? objects : backgrounds;
    }

    /** Moves the photos to the category of this kind. */
    public void moveTo(List<Long> imageIds, CategoryKind kind, String category) {
        change("Move " + photos(imageIds.size()) + " to " + quoted(category),
                s -> s.corrections().correct(imageIds, kind, category, SET_BY));
    }

    /** Moves the photos to an object and one of its backgrounds at once (a drop on an object → background row). */
    public void moveTo(List<Long> imageIds, String object, String background) {
        change("Move " + photos(imageIds.size()) + " to " + quoted(object) + " → " + quoted(background), s -> {
            List<Correction> before = new ArrayList<>(s.corrections().correct(imageIds, CategoryKind.OBJECT, object, SET_BY).before());
            before.addAll(s.corrections().correct(imageIds, CategoryKind.BACKGROUND, background, SET_BY).before());
            return new LabelCorrecting.Batch(before);
        });
    }

    /** Gives the photos' category of this kind back to the app's choice. */
    public void useAppChoice(List<Long> imageIds, CategoryKind kind) {
        change("Use the App's " + (kind == CategoryKind.OBJECT ? "“What It Shows”" : "“Where”") + " for " + photos(imageIds.size()),
                s -> s.corrections().correct(imageIds, kind, null, SET_BY));
    }

    private interface Change {
        LabelCorrecting.Batch apply(LibrarySorting sorting);
    }

    private void change(String what, Change change) {
        if (working) {
            return; // one change at a time: the next undo must see this one
        }
        working = true;
        executor.submit(() -> change.apply(sorting.get()), batch -> {
            working = false;
            if (batch.size() > 0) {
                undo.push(new Step(what, batch));
                while (undo.size() > MOST_UNDONE) {
                    undo.removeLast();
                }
                redo.clear();
            }
            stepsChanged();
            changed.run();
        }, error -> {
            working = false;
            notices.failed("The photos could not be moved", error);
        });
    }

    /** Takes back the last move. */
    public void undo() {
        replay(undo, redo, "undone");
    }

    /** Makes the last undone move again. */
    public void redo() {
        replay(redo, undo, "made again");
    }

    private void replay(Deque<Step> from, Deque<Step> to, String done) {
        if (from.isEmpty() || working) {
            return;
        }
        working = true;
        Step step = from.pop();
        stepsChanged();
        executor.submit(() -> sorting.get().corrections().undo(step.batch(), SET_BY), back -> {
            working = false;
            to.push(new Step(step.what(), back));
            stepsChanged();
            changed.run();
        }, error -> {
            working = false;
            notices.failed("The move could not be " + done, error);
        });
    }

    private void stepsChanged() {
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().what());
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().what());
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /**
     * The categories changed (Settings → Categories): the menus read them again and the library is sorted again in
     * the background; the notice line says so until it ends, then how many photos moved.
     */
    public void categoriesChanged() {
        loadCategories();
        resorting.set(true);
        notices.show(RESORTING);
        executor.submit(() -> sorting.get().resort().request().join(), summary -> {
            resorting.set(false);
            notices.show(resorted(summary));
            changed.run();
        }, error -> {
            resorting.set(false);
            notices.failed("Your photos could not be sorted again",
                    error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error);
        });
    }

    static String resorted(LibraryResort.Summary summary) {
        return switch (summary.changed()) {
            case 0 -> "Your photos were sorted again; none moved.";
            case 1 -> "Your photos were sorted again; 1 photo moved.";
            default -> "Your photos were sorted again; " + summary.changed() + " photos moved.";
        };
    }

    /** "Undo Move 3 Photos to “dog”", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True while the library is sorted again after its categories changed. */
    public ReadOnlyBooleanProperty resortingProperty() {
        return resorting.getReadOnlyProperty();
    }

    static String photos(int count) {
        return count == 1 ? "1 Photo" : count + " Photos";
    }

    private static String quoted(String category) {
        return "“" + category + "”";
    }
}
