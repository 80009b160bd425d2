package org.imageorganizer.model;

/**
 * A photo's label of one kind (object or background) with the model's confidence.
 *
 * @param name       the category, or {@link #OTHER} when no category was confident enough
 * @param confidence the model's probability of its best category, in [0, 1] (the model's, also when the user chose)
 * @param byUser     whether the user chose this category (a correction, which wins over the model's choice)
 */
public record Label(String name, double confidence, boolean byUser) {
    /** The label given when the best category's confidence is below the threshold. */
    public static final String OTHER = "other";

    /** The model's label. */
    public Label(String name, double confidence) {
        this(name, confidence, false);
    }
}
