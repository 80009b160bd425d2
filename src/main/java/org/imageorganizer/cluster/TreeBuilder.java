package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.store.StoredGroupClustering;

/**
 * Assembles the object → background → cluster tree, largest groups first, from the library's
 * current groups and the stored clusterings. Every image of the library is in it exactly once: the
 * stored clusters keep the images the group still has, and the images no clustering has reached
 * yet end the group's clusters as one pending entry ({@link SubCluster#pending}). Each stored cluster
 * carries its identity (key, name, cover), read apart from the clusterings so that a new name shows at once.
 */
final class TreeBuilder {
    private TreeBuilder() {
    }

    /**
     * @param membership every group's image ids, as the library has them now
     * @param stored     the stored clusterings by group (groups the library no longer has are left out)
     * @param identities the stored clusters' identities
     * @param version    the library version {@code membership} was read at
     * @param stale      whether a recomputation is due
     */
    static OrganizedTree build(Map<GroupKey, List<Long>> membership, Map<GroupKey, StoredGroupClustering> stored,
            List<ClusterIdentity> identities, long version, boolean stale) {
        Map<GroupKey, Map<Integer, ClusterIdentity>> identityOf = new TreeMap<>();
        for (ClusterIdentity identity : identities) {
            identityOf.computeIfAbsent(identity.group(), k -> new TreeMap<>()).put(identity.clusterId(), identity);
        }
        Map<String, List<BackgroundGroup>> byObject = new TreeMap<>();
        membership.forEach((key, ids) -> {
            List<Long> sorted = new ArrayList<>(ids);
            sorted.sort(null);
            StoredGroupClustering computed = stored.get(key);
            byObject.computeIfAbsent(key.objectLabel(), k -> new ArrayList<>()).add(new BackgroundGroup(key.backgroundLabel(),
                    sorted, clustersOf(sorted, computed == null ? List.of() : computed.clusters(),
                            identityOf.getOrDefault(key, Map.of()))));
        });
        Comparator<BackgroundGroup> largestBackground = Comparator
                .comparingInt((BackgroundGroup b) -> b.imageIds().size()).reversed()
                .thenComparing(BackgroundGroup::backgroundCategory);
        List<ObjectGroup> objects = new ArrayList<>();
        byObject.forEach((object, backgrounds) -> {
            backgrounds.sort(largestBackground);
            int total = backgrounds.stream().mapToInt(b -> b.imageIds().size()).sum();
            objects.add(new ObjectGroup(object, total, backgrounds));
        });
        objects.sort(Comparator.comparingInt(ObjectGroup::totalImages).reversed().thenComparing(ObjectGroup::objectCategory));
        return new OrganizedTree(version, stale, objects);
    }

    /**
     * The computed clusters with their identities, restricted to the group's images (emptied ones left out; a
     * cover no longer among them dropped), then the pending entry if any.
     */
    private static List<SubCluster> clustersOf(List<Long> ids, List<SubCluster> computed,
            Map<Integer, ClusterIdentity> identities) {
        Set<Long> members = new HashSet<>(ids);
        Set<Long> placed = new HashSet<>(ids.size() * 2);
        List<SubCluster> clusters = new ArrayList<>(computed.size() + 1);
        for (SubCluster stored : computed) {
            ClusterIdentity identity = stored.noise() ? null : identities.get(stored.clusterId());
            SubCluster cluster = identity == null ? stored : stored.withIdentity(identity);
            List<Long> kept = cluster.imageIds().stream().filter(members::contains).toList();
            if (kept.size() == cluster.imageIds().size()) {
                clusters.add(cluster);
            } else if (!kept.isEmpty()) {
                clusters.add(cluster.withImages(kept));
            }
            placed.addAll(kept);
        }
        if (placed.size() < ids.size()) {
            clusters.add(SubCluster.pending(ids.stream().filter(id -> !placed.contains(id)).toList()));
        }
        return clusters;
    }
}
