package org.imageorganizer.model;

/**
 * An image id with its content hash, its group and its L2-normalised embedding: the input of clustering.
 * The clustering orders its inputs by {@code sha256}, so that the same photos give the same clusters
 * whatever order (and ids) they were imported in.
 *
 * @param sha256 the content hash (lower-case hex), unique in a library
 */
public record EmbeddedImage(long id, String sha256, String objectLabel, String backgroundLabel, float[] embedding) {
}
