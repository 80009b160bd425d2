package org.imageorganizer.model;

import java.util.List;

/**
 * The whole library organised as object → background → sub-cluster.
 *
 * @param libraryVersion the library version the clusters were computed for
 * @param stale          true when images changed since, and a recomputation is pending
 * @param objects        object groups, largest first
 */
public record OrganizedTree(long libraryVersion, boolean stale, List<ObjectGroup> objects) {
    public OrganizedTree {
        objects = List.copyOf(objects);
    }

    public int totalImages() {
        return objects.stream().mapToInt(ObjectGroup::totalImages).sum();
    }
}
