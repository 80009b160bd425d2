package org.imageorganizer.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.SubCluster;

/**
 * The stored sub-clustering of one object → background group.
 *
 * @param group          the group
 * @param signature      hash of the group's image ids when it was computed
 * @param algorithm      the clusterer's description
 * @param libraryVersion the library version it was computed for
 * @param computedAt     when it was saved
 * @param clusters       clusters by ascending id, then the noise cluster (if any)
 * @param nextClusterId  the number the group's next new cluster takes: above every number it has used
 */
public record StoredGroupClustering(
        GroupKey group,
        String signature,
        String algorithm,
        long libraryVersion,
        Instant computedAt,
        List<SubCluster> clusters,
        int nextClusterId) {

    /** Validates and copies. */
    public StoredGroupClustering {
        Objects.requireNonNull(group, "group");
        clusters = List.copyOf(clusters);
        nextClusterId = Math.max(nextClusterId, firstFree(clusters));
    }

    /** The number after the largest cluster number (0 for none). */
    static int firstFree(List<SubCluster> clusters) {
        return clusters.stream().mapToInt(SubCluster::clusterId).max().orElse(-1) + 1;
    }
}
