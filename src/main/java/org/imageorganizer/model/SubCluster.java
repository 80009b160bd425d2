package org.imageorganizer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A sub-cluster inside one object → background group.
 *
 * @param clusterId 0, 1, 2… in a stable order, or {@link #NOISE_ID} for the images no cluster took
 * @param noise     true for the unclustered images
 * @param imageIds  ascending image ids
 */
@JsonPropertyOrder({"cluster_id", "noise", "image_ids"})
public record SubCluster(
        @JsonProperty("cluster_id") int clusterId,
        @JsonProperty("noise") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noise,
        @JsonProperty("image_ids") List<Long> imageIds) {
    public static final int NOISE_ID = -1;

    public SubCluster {
        imageIds = List.copyOf(imageIds);
    }
}
