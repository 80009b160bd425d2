package org.imageorganizer.model;

import java.util.Objects;

/**
 * A photo the user corrected, as learning reads it (ADR 0044).
 *
 * @param kind      the kind corrected
 * @param chosen    the user's category
 * @param predicted the model's category (null when unknown)
 * @param embedding the photo's image embedding
 */
public record CorrectedPhoto(CategoryKind kind, String chosen, String predicted, float[] embedding) {
    public CorrectedPhoto {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(embedding, "embedding");
    }
}
