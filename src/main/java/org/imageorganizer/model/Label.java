package org.imageorganizer.model;

/**
 * A zero-shot label with its confidence (softmax probability over the label set).
 *
 * @param name       the label, or {@link #OTHER} when no label was confident enough
 * @param confidence probability of the best label in [0, 1]
 */
public record Label(String name, double confidence) {
    /** The label given when the best label's confidence is below the threshold. */
    public static final String OTHER = "other";
}
