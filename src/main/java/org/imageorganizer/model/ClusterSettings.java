package org.imageorganizer.model;


import java.util.Objects;

/**
 * Parameters of sub-clustering.
 *
 * @param algorithm      which algorithm to run
 * @param minClusterSize HDBSCAN*: smallest group of images that counts as a cluster (at least 2; default 5).
 *                       k-means with automatic k: bounds the largest k tried to {@code n / minClusterSize}
 * @param minSamples     HDBSCAN*: neighbours (the point itself included) that make a point a core point,
 *                       i.e. ELKI's {@code minPts}; larger values are more conservative (at least 1; default 5)
 * @param k              k-means: the number of clusters, or 0 to choose it automatically (default 0)
 * @param minGroupSize   groups with fewer images than this are not clustered but returned whole as cluster 0
 *                       (at least 1; default {@code 2 * minClusterSize} = 10, the smallest group that can hold
 *                       two clusters)
 * @param seed           random seed of k-means initialisation and X-means splits (default 42); HDBSCAN* is
 *                       deterministic and ignores it
 */
public record ClusterSettings(
        ClusterAlgorithm algorithm,
        int minClusterSize,
        int minSamples,
        int k,
        int minGroupSize,
        long seed) {

    /** Default smallest cluster. */
    public static final int DEFAULT_MIN_CLUSTER_SIZE = 5;
    /** Default HDBSCAN* {@code minPts}. */
    public static final int DEFAULT_MIN_SAMPLES = 5;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates the parameters; every message names the parameter and the value given. */
    public ClusterSettings {
        Objects.requireNonNull(algorithm, "algorithm must not be null");
        if (minClusterSize < 2) {
            throw new IllegalArgumentException("minClusterSize must be at least 2, got " + minClusterSize);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, got " + minSamples);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be 0 (choose automatically) or positive, got " + k);
        }
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("minGroupSize must be at least 1, got " + minGroupSize);
        }
    }

    /** HDBSCAN* with minClusterSize 5, minSamples 5, automatic k, minGroupSize 10 and seed 42. */
    public static ClusterSettings defaults() {
        return new ClusterSettings(ClusterAlgorithm.HDBSCAN, DEFAULT_MIN_CLUSTER_SIZE, DEFAULT_MIN_SAMPLES, 0,
                2 * DEFAULT_MIN_CLUSTER_SIZE, DEFAULT_SEED);
    }

    /** A copy with another algorithm. */
    public ClusterSettings withAlgorithm(ClusterAlgorithm newAlgorithm) {
        return new ClusterSettings(newAlgorithm, minClusterSize, minSamples, k, minGroupSize, seed);
    }

    /** A copy with another k (0 = automatic). */
    public ClusterSettings withK(int newK) {
        return new ClusterSettings(algorithm, minClusterSize, minSamples, newK, minGroupSize, seed);
    }

    /** A copy with another minimum group size. */
    public ClusterSettings withMinGroupSize(int newMinGroupSize) {
        return new ClusterSettings(algorithm, minClusterSize, minSamples, k, newMinGroupSize, seed);
    }
}
