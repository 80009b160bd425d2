package org.imageorganizer.model;

import java.util.List;

/** The images of one object label, split by background. */
public record ObjectGroup(String objectCategory, int totalImages, List<BackgroundGroup> subgroups) {
    public ObjectGroup {
        subgroups = List.copyOf(subgroups);
    }
}
