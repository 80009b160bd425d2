package org.imageorganizer.model;

import java.util.List;

/**
 * A sub-cluster inside one object → background group.
 *
 * @param clusterId 0, 1, 2… in a stable order, or {@link #NOISE_ID} for the images no cluster took
 * @param noise     true for the unclustered images
 * @param imageIds  ascending image ids
 */
public record SubCluster(int clusterId, boolean noise, List<Long> imageIds) {
    public static final int NOISE_ID = -1;

    public SubCluster {
        imageIds = List.copyOf(imageIds);
    }
}
