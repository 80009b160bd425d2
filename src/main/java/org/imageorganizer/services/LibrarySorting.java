package org.imageorganizer.services;

import java.util.Objects;

/**
 * Sorting by hand, as the window and the server offer it (ADR 0042): corrections of photos' labels, the library's
 * categories, and the re-sort that follows a change of categories by itself.
 */
public record LibrarySorting(LabelCorrecting corrections, LibraryCategories categories, BackgroundResort resort) {
    public LibrarySorting {
        Objects.requireNonNull(corrections, "corrections");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(resort, "resort");
    }
}
