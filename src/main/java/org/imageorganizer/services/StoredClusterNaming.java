package org.imageorganizer.services;

import java.util.List;
import java.util.Objects;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.store.ClusterRepository;

/** {@link ClusterNaming} over the stored cluster identities. */
public final class StoredClusterNaming implements ClusterNaming {
    private final ClusterRepository clusters;

    public StoredClusterNaming(ClusterRepository clusters) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
    }

    @Override
    public ClusterIdentity name(GroupKey group, int clusterId, String name) {
        Objects.requireNonNull(group, "group");
        String checked = ClusterNaming.checkedName(name);
        String unknown = "The group " + group.objectLabel() + " / " + group.backgroundLabel() + " has no cluster "
                + clusterId + " (see the tree).";
        ClusterIdentity identity = clusters.identity(group, clusterId).orElseThrow(() -> new UnknownClusterException(unknown));
        return clusters.rename(identity.key(), checked).orElseThrow(() -> new UnknownClusterException(unknown));
    }

    @Override
    public ClusterIdentity nameByKey(String clusterKey, String name) {
        Objects.requireNonNull(clusterKey, "clusterKey");
        String checked = ClusterNaming.checkedName(name);
        return clusters.rename(clusterKey, checked)
                .orElseThrow(() -> new UnknownClusterException("No cluster has the key " + clusterKey + "."));
    }

    @Override
    public List<ClusterIdentity> identities() {
        return clusters.identities();
    }
}
