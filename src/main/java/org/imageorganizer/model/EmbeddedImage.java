package org.imageorganizer.model;

/**
 * An image id with its group and its L2-normalised embedding: the input of clustering.
 */
public record EmbeddedImage(long id, String objectLabel, String backgroundLabel, float[] embedding) {
}
