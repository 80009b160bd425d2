package org.imageorganizer.ui.categories;

import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;

/**
 * One category as the Categories dialog edits it: its name and the words that say what it looks like, with what
 * they were when the dialog opened (a new category has no id and nothing before).
 */
public final class CategoryRow {
    private final Long id;
    private final CategoryKind kind;
    private final String nameBefore;
    private final String wordsBefore;
    private final StringProperty name;
    private final StringProperty words;

    private CategoryRow(Long id, CategoryKind kind, String name, String words) {
        this.id = id;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.nameBefore = id == null ? null : name;
        this.wordsBefore = id == null ? null : words;
        this.name = new SimpleStringProperty(name);
        this.words = new SimpleStringProperty(words == null ? "" : words);
    }

    /** A category of the library. */
    static CategoryRow of(Category category) {
        return new CategoryRow(category.id(), category.kind(), category.name(), category.words());
    }

    /** A category the user adds. */
    static CategoryRow added(CategoryKind kind, String name, String words) {
        return new CategoryRow(null, kind, name, words);
    }

    /** The library's id; null for a category the user adds. */
    public Long id() {
        return id;
    }

    public CategoryKind kind() {
        return kind;
    }

    public boolean isNew() {
        return id == null;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The words that describe it ("a red road bike"); empty when its name says it. */
    public StringProperty wordsProperty() {
        return words;
    }

    boolean renamed() {
        return !isNew() && !name.get().equals(nameBefore);
    }

    boolean describedAnew() {
        return !isNew() && !Objects.equals(Category.checkedWords(words.get()), Category.checkedWords(wordsBefore));
    }

    /** As the model would sort by it, at this place in its list (a new one gets an id the library does not use). */
    Category proposed(int position) {
        return new Category(isNew() ? -1 - position : id, kind, name.get(), Category.checkedWords(words.get()), position);
    }
}
