package org.imageorganizer.ui.categories;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.SortingCategories;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;

/**
 * The Categories dialog: the library's object and background categories, edited as a draft (added, renamed,
 * described in the user's words, removed) with how sure the app must be before a photo leaves "Other", and a live
 * count of the photos the draft would move. OK writes the draft; the window then sorts the library again.
 * UI thread; the services run through the {@link TaskExecutor}.
 */
public final class CategoriesViewModel {
    /** The fewest categories of each kind a library keeps. */
    static final int FEWEST = 2;
    /** The highest "how sure" the slider offers. */
    public static final double MOST_SURE = 0.9;

    private final Supplier<LibrarySorting> sorting;
    private final TaskExecutor executor;
    private final ObservableList<CategoryRow> objects = FXCollections.observableArrayList();
    private final ObservableList<CategoryRow> backgrounds = FXCollections.observableArrayList();
    private final List<CategoryRow> removed = new ArrayList<>();
    private final DoubleProperty sureness = new SimpleDoubleProperty(0.2);
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newWords = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private double surenessBefore = Double.NaN;
    private boolean counting;
    private boolean countAgain;

    /** @param sorting the services (the supplier may open the library: it is called off the UI thread) */
    public CategoriesViewModel(Supplier<LibrarySorting> sorting, TaskExecutor executor) {
        this.sorting = Objects.requireNonNull(sorting, "sorting");
        this.executor = executor;
    }

    /** Reads the library's categories and how sure the app must be. */
    public void load() {
        executor.submit(() -> {
            LibraryCategories categories = sorting.get().categories();
            return new Loaded(categories.list(), categories.threshold());
        }, done -> {
            objects.setAll(rows(done.all(), CategoryKind.OBJECT));
            backgrounds.setAll(rows(done.all(), CategoryKind.BACKGROUND));
            surenessBefore = done.threshold();
            sureness.set(done.threshold());
            loaded.set(true);
            countMoves();
        }, error -> problem.set("The categories could not be read: " + Notices.reason(error)));
    }

    private record Loaded(List<Category> all, double threshold) {
    }

    private List<CategoryRow> rows(List<Category> all, CategoryKind kind) {
        return all.stream().filter(c -> c.kind() == kind).map(this::watched).toList();
    }

    private CategoryRow watched(Category category) {
        return watch(CategoryRow.of(category));
    }

    private CategoryRow watch(CategoryRow row) {
        row.nameProperty().addListener((o, was, now) -> countMoves());
        row.wordsProperty().addListener((o, was, now) -> countMoves());
        return row;
    }

    public ObservableList<CategoryRow> rows(CategoryKind kind) {
        return kind == CategoryKind.OBJECT ? objects : backgrounds;
    }

    /** Adds the category typed in {@link #newNameProperty()} and {@link #newWordsProperty()}; false (and why) when it cannot be. */
    public boolean add(CategoryKind kind) {
        String name;
        try {
            name = Category.checkedName(newName.get());
            Category.checkedWords(newWords.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        if (taken(kind, name, null)) {
            problem.set("There is a " + kind.word() + " category \"" + name + "\" already.");
            return false;
        }
        rows(kind).add(watch(CategoryRow.added(kind, name, newWords.get().strip())));
        newName.set("");
        newWords.set("");
        problem.set("");
        countMoves();
        return true;
    }

    /** Renames a category; false (and why) when the name is not allowed or taken. */
    public boolean rename(CategoryRow row, String typed) {
        String name;
        try {
            name = Category.checkedName(typed);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        if (taken(row.kind(), name, row)) {
            problem.set("There is a " + row.kind().word() + " category \"" + name + "\" already.");
            return false;
        }
        problem.set("");
        row.nameProperty().set(name);
        return true;
    }

    /** Sets the words that say what a category looks like (empty: its name says it); false (and why) when too long. */
    public boolean describe(CategoryRow row, String words) {
        try {
            Category.checkedWords(words);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        row.wordsProperty().set(words == null ? "" : words.strip());
        return true;
    }

    private boolean taken(CategoryKind kind, String name, CategoryRow except) {
        return rows(kind).stream().anyMatch(r -> r != except && r.nameProperty().get().equalsIgnoreCase(name));
    }

    /** Removes a category (its photos go to their next-best category when the library is sorted again). */
    public boolean remove(CategoryRow row) {
        if (row == null) {
            return false;
        }
        if (rows(row.kind()).size() <= FEWEST) {
            problem.set("Keep at least " + FEWEST + " " + row.kind().word() + " categories.");
            return false;
        }
        rows(row.kind()).remove(row);
        if (!row.isNew()) {
            removed.add(row);
        }
        problem.set("");
        countMoves();
        return true;
    }

    /** Whether the draft differs from the library. */
    public boolean changed() {
        return !removed.isEmpty() || sureness.get() != surenessBefore
                || all().stream().anyMatch(r -> r.isNew() || r.renamed() || r.describedAnew());
    }

    private List<CategoryRow> all() {
        List<CategoryRow> all = new ArrayList<>(objects);
        all.addAll(backgrounds);
        return all;
    }

    /**
     * Counts the photos the draft would move (one count at a time; changes meanwhile make one more). Called as the
     * draft changes, and by the view when the slider is let go.
     */
    public void countMoves() {
        if (!loaded.get()) {
            return;
        }
        if (counting) {
            countAgain = true;
            return;
        }
        if (!changed()) {
            preview.set("Nothing changed yet.");
            return;
        }
        counting = true;
        preview.set("Counting the photos this would move…");
        SortingCategories proposed = proposed();
        executor.submit(() -> sorting.get().resort().preview(proposed), this::counted, error -> {
            preview.set("The photos this would move could not be counted: " + Notices.reason(error));
            countedAgain();
        });
    }

    private void counted(LibraryResort.Preview done) {
        preview.set(moves(done));
        countedAgain();
    }

    private void countedAgain() {
        counting = false;
        if (countAgain) {
            countAgain = false;
            countMoves();
        }
    }

    static String moves(LibraryResort.Preview done) {
        if (done.photos() == 0) {
            return "The library has no photos yet.";
        }
        return switch (done.moved()) {
            case 0 -> "No photo would move.";
            case 1 -> "1 photo of " + done.photos() + " would move to another category.";
            default -> done.moved() + " photos of " + done.photos() + " would move to other categories.";
        };
    }

    private SortingCategories proposed() {
        List<Category> proposedObjects = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            proposedObjects.add(objects.get(i).proposed(i));
        }
        List<Category> proposedBackgrounds = new ArrayList<>();
        for (int i = 0; i < backgrounds.size(); i++) {
            proposedBackgrounds.add(backgrounds.get(i).proposed(objects.size() + i));
        }
        return new SortingCategories(proposedObjects, proposedBackgrounds, sureness.get());
    }

    /**
     * Writes the draft into the library: removals first, then new names and words, new categories, how sure; then
     * {@code onSaved}. When a step fails the dialog stays open with why (the steps before it are kept).
     */
    public void save(Runnable onSaved) {
        if (!changed()) {
            onSaved.run();
            return;
        }
        saving.set(true);
        List<CategoryRow> gone = List.copyOf(removed);
        List<CategoryRow> rows = all();
        double sure = sureness.get();
        boolean sureChanged = sure != surenessBefore;
        executor.submit(() -> {
            LibraryCategories categories = sorting.get().categories();
            for (CategoryRow row : gone) {
                categories.remove(row.id());
            }
            for (CategoryRow row : rows) {
                if (row.renamed()) {
                    categories.rename(row.id(), row.nameProperty().get());
                }
                if (row.describedAnew()) {
                    categories.describe(row.id(), row.wordsProperty().get());
                }
            }
            for (CategoryRow row : rows) {
                if (row.isNew()) {
                    categories.add(row.kind(), row.nameProperty().get(), Category.checkedWords(row.wordsProperty().get()));
                }
            }
            if (sureChanged) {
                categories.threshold(sure);
            }
            return true;
        }, ok -> {
            saving.set(false);
            onSaved.run();
        }, error -> {
            saving.set(false);
            problem.set("The categories could not all be saved: " + Notices.reason(error));
        });
    }

    /** How sure the app must be of a category before it gives it (below: "Other"), 0 to {@link #MOST_SURE}. */
    public DoubleProperty surenessProperty() {
        return sureness;
    }

    /** How sure, in words. */
    public static String surenessWords(double sure) {
        if (sure < 0.1) {
            return "Hardly: almost every photo gets a category";
        } else if (sure < 0.3) {
            return "A little sure";
        } else if (sure < 0.5) {
            return "Fairly sure";
        } else if (sure < 0.7) {
            return "Quite sure: more photos go to “Other”";
        }
        return "Very sure: many photos go to “Other”";
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newWordsProperty() {
        return newWords;
    }

    /** How many photos the draft would move, in a sentence. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What is wrong with the last edit, or why saving failed; empty when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
