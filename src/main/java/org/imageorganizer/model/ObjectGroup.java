package org.imageorganizer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The images of one object label, split by background. */
public record ObjectGroup(
        @JsonProperty("object_category") String objectCategory,
        @JsonProperty("total_images") int totalImages,
        @JsonProperty("subgroups") List<BackgroundGroup> subgroups) {
    public ObjectGroup {
        subgroups = List.copyOf(subgroups);
    }
}
