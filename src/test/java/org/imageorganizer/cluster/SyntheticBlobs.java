package org.imageorganizer.cluster;

import java.util.Arrays;
import java.util.Random;

/**
 * Test helper: Gaussian blobs around random unit-vector centres, L2-normalised like CLIP embeddings, followed by
 * uniformly random unit-vector outliers (truth label -1).
 */
record SyntheticBlobs(float[][] vectors, int[] truth) {

    static SyntheticBlobs generate(long seed, int blobs, int perBlob, int outliers, int dim, double sigma) {
        Random random = new Random(seed);
        double[][] centres = new double[blobs][];
        for (int b = 0; b < blobs; b++) {
            centres[b] = unit(gaussian(random, dim, 1.0));
        }
        int n = blobs * perBlob + outliers;
        float[][] vectors = new float[n][];
        int[] truth = new int[n];
        int i = 0;
        for (int b = 0; b < blobs; b++) {
            for (int p = 0; p < perBlob; p++, i++) {
                double[] v = gaussian(random, dim, sigma);
                for (int d = 0; d < dim; d++) {
                    v[d] += centres[b][d];
                }
                vectors[i] = toFloat(unit(v));
                truth[i] = b;
            }
        }
        for (int o = 0; o < outliers; o++, i++) {
            vectors[i] = toFloat(unit(gaussian(random, dim, 1.0)));
            truth[i] = -1;
        }
        return new SyntheticBlobs(vectors, truth);
    }

    /** Number of points that belong to a blob (they come first). */
    int blobPoints() {
        return (int) Arrays.stream(truth).filter(t -> t >= 0).count();
    }

    private static double[] gaussian(Random random, int dim, double sigma) {
        double[] v = new double[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = sigma * random.nextGaussian();
        }
        return v;
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
        return Arrays.stream(v).map(x -> x / norm).toArray();
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            f[d] = (float) v[d];
        }
        return f;
    }
}
