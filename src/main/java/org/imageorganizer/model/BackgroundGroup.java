package org.imageorganizer.model;

import java.util.List;

/** The images of one object label with one background label, and their sub-clusters. */
public record BackgroundGroup(String backgroundCategory, List<Long> imageIds, List<SubCluster> clusters) {
    public BackgroundGroup {
        imageIds = List.copyOf(imageIds);
        clusters = List.copyOf(clusters);
    }
}
