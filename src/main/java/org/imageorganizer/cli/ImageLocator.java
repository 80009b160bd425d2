package org.imageorganizer.cli;

import java.util.HashMap;
import java.util.Map;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.model.SubCluster;

/** Which computed cluster each image id sits in (images waiting for the clustering are left out). */
final class ImageLocator {
    private ImageLocator() {
    }

    static Map<Long, SubCluster> clusterOf(OrganizedTree tree) {
        Map<Long, SubCluster> byId = new HashMap<>();
        for (ObjectGroup object : tree.objects()) {
            for (BackgroundGroup background : object.subgroups()) {
                for (SubCluster cluster : background.clusters()) {
                    if (cluster.pending()) {
                        continue;
                    }
                    cluster.imageIds().forEach(id -> byId.put(id, cluster));
                }
            }
        }
        return byId;
    }
}
