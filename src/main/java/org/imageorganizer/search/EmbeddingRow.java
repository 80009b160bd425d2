package org.imageorganizer.search;

/**
 * One photo as the embedding index holds it: its id, the attributes a search may filter on, and its
 * CLIP embedding (normalised to unit length by the index if it is not already).
 *
 * @param id              the image's id
 * @param objectLabel     its object label, or null when it has none
 * @param backgroundLabel its background label, or null when it has none
 * @param clusterId       its sub-cluster's id within its object/background group, or {@link #NO_CLUSTER}
 * @param embedding       its embedding; the index copies what it keeps, so the array may be reused
 */
public record EmbeddingRow(long id, String objectLabel, String backgroundLabel, int clusterId, float[] embedding) {
    /** The cluster id of a photo that belongs to no sub-cluster (not clustered yet, or noise). */
    public static final int NO_CLUSTER = -1;
}
