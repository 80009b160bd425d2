package org.imageorganizer.cluster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Input checks, L2 normalisation and label canonicalisation shared by the clusterers. */
final class ClusteringInputs {
    private ClusteringInputs() {
    }

    /**
     * Checks the vectors and returns an L2-normalised copy in double precision (ELKI's input type). Normalising
     * makes Euclidean distance a monotone function of cosine distance ({@code |a-b|² = 2 - 2cos}); vectors that
     * are already normalised are unchanged up to rounding, and all-zero vectors stay zero.
     *
     * @throws IllegalArgumentException if a vector is null, empty, of another dimension, or not finite
     */
    static double[][] normalisedCopy(float[][] vectors) {
        if (vectors == null) {
            throw new IllegalArgumentException("vectors must not be null");
        }
        double[][] out = new double[vectors.length][];
        int dim = vectors.length == 0 || vectors[0] == null ? -1 : vectors[0].length;
        for (int i = 0; i < vectors.length; i++) {
            float[] v = vectors[i];
            if (v == null || v.length == 0 || v.length != dim) {
                throw new IllegalArgumentException("vector " + i + " has dimension "
                        + (v == null ? "null" : v.length) + ", expected " + dim + " (non-zero, same for all)");
            }
            double[] d = new double[dim];
            double sum = 0;
            for (int j = 0; j < dim; j++) {
                if (!Float.isFinite(v[j])) {
                    throw new IllegalArgumentException("vector " + i + " has a non-finite value at " + j);
                }
                d[j] = v[j];
                sum += d[j] * d[j];
            }
            if (sum > 0) {
                double inv = 1.0 / Math.sqrt(sum);
                for (int j = 0; j < dim; j++) {
                    d[j] *= inv;
                }
            }
            out[i] = d;
        }
        return out;
    }

    /** The number of distinct vectors (exact equality). */
    static int distinctCount(double[][] vectors) {
        Set<VectorKey> seen = new HashSet<>();
        for (double[] v : vectors) {
            seen.add(new VectorKey(v));
        }
        return seen.size();
    }

    /**
     * Renumbers cluster labels in a content-determined order: the cluster holding the lowest input index becomes
     * 0, the next new one 1, and so on. Negative labels become {@link org.imageorganizer.model.SubCluster#NOISE_ID}.
     */
    static int[] canonical(int[] raw) {
        int[] out = new int[raw.length];
        Map<Integer, Integer> mapping = new HashMap<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0) {
                out[i] = -1;
                continue;
            }
            Integer id = mapping.get(raw[i]);
            if (id == null) {
                id = mapping.size();
                mapping.put(raw[i], id);
            }
            out[i] = id;
        }
        return out;
    }

    /** Array wrapper with value equality. */
    private record VectorKey(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof VectorKey other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
