package org.imageorganizer.services;

import java.util.List;
import java.util.Objects;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.store.LibraryDatabase;

/**
 * The library's own categories (ADR 0042): listed, added, renamed, described to the model, removed, and the
 * confidence below which a photo is "other". Categories are named by kind and name, as users know them. Nothing
 * here moves photos: the front ends re-sort after a change ({@link LibraryResort}), the window and the server by
 * themselves, the command line with {@code resort}. Renaming moves nothing either way.
 */
public final class LibraryCategories {
    private final LibraryDatabase library;

    public LibraryCategories(LibraryDatabase library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    /** Every category, objects first, each kind in the user's order. */
    public List<Category> list() {
        return library.categories().all();
    }

    /** @throws IllegalArgumentException when the name is not allowed or taken, with a sentence */
    public Category add(CategoryKind kind, String name, String words) {
        return library.categories().add(kind, name, words);
    }

    /** @throws IllegalArgumentException when there is no such category, or the new name is not allowed or taken */
    public Category rename(CategoryKind kind, String name, String newName) {
        return library.categories().rename(find(kind, name).id(), newName);
    }

    /** Sets the words that describe a category to the model; null or blank clears them (its name is used). */
    public Category describe(CategoryKind kind, String name, String words) {
        return library.categories().describe(find(kind, name).id(), words);
    }

    /** @throws IllegalArgumentException when there is no such category, or it is one of the last two of its kind */
    public Category remove(CategoryKind kind, String name) {
        return library.categories().remove(find(kind, name).id());
    }

    /** The category with this id, if any. */
    public java.util.Optional<Category> get(long id) {
        return library.categories().byId(id);
    }

    /** As {@link #rename(CategoryKind, String, String)}, by id. */
    public Category rename(long id, String newName) {
        return library.categories().rename(id, newName);
    }

    /** As {@link #describe(CategoryKind, String, String)}, by id. */
    public Category describe(long id, String words) {
        return library.categories().describe(id, words);
    }

    /** As {@link #remove(CategoryKind, String)}, by id. */
    public Category remove(long id) {
        return library.categories().remove(id);
    }

    /** Below this confidence a photo's label is "other". */
    public double threshold() {
        return library.info().confidenceThreshold();
    }

    /** @throws IllegalArgumentException unless it is at least 0 and below 1 */
    public void threshold(double threshold) {
        library.info().confidenceThreshold(threshold);
    }

    private Category find(CategoryKind kind, String name) {
        return LabelCorrecting.find(list(), kind, name);
    }
}
