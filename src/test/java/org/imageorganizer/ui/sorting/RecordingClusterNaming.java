package org.imageorganizer.ui.sorting;

import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.services.ClusterNaming;

/** Cluster naming that checks names as the service does and records each ("dog/beach/2=Ski trip", "…=null"). */
final class RecordingClusterNaming implements ClusterNaming {
    final List<String> named = new ArrayList<>();

    @Override
    public ClusterIdentity name(GroupKey group, int clusterId, String name) {
        named.add(group.objectLabel() + "/" + group.backgroundLabel() + "/" + clusterId + "=" + ClusterNaming.checkedName(name));
        return null;
    }

    @Override
    public ClusterIdentity nameByKey(String clusterKey, String name) {
        throw new AssertionError("the window names clusters by their number");
    }

    @Override
    public List<ClusterIdentity> identities() {
        return List.of();
    }
}
