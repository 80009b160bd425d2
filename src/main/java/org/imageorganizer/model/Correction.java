package org.imageorganizer.model;

import java.util.Objects;

/**
 * Which category the user chose for one kind of a photo's label: what a correction sets, and what it replaced
 * (to undo it).
 *
 * @param imageId    the photo
 * @param kind       object or background
 * @param categoryId the user's category, or null for the model's choice ("predicted")
 */
public record Correction(long imageId, CategoryKind kind, Long categoryId) {
    public Correction {
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether this is the model's choice rather than the user's. */
    public boolean predicted() {
        return categoryId == null;
    }
}
