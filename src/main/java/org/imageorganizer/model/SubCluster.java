package org.imageorganizer.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A sub-cluster inside one object → background group. Besides the computed clusters, a group's
 * list may end with one <em>pending</em> entry: the images the clustering has not reached yet (added
 * since it was computed), until the next recomputation places them. Its JSON is
 * {@code {"cluster_id": null, "pending": true, "image_ids": [...]}}.
 *
 * @param clusterId 0, 1, 2… in a stable order, {@link #NOISE_ID} for the images no cluster took,
 *                  {@link #PENDING_ID} for the pending entry (null in JSON)
 * @param noise     true for the unclustered images
 * @param pending   true for the images waiting for the next clustering
 * @param imageIds  ascending image ids
 */
@JsonPropertyOrder({"cluster_id", "noise", "pending", "image_ids"})
public record SubCluster(
        @JsonIgnore int clusterId,
        @JsonProperty("noise") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noise,
        @JsonProperty("pending") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean pending,
        @JsonProperty("image_ids") List<Long> imageIds) {
    public static final int NOISE_ID = -1;
    /** The id of the pending entry, never stored: it is null in JSON. */
    public static final int PENDING_ID = -2;

    public SubCluster {
        imageIds = List.copyOf(imageIds);
        if (pending != (clusterId == PENDING_ID) || pending && noise) {
            throw new IllegalArgumentException("a pending entry has the id " + PENDING_ID + " and no other does, got "
                    + clusterId + (pending ? " pending" : "") + (noise ? " noise" : ""));
        }
    }

    /** A computed cluster (or the noise, with {@link #NOISE_ID}). */
    public SubCluster(int clusterId, boolean noise, List<Long> imageIds) {
        this(clusterId, noise, false, imageIds);
    }

    /** The entry of the images no clustering has reached yet. */
    public static SubCluster pending(List<Long> imageIds) {
        return new SubCluster(PENDING_ID, false, true, imageIds);
    }

    /** The id as JSON shows it: null for the pending entry. */
    @JsonProperty("cluster_id")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    Integer jsonClusterId() {
        return pending ? null : clusterId;
    }
}
