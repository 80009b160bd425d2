package org.imageorganizer.model;

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
}
