package org.imageorganizer.cluster;

import java.util.List;
import java.util.Map;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.store.StoredGroupClustering;

/**
 * The library's tree from its stored clusterings alone, without clustering anything and without
 * ELKI: for readers that do not keep a {@link LibraryClusterer} (the read-only commands). The tree is
 * {@link OrganizedTree#stale() stale} exactly when {@link LibraryClusterer#tree()} would call it so
 * (a group's clustering missing, made for other images or with other settings, or kept for a group
 * the library no longer has); when it is not, it is the tree {@link LibraryClusterer#refreshNow()}
 * would return, since that would recompute nothing.
 */
public final class StoredTree {
    private final String algorithm;

    /** @param settings the clustering the tree is wanted for (as the clusterer would be built with) */
    public StoredTree(ClusterSettings settings) {
        this.algorithm = GroupClusterer.description(ClustererFactory.create(settings), settings);
    }

    /**
     * @param membership every group's image ids, as the library has them now (ids ascending)
     * @param stored     the stored clusterings by group
     * @param identities the clusters' keys, names and covers
     * @param version    the library version {@code membership} was read at
     */
    public OrganizedTree build(Map<GroupKey, List<Long>> membership, Map<GroupKey, StoredGroupClustering> stored,
            List<ClusterIdentity> identities, long version) {
        boolean stale = !stored.keySet().equals(membership.keySet())
                || membership.entrySet().stream().anyMatch(g -> outdated(stored.get(g.getKey()), g.getValue()));
        return TreeBuilder.build(membership, stored, identities, version, stale);
    }

    /** As {@link LibraryClusterer}: whether a group's clustering is missing or was made for other images or settings. */
    private boolean outdated(StoredGroupClustering clustering, List<Long> ids) {
        return clustering == null || !clustering.algorithm().equals(algorithm)
                || !clustering.signature().equals(LibraryClusterer.signature(ids));
    }
}
