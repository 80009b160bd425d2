package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import elki.clustering.hierarchical.ClusterDensityMergeHistory;
import elki.clustering.hierarchical.HDBSCANLinearMemory;
import elki.clustering.hierarchical.extraction.HDBSCANHierarchyExtraction;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.DendrogramModel;
import elki.distance.minkowski.EuclideanDistance;

/**
 * HDBSCAN* with ELKI 0.8: {@link HDBSCANLinearMemory} (Euclidean distance on L2-normalised vectors, which orders
 * pairs exactly like cosine distance; {@code minPts = minSamples}) followed by {@link HDBSCANHierarchyExtraction}
 * with {@code minClusterSize}.
 *
 * <p>How ELKI's result is read: ELKI 0.8 does not mark any cluster as noise. The extraction is run with
 * {@code hierarchical = true}, which returns one root cluster whose children are the selected (most stable)
 * clusters. The root's own members — the points that belong to no selected cluster — are noise (-1), as in
 * HDBSCAN*. If nothing was selected below the root, the root holds every point and the whole input is one
 * cluster 0 (like {@code allow_single_cluster} in the Python {@code hdbscan} package). Clusters that ELKI does
 * mark as noise are noise too.
 *
 * <p>Degenerate inputs: no vectors give an empty array; fewer vectors than {@code max(minClusterSize,
 * minSamples)} cannot form a density cluster and are returned as one cluster 0; all-identical vectors are one
 * cluster 0. Exact duplicates in a larger input are infinitely dense and may form their own cluster.
 *
 * <p>Cost: time quadratic in the number of vectors (about 10–20 s for 4,000 512-d vectors), linear memory.
 * Deterministic: there is no randomness, and labels are numbered by their lowest input index.
 */
public final class HdbscanClusterer implements Clusterer {
    private final int minClusterSize;
    private final int minSamples;

    /**
     * @param minClusterSize smallest cluster, at least 2
     * @param minSamples     ELKI's {@code minPts}, at least 1
     */
    public HdbscanClusterer(int minClusterSize, int minSamples) {
        if (minClusterSize < 2) {
            throw new IllegalArgumentException("minClusterSize must be at least 2, got " + minClusterSize);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, got " + minSamples);
        }
        this.minClusterSize = minClusterSize;
        this.minSamples = minSamples;
    }

    /** Uses {@link ClusterSettings#minClusterSize()} and {@link ClusterSettings#minSamples()}. */
    public HdbscanClusterer(ClusterSettings settings) {
        this(settings.minClusterSize(), settings.minSamples());
    }

    @Override
    public int[] cluster(float[][] vectors) {
        return clusterPoints(ClusteringInputs.normalisedCopy(vectors));
    }

    /** HDBSCAN* on points as they are (Euclidean distance, no normalisation). */
    int[] clusterPoints(double[][] data) {
        int n = data.length;
        if (n < Math.max(minClusterSize, minSamples) || ClusteringInputs.distinctCount(data) <= 1) {
            return new int[n]; // empty, too small to hold a density cluster, or all identical: one cluster 0
        }
        ElkiRelation input = new ElkiRelation(data);
        HDBSCANLinearMemory<NumberVector> hdbscan = new HDBSCANLinearMemory<>(EuclideanDistance.STATIC, minSamples);
        ClusterDensityMergeHistory merges = hdbscan.run(input.relation());
        Clustering<DendrogramModel> result =
                new HDBSCANHierarchyExtraction(hdbscan, minClusterSize, true).run(merges);

        int next = 0;
        for (Cluster<DendrogramModel> c : result.getAllClusters()) {
            boolean hasChildren = result.getClusterHierarchy().numChildren(c) > 0;
            input.assign(c.getIDs(), c.isNoise() || hasChildren ? -1 : next++);
        }
        return input.canonicalLabels();
    }

    @Override
    public String describe() {
        return "hdbscan(minClusterSize=" + minClusterSize + ", minSamples=" + minSamples + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
