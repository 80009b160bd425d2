package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import elki.clustering.kmeans.KMeans;
import elki.clustering.kmeans.LloydKMeans;
import elki.clustering.kmeans.XMeans;
import elki.clustering.kmeans.initialization.KMeansPlusPlus;
import elki.clustering.kmeans.quality.BayesianInformationCriterionXMeans;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.KMeansModel;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.utilities.random.RandomFactory;

/**
 * k-means with ELKI 0.8 on L2-normalised vectors (squared Euclidean distance, i.e. cosine for unit vectors).
 *
 * <p>With {@code k > 0}: {@link LloydKMeans} with k-means++ initialisation seeded by {@code seed}. If k exceeds
 * the number of distinct vectors it is clamped to that number (more clusters than distinct points cannot all be
 * non-empty). With {@code k = 0}: {@link XMeans} chooses k by the Bayesian information criterion, between 2 and
 * {@code kmax = min(20, n / max(2, minClusterSize))}, again at most the number of distinct vectors; note that
 * X-means treats kmax as a soft limit and may return up to {@code 2 * kmax} clusters.
 *
 * <p>k-means has no noise: labels are 0..k-1, numbered by their lowest input index; clusters that end up empty
 * are skipped. Fewer than two distinct vectors, or {@code k = 1}, give one cluster 0. Deterministic for a given
 * seed.
 */
public final class KMeansClusterer implements Clusterer {
    /** Iteration limit of each k-means run. */
    static final int MAX_ITERATIONS = 100;
    /** Upper bound of the automatic k. */
    static final int MAX_AUTO_K = 20;

    private final int k;
    private final int minClusterSize;
    private final long seed;

    /**
     * @param k              number of clusters, or 0 to choose automatically
     * @param minClusterSize bounds the automatic kmax to {@code n / minClusterSize}; at least 2
     * @param seed           random seed
     */
    public KMeansClusterer(int k, int minClusterSize, long seed) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be 0 (choose automatically) or positive, got " + k);
        }
        if (minClusterSize < 2) {
            throw new IllegalArgumentException("minClusterSize must be at least 2, got " + minClusterSize);
        }
        this.k = k;
        this.minClusterSize = minClusterSize;
        this.seed = seed;
    }

    /** Uses {@link ClusterSettings#k()}, {@link ClusterSettings#minClusterSize()} and {@link ClusterSettings#seed()}. */
    public KMeansClusterer(ClusterSettings settings) {
        this(settings.k(), settings.minClusterSize(), settings.seed());
    }

    @Override
    public int[] cluster(float[][] vectors) {
        double[][] data = ClusteringInputs.normalisedCopy(vectors);
        int distinct = ClusteringInputs.distinctCount(data);
        if (distinct <= 1 || k == 1) {
            return new int[data.length]; // empty, all identical, or one cluster asked for
        }
        ElkiRelation input = new ElkiRelation(data);
        Clustering<? extends KMeansModel> result = k > 0
                ? lloyd(Math.min(k, distinct)).run(input.relation())
                : xmeans(data.length, distinct).run(input.relation());
        int next = 0;
        for (Cluster<? extends KMeansModel> c : result.getAllClusters()) {
            input.assign(c.getIDs(), next++);
        }
        return input.canonicalLabels();
    }

    private LloydKMeans<NumberVector> lloyd(int clusters) {
        return new LloydKMeans<>(SquaredEuclideanDistance.STATIC, clusters, MAX_ITERATIONS,
                new KMeansPlusPlus<>(new RandomFactory(seed)));
    }

    private XMeans<NumberVector, KMeansModel> xmeans(int n, int distinct) {
        int kmax = Math.min(distinct, Math.max(2, Math.min(MAX_AUTO_K, n / Math.max(2, minClusterSize))));
        RandomFactory random = new RandomFactory(seed);
        // XMeans replaces the inner algorithm's initialiser and k with its own on every run.
        KMeans<NumberVector, KMeansModel> inner = lloyd(2);
        return new XMeans<>(SquaredEuclideanDistance.STATIC, 2, kmax, MAX_ITERATIONS, inner,
                new KMeansPlusPlus<>(random), new BayesianInformationCriterionXMeans(), random);
    }

    @Override
    public String describe() {
        return "kmeans(k=" + (k > 0 ? String.valueOf(k) : "auto[x-means, BIC]") + ", seed=" + seed + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
