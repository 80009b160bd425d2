package org.imageorganizer.cluster;

import elki.math.linearalgebra.CovarianceMatrix;
import elki.math.linearalgebra.EigenvalueDecomposition;

/**
 * Projects vectors onto their top principal components (fitted with ELKI's covariance and
 * eigendecomposition on an evenly spaced sample), so that distance computations in large groups
 * cost a fraction of the full 512 dimensions while keeping the directions in which the group varies.
 */
final class PcaProjection {
    private final double[] mean;
    private final double[][] components; // [k][d]

    private PcaProjection(double[] mean, double[][] components) {
        this.mean = mean;
        this.components = components;
    }

    /** Fits on at most {@code fitSample} of the points (deterministically chosen). */
    static PcaProjection fit(double[][] points, int dims, int fitSample) {
        int n = points.length;
        int d = points[0].length;
        CovarianceMatrix covariance = new CovarianceMatrix(d);
        int step = Math.max(1, n / Math.max(1, fitSample));
        for (int i = 0; i < n; i += step) {
            covariance.put(points[i]);
        }
        EigenvalueDecomposition eigen = new EigenvalueDecomposition(covariance.makePopulationMatrix());
        double[] values = eigen.getRealEigenvalues();
        double[][] vectors = eigen.getV(); // columns are eigenvectors
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int k = Math.min(dims, d);
        double[][] components = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                components[c][j] = vectors[j][order[c]];
            }
        }
        return new PcaProjection(covariance.getMeanVector(), components);
    }

    /**
     * The coordinates on the principal components, plus one more: the distance from the point to the
     * components' subspace. Without it, an image unlike the rest of its group in directions the group
     * rarely varies in would land among the others and lose its place as noise.
     */
    double[][] project(double[][] points) {
        int k = components.length;
        double[][] out = new double[points.length][k + 1];
        double[] centred = new double[mean.length];
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            double total = 0;
            for (int j = 0; j < centred.length; j++) {
                centred[j] = p[j] - mean[j];
                total += centred[j] * centred[j];
            }
            double captured = 0;
            for (int c = 0; c < k; c++) {
                double[] component = components[c];
                double sum = 0;
                for (int j = 0; j < centred.length; j++) {
                    sum += component[j] * centred[j];
                }
                out[i][c] = sum;
                captured += sum * sum;
            }
            out[i][k] = Math.sqrt(Math.max(0, total - captured));
        }
        return out;
    }
}
