package org.imageorganizer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /** Its cover photo: that of its largest background group with one; null when none has one. ADR 0042. */
    @JsonProperty("cover_image_id")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Long coverImageId() {
        BackgroundGroup largest = null;
        for (BackgroundGroup group : subgroups) {
            if (group.coverImageId() != null && (largest == null || group.imageIds().size() > largest.imageIds().size())) {
                largest = group;
            }
        }
        return largest == null ? null : largest.coverImageId();
    }
}
