package org.imageorganizer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The images of one object label with one background label, and their sub-clusters (JSON as the product spec, plus clusters). */
public record BackgroundGroup(
        @JsonProperty("background_category") String backgroundCategory,
        @JsonProperty("image_ids") List<Long> imageIds,
        @JsonProperty("clusters") List<SubCluster> clusters) {
    public BackgroundGroup {
        imageIds = List.copyOf(imageIds);
        clusters = List.copyOf(clusters);
    }

    /**
     * Its cover photo: the cover of its largest cluster (the photo nearest that cluster's centre), the group's most
     * typical picture; null while no cluster of it has one (only ungrouped or pending photos). ADR 0042.
     */
    @JsonProperty("cover_image_id")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Long coverImageId() {
        SubCluster largest = null;
        for (SubCluster cluster : clusters) {
            if (!cluster.noise() && !cluster.pending() && cluster.coverImageId() != null
                    && (largest == null || cluster.imageIds().size() > largest.imageIds().size())) {
                largest = cluster;
            }
        }
        return largest == null ? null : largest.coverImageId();
    }
}
