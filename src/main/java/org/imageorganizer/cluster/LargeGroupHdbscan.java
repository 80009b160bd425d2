package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

/**
 * HDBSCAN* that stays fast and within memory on large groups (ELKI's HDBSCAN* is quadratic:
 * 4,000 vectors of 512 dimensions take about 9–18 s).
 * <ul>
 *   <li>Small groups (up to {@code exactUpTo}) run exactly on the full embeddings.</li>
 *   <li>Larger groups are projected onto their top {@code dims} principal components first, which
 *       divides the cost of every distance by 512 / dims.</li>
 *   <li>Groups above {@code sampleCap} are clustered on an evenly spaced sample of that size; every other
 *       image joins the cluster of its nearest sampled neighbour when it lies within that cluster's
 *       reach (the largest core distance among its sampled members), else it is noise, in the spirit of
 *       the hdbscan library's "approximate predict".</li>
 * </ul>
 * Deterministic: the sample and the projection depend only on the input order.
 */
public final class LargeGroupHdbscan implements Clusterer {
    private final HdbscanClusterer exact;
    private final int minSamples;
    private final int exactUpTo;
    private final int dims;
    private final int sampleCap;

    public LargeGroupHdbscan(HdbscanClusterer exact, int minSamples, int exactUpTo, int dims, int sampleCap) {
        if (exactUpTo < 1 || dims < 2 || sampleCap < 2 * Math.max(2, minSamples)) {
            throw new IllegalArgumentException("invalid large-group settings: exactUpTo " + exactUpTo + ", dims " + dims
                    + ", sampleCap " + sampleCap);
        }
        this.exact = exact;
        this.minSamples = minSamples;
        this.exactUpTo = exactUpTo;
        this.dims = dims;
        this.sampleCap = sampleCap;
    }

    /** The product's defaults: exact up to 500 images, 32 principal components, samples of at most 6,000. */
    public static LargeGroupHdbscan defaults(ClusterSettings settings) {
        return new LargeGroupHdbscan(new HdbscanClusterer(settings), settings.minSamples(), 500, 32, 6000);
    }

    @Override
    public int[] cluster(float[][] vectors) {
        int n = vectors.length;
        if (n <= exactUpTo) {
            return exact.cluster(vectors);
        }
        double[][] unit = ClusteringInputs.normalisedCopy(vectors);
        double[][] projected = dims < unit[0].length ? PcaProjection.fit(unit, dims, 2000).project(unit) : unit;
        if (n <= sampleCap) {
            return exact.clusterPoints(projected);
        }
        return sampleAndAssign(projected);
    }

    private int[] sampleAndAssign(double[][] points) {
        int n = points.length;
        int[] sampleIndex = new int[sampleCap];
        boolean[] inSample = new boolean[n];
        for (int s = 0; s < sampleCap; s++) {
            sampleIndex[s] = (int) ((long) s * n / sampleCap);
            inSample[sampleIndex[s]] = true;
        }
        double[][] sample = new double[sampleCap][];
        for (int s = 0; s < sampleCap; s++) {
            sample[s] = points[sampleIndex[s]];
        }
        int[] sampleLabels = exact.clusterPoints(sample);
        double[] core = NearestNeighbours.coreDistances(sample, minSamples);
        // a cluster reaches as far as the loosest core distance among its sampled members
        int clusterCount = java.util.Arrays.stream(sampleLabels).max().orElse(-1) + 1;
        double[] reach = new double[clusterCount];
        for (int s = 0; s < sampleCap; s++) {
            if (sampleLabels[s] >= 0) {
                reach[sampleLabels[s]] = Math.max(reach[sampleLabels[s]], core[s]);
            }
        }
        int[] labels = new int[n];
        for (int s = 0; s < sampleCap; s++) {
            labels[sampleIndex[s]] = sampleLabels[s];
        }
        for (int i = 0; i < n; i++) {
            if (!inSample[i]) {
                int nearest = NearestNeighbours.nearest(sample, points[i]);
                int label = sampleLabels[nearest];
                double distance = Math.sqrt(NearestNeighbours.squaredDistance(sample[nearest], points[i]));
                labels[i] = label >= 0 && distance <= reach[label] ? label : -1;
            }
        }
        return ClusteringInputs.canonical(labels);
    }

    @Override
    public String describe() {
        return exact.describe().replace(")", ", exact≤" + exactUpTo + ", pca=" + dims + ", sample≤" + sampleCap + ")");
    }
}
