package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

/** Creates the {@link Clusterer} that {@link ClusterSettings#algorithm()} names. */
public final class ClustererFactory {
    private ClustererFactory() {
    }

    /**
     * @param settings the parameters
     * @return a new {@link HdbscanClusterer} or {@link KMeansClusterer} configured from {@code settings}
     */
    public static Clusterer create(ClusterSettings settings) {
        return switch (settings.algorithm()) {
            case HDBSCAN -> LargeGroupHdbscan.defaults(settings);
            case KMEANS -> new KMeansClusterer(settings);
        };
    }
}
