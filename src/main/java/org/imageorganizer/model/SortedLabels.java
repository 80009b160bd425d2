package org.imageorganizer.model;

/**
 * A photo's labels as a re-sort reads and writes them: the effective ones (the user's where a correction chose,
 * else the model's) and the model's own choice of each kind.
 *
 * @param imageId             the photo
 * @param classification      the effective labels (their {@link Label#byUser()} flags say which are the user's)
 * @param predictedObject     the model's object category
 * @param predictedBackground the model's background category
 */
public record SortedLabels(long imageId, Classification classification, String predictedObject, String predictedBackground) {
}
