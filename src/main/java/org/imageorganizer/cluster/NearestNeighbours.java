package org.imageorganizer.cluster;

import java.util.Arrays;

/** Brute-force nearest neighbours in low dimensions (after projection), for assigning unsampled points. */
final class NearestNeighbours {
    private NearestNeighbours() {
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }

    static int nearest(double[][] points, double[] query) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double d = squaredDistance(points[i], query);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** HDBSCAN*'s core distance: the distance to the {@code minSamples}-th nearest point, the point itself counted. */
    static double[] coreDistances(double[][] points, int minSamples) {
        int n = points.length;
        int k = Math.max(1, Math.min(minSamples, n) - 1);
        double[] core = new double[n];
        double[] best = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = squaredDistance(points[i], points[j]);
                if (d < best[k - 1]) {
                    int at = k - 1;
                    while (at > 0 && best[at - 1] > d) {
                        best[at] = best[at - 1];
                        at--;
                    }
                    best[at] = d;
                }
            }
            core[i] = Math.sqrt(best[k - 1]);
        }
        return core;
    }
}
