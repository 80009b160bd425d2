package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imageorganizer.model.SubCluster;

/**
 * Gives the clusters of a group's new clustering the numbers of its old one (ADR 0043). Each new cluster
 * takes the number of the old cluster it overlaps most, when their Jaccard index (shared photos over the
 * photos of either) is at least one half: greedily, best overlaps first, each old number given once. The
 * new clusters that match none take the next free numbers, in their canonical order; a number is never
 * given again in the group once used, so a vanished cluster's number does not come back for other photos.
 * The noise keeps {@link SubCluster#NOISE_ID}. The old clusters are compared as the group is now: their
 * photos that left the group are not counted.
 */
public final class ClusterMatching {
    private ClusterMatching() {
    }

    /** The renumbered clusters, and the number the next new cluster of the group will take. */
    public record Result(List<SubCluster> clusters, int nextClusterId) {
    }

    /**
     * @param old           the group's stored clusters (empty when it has none)
     * @param fresh         the new clusters as {@link GroupClusterer} numbers them, the noise last if any
     * @param nextClusterId the first number never used in the group (0 for a group never clustered); the
     *                      old clusters' numbers are taken into account too
     * @return the clusters by ascending number, the noise last
     */
    public static Result match(List<SubCluster> old, List<SubCluster> fresh, int nextClusterId) {
        Set<Long> inGroup = new HashSet<>();
        fresh.forEach(c -> inGroup.addAll(c.imageIds()));
        Map<Long, Integer> oldClusterOf = new HashMap<>();
        Map<Integer, Integer> oldSize = new HashMap<>();
        int next = nextClusterId;
        for (SubCluster cluster : old) {
            if (cluster.noise() || cluster.pending()) {
                continue;
            }
            next = Math.max(next, cluster.clusterId() + 1);
            int size = 0;
            for (long id : cluster.imageIds()) {
                if (inGroup.contains(id)) {
                    oldClusterOf.put(id, cluster.clusterId());
                    size++;
                }
            }
            oldSize.put(cluster.clusterId(), size);
        }
        List<Overlap> overlaps = new ArrayList<>();
        for (int index = 0; index < fresh.size(); index++) {
            SubCluster cluster = fresh.get(index);
            if (cluster.noise()) {
                continue;
            }
            Map<Integer, Integer> shared = new HashMap<>();
            for (long id : cluster.imageIds()) {
                Integer oldId = oldClusterOf.get(id);
                if (oldId != null) {
                    shared.merge(oldId, 1, Integer::sum);
                }
            }
            for (Map.Entry<Integer, Integer> s : shared.entrySet()) {
                long union = (long) cluster.imageIds().size() + oldSize.get(s.getKey()) - s.getValue();
                if (2L * s.getValue() >= union) {
                    overlaps.add(new Overlap(index, s.getKey(), s.getValue(), union));
                }
            }
        }
        overlaps.sort(Overlap.BEST_FIRST);
        Integer[] numbers = new Integer[fresh.size()];
        Set<Integer> given = new HashSet<>();
        for (Overlap overlap : overlaps) {
            if (numbers[overlap.fresh()] == null && given.add(overlap.oldId())) {
                numbers[overlap.fresh()] = overlap.oldId();
            }
        }
        List<SubCluster> clusters = new ArrayList<>(fresh.size());
        SubCluster noise = null;
        for (int index = 0; index < fresh.size(); index++) {
            SubCluster cluster = fresh.get(index);
            if (cluster.noise()) {
                noise = cluster;
            } else {
                clusters.add(cluster.renumbered(numbers[index] != null ? numbers[index] : next++));
            }
        }
        clusters.sort(Comparator.comparingInt(SubCluster::clusterId));
        if (noise != null) {
            clusters.add(noise);
        }
        return new Result(List.copyOf(clusters), next);
    }

    /** A new cluster (by index) and an old one (by number) sharing photos, with their Jaccard index as a fraction. */
    private record Overlap(int fresh, int oldId, long shared, long union) {
        /** Higher Jaccard first (compared exactly), then the new cluster's canonical order, then the old number. */
        static final Comparator<Overlap> BEST_FIRST = ((Comparator<Overlap>) (a, b) ->
                Long.compare(b.shared * a.union, a.shared * b.union))
                .thenComparingInt(Overlap::fresh)
                .thenComparingInt(Overlap::oldId);
    }
}
