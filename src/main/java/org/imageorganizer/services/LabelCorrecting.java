package org.imageorganizer.services;

import org.imageorganizer.model.CorrectionsTaken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.imageorganizer.model.Category;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.Correction;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.LibraryObserver;
import org.imageorganizer.store.LabelCorrections;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;

/**
 * Corrects photos' labels (ADR 0042): the user's category of one kind for one photo or a selection, or the model's
 * again ("predicted"); each change gives what it replaced, so a front end can undo it. The clustering is told.
 */
public final class LabelCorrecting {
    private final LibraryDatabase library;
    private final LibraryObserver clustering;

    /** A change made: what the photos had before (giving it to {@link #undo} puts that back). */
    public record Batch(List<Correction> before) {
        public Batch {
            before = List.copyOf(before);
        }

        /** How many photo labels it changed. */
        public int size() {
            return before.size();
        }
    }

    public LabelCorrecting(LibraryDatabase library, LibraryObserver clustering) {
        this.library = Objects.requireNonNull(library, "library");
        this.clustering = Objects.requireNonNull(clustering, "clustering");
    }

    /**
     * Gives these photos the category named {@code category} of this kind, or the model's when it is null.
     *
     * @param setBy who asks, as the corrections record it ("command line", "window", "web page"…)
     * @throws IllegalArgumentException for an unknown photo or category, with a sentence
     */
    public Batch correct(Collection<Long> imageIds, CategoryKind kind, String category, String setBy) {
        Objects.requireNonNull(kind, "kind");
        Set<Long> ids = new LinkedHashSet<>(imageIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one photo.");
        }
        Set<Long> known = library.images().listByIds(ids).stream().map(ImageRecord::id).collect(Collectors.toSet());
        List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The library has no photo with id " + unknown.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ".");
        }
        Long categoryId = category == null ? null : find(kind, category).id();
        return changed(library.corrections().set(ids, kind, categoryId, setBy));
    }

    /** Puts back what a change replaced; gives the change that undoes this (a redo). */
    public Batch undo(Batch batch, String setBy) {
        List<Correction> reversed = new ArrayList<>(batch.before());
        return changed(library.corrections().apply(reversed, setBy));
    }

    /**
     * Takes the corrections of another library (an H2 file), with the categories they name, into this one: the way to
     * keep them when the photos move to a new library (another model variant, say). This library's own corrections
     * stay where they differ.
     *
     * @throws IllegalArgumentException when there is no library there, or one of another version, with a sentence
     */
    public CorrectionsTaken carryFrom(Path otherLibrary, String setBy) {
        if (!LibraryDatabase.exists(otherLibrary)) {
            throw new IllegalArgumentException("There is no library at " + otherLibrary + " to take corrections from.");
        }
        List<LabelCorrections.Carried> carried;
        try (LibraryReader reader = LibraryReader.open(otherLibrary).orElseThrow(() -> new IllegalArgumentException(
                "The library " + otherLibrary + " was made by another version of this program: open it once with this"
                        + " version (image-organizer tree --db " + otherLibrary + "), then take its corrections."))) {
            carried = reader.corrections();
        }
        CorrectionsTaken done = library.corrections().carryIn(carried, setBy);
        if (done.corrections() > 0) {
            clustering.libraryChanged();
        }
        return done;
    }

    private Batch changed(List<Correction> before) {
        if (!before.isEmpty()) {
            clustering.libraryChanged();
        }
        return new Batch(before);
    }

    /**
     * The category of this kind with this name: as written, else the one whose name differs only in case.
     *
     * @throws IllegalArgumentException when there is none, naming those there are
     */
    Category find(CategoryKind kind, String name) {
        return find(library.categories().all(), kind, name);
    }

    static Category find(List<Category> all, CategoryKind kind, String name) {
        String wanted = name.strip();
        List<Category> ofKind = all.stream().filter(c -> c.kind() == kind).toList();
        return ofKind.stream().filter(c -> c.name().equals(wanted)).findFirst()
                .or(() -> ofKind.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("There is no " + kind.word() + " category \"" + wanted
                        + "\"; the " + kind.word() + " categories are: "
                        + ofKind.stream().map(Category::name).collect(Collectors.joining(", ")) + "."));
    }
}
